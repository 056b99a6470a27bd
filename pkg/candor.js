/*! Candor loader, the one script a host page includes:
 *   <script src="https://collector.example/candor.js" data-survey="checkout" async></script>
 * Small: it reads the survey's settings, decides whether this browser is
 * asked (sampling, recontact and dismissal days in localStorage, never
 * cookies), waits for the trigger, and only then fetches the widget's wasm
 * from beside itself. Without data-survey it offers the collector's open
 * surveys by their page rules (site.js). It defines <candor-survey>,
 * <candor-snapshot> and window.Candor (show, prepare, hide, on, context,
 * identify: identity.js); flushes unsent responses of earlier page views.
 * Every failure is a console warning, never an exception. ES2020.
 */
(() => {
  "use strict";
  if (window.Candor?.version) return;
  // Calls made before this script ran (the README's stub), replayed.
  const queued = window.Candor?.q || [];
  const SEEN = "candor:seen";
  const OUTBOX = "candor:outbox";
  // The survey this browser was last asked and when (the site-wide cap).
  const ASKED = "candor:asked";
  // Page views per survey in this browser session (page_view triggers).
  const VIEWS = "candor:views";
  const DAY = 864e5;
  // Copied from core and the widget (`cargo xtask tidy` checks they agree):
  // recontact_days' and dismissal_days' defaults, context fields' limits.
  const VERSION = "0.1.0";
  const RECONTACT_DAYS = 90;
  const DISMISSAL_DAYS = 14;
  const CONTEXT_FIELDS = 20;
  const CONTEXT_NAME = 40;
  const CONTEXT_VALUE = 200;
  const CONTEXT_NAME_RULE = new RegExp("^[a-z0-9_]{1," + CONTEXT_NAME + "}$");
  // The modules' version, written by the site's build (`cargo xtask`): asked
  // for by version, browsers keep them for good. Empty in the npm package.
  const BUILD = "";
  const script = document.currentScript;
  const base = new URL(".", script?.src || location.href);
  const endpoint = script?.getAttribute("data-endpoint") || base.origin;
  const listeners = {};
  // No prototype: a field named "constructor" or "__proto__" is a field.
  const context = Object.create(null);
  const shown = [];
  let wasm, snapshotModule, prepared, listed;
  // Candor.identify's work (awaited before a survey is chosen) and result.
  let visitor, identity;

  const warn = (message, error) => {
    try {
      console.warn("Candor: " + message, error || "");
    } catch {}
  };

  const emit = (name, detail) => {
    for (const listener of (listeners[name] || []).slice()) {
      try {
        listener(detail);
      } catch (error) {
        warn("a listener for " + name + " threw.", error);
      }
    }
  };

  // Storage that never throws (`area` is read inside: even naming it can).
  const read = (key, area = "localStorage") => {
    try {
      return JSON.parse(window[area].getItem(key));
    } catch {}
  };

  const write = (key, value, area = "localStorage") => {
    try {
      window[area].setItem(key, JSON.stringify(value));
    } catch {}
  };

  // A file beside this one, of this build.
  const beside = (name) => new URL(name + (BUILD ? "?v=" + BUILD : ""), base).href;

  // The widget, fetched once and only when needed, the wasm compiled while
  // its glue loads. `name` is candor_wasm (the whole widget) or
  // candor_snapshot (only <candor-snapshot>: half the size).
  const fetchModule = async (name) => {
    const binary = fetch(beside(name + "_bg.wasm")).then((response) => {
      if (!response.ok) throw new Error("Candor: the widget's wasm answered " + response.status);
      if (typeof WebAssembly.compileStreaming !== "function") return response.arrayBuffer();
      // A server sending the wrong media type defeats streaming, not us.
      return WebAssembly.compileStreaming(response.clone()).catch(() => response.arrayBuffer());
    });
    // Reported through the glue below; never unhandled in the host page.
    binary.catch(() => {});
    const module = await import(beside(name + ".js"));
    await module.default({ module_or_path: binary });
    return module;
  };

  const load = () => wasm || (wasm = fetchModule("candor_wasm"));

  // A snapshot loads the snapshot module (half the widget's size), unless
  // this page may show a survey too: then the whole widget, once for both.
  const loadSnapshot = () => {
    const survey = wasm || prepared || script?.hasAttribute("data-survey") || document.querySelector("candor-survey");
    return survey ? load() : snapshotModule || (snapshotModule = fetchModule("candor_snapshot"));
  };

  // Loads the widget in idle time, so a survey the page knows it will show
  // appears at once; only when asked (Candor.prepare(), data-prepare).
  const prepare = () =>
    prepared ||
    (prepared = new Promise((idle) => (window.requestIdleCallback ? requestIdleCallback(idle) : setTimeout(idle, 1))).then(
      async () => {
        let module;
        try {
          module = await load();
        } catch (error) {
          warn("the widget could not be prepared.", error);
          return false;
        }
        try {
          // Runs the widget once unseen, so its code compiles now, in a
          // task of its own apart from starting the wasm.
          await new Promise((next) => setTimeout(next));
          await module.warm_up();
        } catch (error) {
          warn("the widget could not warm up.", error);
        }
        return true;
      },
    ));

  // Whether this browser is asked: in the survey's audience (identified
  // visitors only), not within its recontact days of an answer or its
  // dismissal days of a dismissal, and inside the sample (one random number
  // per browser and survey, kept, so a visitor is in or out for good).
  const eligible = (id, settings) => {
    if (settings.audience?.length && !identity?.admits(settings.audience)) return false;
    const all = read(SEEN) || {};
    const seen = all[id] || {};
    const now = Date.now();
    const recontact = settings.recontact_days ?? RECONTACT_DAYS;
    const dismissal = settings.dismissal_days ?? DISMISSAL_DAYS;
    if (seen.answered && now - seen.answered < recontact * DAY) return false;
    if (seen.dismissed && now - seen.dismissed < dismissal * DAY) return false;
    if (typeof seen.sample !== "number") {
      seen.sample = Math.random();
      all[id] = seen;
      write(SEEN, all);
    }
    return seen.sample < (settings.sampling_rate ?? 1);
  };

  // Calls `fire` once, when the survey's trigger happens (`views`: this
  // session's page views of it). Returns what disarms it.
  const arm = (trigger, fire, views) => {
    const on = trigger?.on || "immediately";
    const offs = [];
    const listen = (target, name, handler, options) => {
      target.addEventListener(name, handler, options);
      offs.push(() => target.removeEventListener(name, handler, options));
    };
    let done = false;
    const disarm = () => (done = true) && offs.splice(0).forEach((off) => off());
    const once = () => done || (disarm(), fire());
    if (on === "immediately") once();
    else if (on === "delay") {
      // Certain to show unless the visitor leaves first: the widget is
      // loaded while the seconds run, so it shows at once when they end.
      if (trigger.seconds >= 1) prepare();
      const timer = setTimeout(once, trigger.seconds * 1000);
      offs.push(() => clearTimeout(timer));
    } else if (on === "scroll") {
      const scrolled = () => {
        const room = document.documentElement.scrollHeight - innerHeight;
        if (room <= 0 || (scrollY / room) * 100 >= trigger.percent) once();
      };
      listen(window, "scroll", scrolled, { passive: true });
      scrolled();
    } else if (on === "exit_intent") {
      listen(document, "mouseout", (event) => !event.relatedTarget && event.clientY <= 0 && once());
    } else if (on === "event") {
      // Dispatched on the document or on window; either fires it.
      listen(document, trigger.name, once);
      listen(window, trigger.name, once);
    } else if (on === "click") {
      // Delegated, so an element added after load counts too.
      const clicked = (event) => {
        try {
          event.target.closest?.(trigger.selector) && once();
        } catch (error) {
          disarm();
          warn("the selector " + trigger.selector + " is not valid.", error);
        }
      };
      listen(document, "click", clicked, true);
    } else if (on === "page_view" && views >= trigger.count) once();
    // "api": only Candor.show().
    return disarm;
  };

  // Counts a page view of survey `id` in this session; returns the count.
  const viewed = (id) => {
    const all = read(VIEWS, "sessionStorage") || {};
    all[id] = (all[id] || 0) + 1;
    write(VIEWS, all, "sessionStorage");
    return all[id];
  };

  const api = (at, path) => fetch(at.replace(/\/$/, "") + "/v1/surveys" + path);
  // The collector's open surveys and salt (GET /v1/surveys), asked for once.
  const siteList = () =>
    listed ||
    (listed = api(endpoint, "").then((response) => {
      if (!response.ok) throw new Error("the list answered " + response.status);
      return response.json();
    }));

  // The survey's definition as JSON text: the one given, or the endpoint's;
  // null while it is not open (410: not started, ended or at its limit).
  const definitionOf = async (options) => {
    if (options.definition) return options.definition;
    const response = await api(options.endpoint, "/" + encodeURIComponent(options.survey));
    if (response.status === 410) return null;
    if (!response.ok) throw new Error("the survey " + options.survey + " answered " + response.status);
    return response.text();
  };

  // Reads the survey, checks the visitor is asked (unless ignoreLimits),
  // waits for the trigger (unless now), mounts (inline into options.host).
  const start = async (options) => {
    try {
      await visitor;
      const definition = await definitionOf(options);
      if (!definition) return;
      const settings = JSON.parse(definition).settings || {};
      if (!options.ignoreLimits && !eligible(options.survey, settings)) return;
      const trigger = options.now ? null : settings.trigger;
      const show = () => mount(options, definition, options.display || settings.display || "inline");
      arm(trigger, show, trigger?.on === "page_view" && viewed(options.survey));
    } catch (error) {
      warn("the survey " + options.survey + " could not be started.", error);
    }
  };

  // Shows the survey `definition` (JSON text) as `display`, once per survey.
  const mount = async (options, definition, display) => {
    if (shown.some((host) => host.candorSurvey === options.survey && host.isConnected && !host.hidden)) return;
    let host = options.host;
    if (display !== "inline" || !host) {
      // Floating modes live at the end of <body>, clear of the page's
      // stacking and overflow.
      host = document.createElement("candor-widget");
      host.setAttribute("data-survey", options.survey);
      if (display === "inline" && options.after) options.after.after(host);
      else document.body.append(host);
      host.candorOwned = true;
    }
    host.candorSurvey = options.survey;
    shown.push(host);
    write(ASKED, { survey: options.survey, at: Date.now() });
    try {
      const { endpoint, survey } = options;
      await (await load()).mount(host, { endpoint, survey, definition, display, visitor: identity?.hash }, emit, () => context);
    } catch (error) {
      warn("the survey " + options.survey + " could not be shown.", error);
    }
  };

  // Whether a <candor-survey> names survey `id` (then it shows there).
  const placed = (id) => [...document.querySelectorAll("candor-survey")].some((e) => e.getAttribute("survey") === id);

  // Site-wide: the collector's open surveys; site.js loads only if any are.
  const site = async () => {
    try {
      const list = await siteList();
      if (!list.surveys.length) return;
      await visitor;
      const chooser = await import(beside("site.js"));
      chooser.offer(list, { arm, eligible, viewed, start, shown, endpoint, after: script, asked: () => read(ASKED), DAY });
    } catch (error) {
      warn("the site's surveys could not be offered.", error);
    }
  };

  const define = (name, connect) => {
    if (!window.customElements || customElements.get(name)) return;
    customElements.define(
      name,
      class extends HTMLElement {
        connectedCallback() {
          if (this.candorStarted) return;
          this.candorStarted = true;
          try {
            connect(this, this.getAttribute("endpoint") || endpoint, this.getAttribute("survey"));
          } catch (error) {
            warn("<" + name + "> could not be started.", error);
          }
        }
      },
    );
  };

  window.Candor = {
    version: VERSION,
    /** Names the visitor (the id is hashed before it leaves) with attributes
     * for audiences, sent as context; null forgets. Before a survey shows. */
    identify: (id, attributes) => {
      window.Candor.context(attributes);
      identity = undefined;
      // Only the latest call's visitor counts (a sign-out after a sign-in).
      const call = (visitor = id == null ? undefined : import(beside("identity.js"))
        .then((module) => module.identify(String(id), attributes, { siteList, endpoint, read, write, SEEN, ASKED, DAY, CONTEXT_NAME_RULE, CONTEXT_VALUE }))
        .then((known) => call === visitor && (identity = known), (error) => warn("the visitor could not be identified.", error)));
    },
    /** Shows a survey now (its trigger is skipped; sampling and recontact
     * limits hold unless options.force). */
    show: (survey, options = {}) =>
      start({
        endpoint: options.endpoint || endpoint,
        survey,
        display: options.display,
        definition: options.definition && JSON.stringify(options.definition),
        now: true,
        ignoreLimits: options.force,
      }),
    /** Loads the widget in idle time, so a survey shown later by
     * Candor.show() or a trigger appears without waiting for the wasm.
     * Resolves to whether it loaded (never rejects), once it is ready. */
    prepare,
    /** Removes every survey this page shows. */
    hide: () => {
      for (const host of shown.splice(0)) {
        if (host.candorOwned) host.remove();
        else host.hidden = true;
      }
    },
    /** Listens to "submit", "dismiss" or "error". */
    on: (name, listener) => {
      (listeners[name] = listeners[name] || []).push(listener);
    },
    /** Hidden fields sent with the responses from now on (channel, order
     * band…): names of a-z, 0-9 and _, text values up to 200 characters, at
     * most 20; null removes one. Others are left out with a warning, so a
     * response is never refused for its context. */
    context: (fields) => {
      for (const key of Object.keys(fields || {})) {
        const known = Object.prototype.hasOwnProperty.call(context, key);
        if (fields[key] == null) delete context[key];
        else if (CONTEXT_NAME_RULE.test(key) && (known || Object.keys(context).length < CONTEXT_FIELDS)) {
          context[key] = String(fields[key]).slice(0, CONTEXT_VALUE);
        } else warn("context field " + JSON.stringify(key) + " was left out (a-z, 0-9, _; at most " + CONTEXT_FIELDS + ").");
      }
    },
  };

  for (const [name, args] of queued) {
    try {
      window.Candor[name](...args);
    } catch (error) {
      warn("a queued call to Candor." + name + " failed.", error);
    }
  }

  try {
    define("candor-survey", (element, at, survey) => {
      start({
        endpoint: at,
        survey,
        display: element.getAttribute("display"),
        definition: element.querySelector('script[type="application/json"]')?.textContent,
        host: element,
      });
    });
    define("candor-snapshot", async (element, at, survey) => {
      try {
        (await loadSnapshot()).mount_snapshot(element, at, survey);
      } catch (error) {
        warn("the snapshot of " + survey + " could not be shown.", error);
      }
    });
    if (script?.hasAttribute("data-prepare")) prepare();
    const survey = script?.getAttribute("data-survey");
    // Once the page is parsed, so a <candor-survey> naming the same survey
    // is always where it shows, however the script and the page race.
    const parsed = () => {
      // Site-wide where the collector is known (named, or the one that
      // served this stamped loader; an npm copy would ask the site itself)
      // and the page places no survey of its own: one per page view.
      if (!survey) (BUILD || script?.hasAttribute("data-endpoint")) && !document.querySelector("candor-survey") && site();
      else if (!placed(survey)) start({ endpoint, survey, display: script.getAttribute("data-display"), after: script });
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", parsed, { once: true });
    else parsed();
    if (read(OUTBOX)?.length) {
      load()
        .then((module) => module.flush_outbox(emit))
        .catch((error) => warn("unsent responses could not be sent yet.", error));
    }
  } catch (error) {
    warn("could not start.", error);
  }
})();

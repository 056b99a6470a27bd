/*! Candor loader: the one script a host page includes.
 *
 *   <script src="https://collector.example/candor.js"
 *           data-endpoint="https://collector.example" data-survey="checkout" async></script>
 *
 * It stays small: it reads the survey's settings, decides whether this
 * browser is asked (sampling, recontact and dismissal days, kept in
 * localStorage, never cookies), waits for the trigger, and only then fetches
 * the widget's WebAssembly from beside itself. It also defines
 * <candor-survey> and <candor-snapshot>, and window.Candor (show, prepare,
 * hide, on, context). A page that knows it will show a survey can ask for the
 * widget ahead of time (data-prepare, Candor.prepare()). Unsent responses
 * left by an earlier page view are flushed.
 * Every failure is a console warning: the host page never sees an exception.
 */
(function () {
  "use strict";
  if (window.Candor && window.Candor.version) return;
  // Calls a page made before this script ran, through the stub in the
  // README (`Candor.q`), replayed once the API exists.
  var queued = (window.Candor && window.Candor.q) || [];
  var SEEN = "candor:seen";
  var OUTBOX = "candor:outbox";
  var DAY = 864e5;
  // Copied from core and the widget (`cargo xtask tidy` checks they agree):
  // the defaults of a survey's recontact_days and dismissal_days, and the
  // limits of hidden context fields.
  var VERSION = "0.1.0";
  var RECONTACT_DAYS = 90;
  var DISMISSAL_DAYS = 14;
  var CONTEXT_FIELDS = 20;
  var CONTEXT_NAME = 40;
  var CONTEXT_VALUE = 200;
  var CONTEXT_NAME_RULE = new RegExp("^[a-z0-9_]{1," + CONTEXT_NAME + "}$");
  // The site's build writes its modules' version here (`cargo xtask`, when
  // it stages the site): the modules are then asked for by version, and
  // the collector lets browsers keep them for good. Empty in the npm
  // package: the files are asked for as they are.
  var BUILD = "";
  var script = document.currentScript;
  var base = new URL(".", (script && script.src) || location.href);
  var endpoint = (script && script.getAttribute("data-endpoint")) || base.origin;
  var listeners = {};
  // No prototype: a field named "constructor" or "__proto__" is a field.
  var context = Object.create(null);
  var shown = [];
  var wasm;
  var snapshotModule;
  var prepared;

  function warn(message, error) {
    try {
      console.warn("Candor: " + message, error || "");
    } catch (ignored) {}
  }

  function emit(name, detail) {
    (listeners[name] || []).slice().forEach(function (listener) {
      try {
        listener(detail);
      } catch (error) {
        warn("a listener for " + name + " threw.", error);
      }
    });
  }

  function read(key) {
    try {
      return JSON.parse(localStorage.getItem(key));
    } catch (error) {
      return null;
    }
  }

  // The widget, fetched once and only when needed. The wasm is fetched and
  // compiled while its glue module loads, not after: both are on the way
  // from the trigger on. `name` is candor_wasm (the whole widget) or
  // candor_snapshot (only <candor-snapshot>: half the size).
  function fetchModule(name) {
    var build = BUILD ? "?v=" + BUILD : "";
    var binary = fetch(new URL(name + "_bg.wasm" + build, base)).then(function (response) {
      if (!response.ok) throw new Error("Candor: the widget's wasm answered " + response.status);
      if (typeof WebAssembly.compileStreaming !== "function") return response.arrayBuffer();
      // A server sending the wrong media type defeats streaming, not us.
      return WebAssembly.compileStreaming(response.clone()).catch(function () {
        return response.arrayBuffer();
      });
    });
    // Reported through the glue below; never unhandled in the host page.
    binary.catch(function () {});
    return import(new URL(name + ".js" + build, base).href).then(function (module) {
      return module.default({ module_or_path: binary }).then(function () {
        return module;
      });
    });
  }

  function load() {
    return wasm || (wasm = fetchModule("candor_wasm"));
  }

  // A snapshot loads the snapshot module (half the widget's size), unless
  // this page may show a survey too: then the whole widget, once for both.
  function loadSnapshot() {
    var survey = wasm || prepared || (script && script.hasAttribute("data-survey")) || document.querySelector("candor-survey");
    return survey ? load() : snapshotModule || (snapshotModule = fetchModule("candor_snapshot"));
  }

  // Loads the widget ahead of its trigger, when the browser is idle, so a
  // survey the page knows it will show appears at once. Only when the page
  // asks (Candor.prepare(), data-prepare): by default no page pays for the
  // wasm before a survey shows.
  function prepare() {
    if (prepared) return prepared;
    return (prepared = new Promise(function (done) {
      var go = function () {
        load()
          .then(function (module) {
            // Runs the widget once where nobody sees it, so its code is
            // compiled now rather than when the survey shows; in a task of
            // its own, apart from starting the wasm.
            return new Promise(function (next) {
              setTimeout(next);
            })
              .then(module.warm_up)
              .catch(function (error) {
                warn("the widget could not warm up.", error);
              });
          })
          .then(
            function () {
              done(true);
            },
            function (error) {
              warn("the widget could not be prepared.", error);
              done(false);
            }
          );
      };
      if (window.requestIdleCallback) requestIdleCallback(go);
      else setTimeout(go, 1);
    }));
  }

  // Whether this browser is asked: not within the survey's recontact days
  // of an answer or its dismissal days of a dismissal, and inside the
  // sample (one random number per browser and survey, kept, so a visitor is
  // in or out for good rather than on every page view).
  function eligible(id, settings) {
    var all = read(SEEN) || {};
    var seen = all[id] || {};
    var now = Date.now();
    var recontact = settings.recontact_days == null ? RECONTACT_DAYS : settings.recontact_days;
    var dismissal = settings.dismissal_days == null ? DISMISSAL_DAYS : settings.dismissal_days;
    if (seen.answered && now - seen.answered < recontact * DAY) return false;
    if (seen.dismissed && now - seen.dismissed < dismissal * DAY) return false;
    if (typeof seen.sample !== "number") {
      seen.sample = Math.random();
      all[id] = seen;
      try {
        localStorage.setItem(SEEN, JSON.stringify(all));
      } catch (ignored) {}
    }
    return seen.sample < (settings.sampling_rate == null ? 1 : settings.sampling_rate);
  }

  // Calls fire once, when the survey's trigger happens.
  function arm(trigger, fire) {
    var on = (trigger && trigger.on) || "immediately";
    var done = false;
    var once = function () {
      if (!done) {
        done = true;
        fire();
      }
    };
    if (on === "immediately") once();
    else if (on === "delay") {
      // Certain to show unless the visitor leaves first: the widget is
      // loaded while the seconds run, so it shows at once when they end.
      if (trigger.seconds >= 1) prepare();
      setTimeout(once, trigger.seconds * 1000);
    }
    else if (on === "scroll") {
      var scrolled = function () {
        var room = document.documentElement.scrollHeight - innerHeight;
        if (room <= 0 || (scrollY / room) * 100 >= trigger.percent) {
          removeEventListener("scroll", scrolled);
          once();
        }
      };
      addEventListener("scroll", scrolled, { passive: true });
      scrolled();
    } else if (on === "exit_intent") {
      var left = function (event) {
        if (!event.relatedTarget && event.clientY <= 0) {
          document.removeEventListener("mouseout", left);
          once();
        }
      };
      document.addEventListener("mouseout", left);
    } else if (on === "event") {
      // Dispatched on the document or on window; either fires it.
      document.addEventListener(trigger.name, once, { once: true });
      addEventListener(trigger.name, once, { once: true });
    }
    // "api": only Candor.show().
  }

  function definitionOf(options) {
    if (options.definition) return Promise.resolve(JSON.parse(options.definition));
    return fetch(options.endpoint.replace(/\/$/, "") + "/v1/surveys/" + encodeURIComponent(options.survey)).then(
      function (response) {
        if (!response.ok) throw new Error("the survey " + options.survey + " answered " + response.status);
        return response.text();
      }
    ).then(function (text) {
      options.definition = text;
      return JSON.parse(text);
    });
  }

  // Reads the survey, checks the visitor is to be asked (unless
  // options.ignoreLimits), waits for the trigger (unless options.now), then
  // mounts. `options.host` is the element to render into when the survey
  // shows inline.
  function start(options) {
    return definitionOf(options)
      .then(function (survey) {
        var settings = survey.settings || {};
        if (!options.ignoreLimits && !eligible(options.survey, settings)) return;
        arm(options.now ? null : settings.trigger, function () {
          mount(options, options.display || settings.display || "inline");
        });
      })
      .catch(function (error) {
        warn("the survey " + options.survey + " could not be started.", error);
      });
  }

  function mount(options, display) {
    var already = shown.some(function (host) {
      return host.candorSurvey === options.survey && host.isConnected && !host.hidden;
    });
    if (already) return;
    var host = options.host;
    if (display !== "inline" || !host) {
      // Floating modes live at the end of <body>, clear of the page's
      // stacking and overflow.
      host = document.createElement("candor-widget");
      host.setAttribute("data-survey", options.survey);
      (display === "inline" && options.after
        ? options.after.parentNode.insertBefore(host, options.after.nextSibling)
        : document.body.appendChild(host));
      host.candorOwned = true;
    }
    host.candorSurvey = options.survey;
    shown.push(host);
    return load()
      .then(function (module) {
        return module.mount(
          host,
          { endpoint: options.endpoint, survey: options.survey, definition: options.definition, display: display },
          emit,
          function () {
            return context;
          }
        );
      })
      .catch(function (error) {
        warn("the survey " + options.survey + " could not be shown.", error);
      });
  }

  function define(name, connect) {
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
      }
    );
  }

  window.Candor = {
    version: VERSION,
    /** Shows a survey now (its trigger is skipped; sampling and recontact
     * limits hold unless options.force). */
    show: function (survey, options) {
      options = options || {};
      return start({
        endpoint: options.endpoint || endpoint,
        survey: survey,
        display: options.display,
        definition: options.definition && JSON.stringify(options.definition),
        now: true,
        ignoreLimits: options.force,
      });
    },
    /** Loads the widget in idle time, so a survey shown later by
     * Candor.show() or a trigger appears without waiting for the wasm.
     * Resolves to whether it loaded (never rejects), once it is ready. */
    prepare: prepare,
    /** Removes every survey this page shows. */
    hide: function () {
      shown.splice(0).forEach(function (host) {
        if (host.candorOwned) host.remove();
        else host.hidden = true;
      });
    },
    /** Listens to "submit", "dismiss" or "error". */
    on: function (name, listener) {
      (listeners[name] = listeners[name] || []).push(listener);
    },
    /** Hidden fields sent with the responses from now on (channel, order
     * band…): names of a-z, 0-9 and _, text values up to 200 characters, at
     * most 20; null removes one. Others are left out with a warning, so a
     * response is never refused for its context. */
    context: function (fields) {
      Object.keys(fields || {}).forEach(function (key) {
        if (fields[key] == null) delete context[key];
        else if (CONTEXT_NAME_RULE.test(key) && (Object.prototype.hasOwnProperty.call(context, key) || Object.keys(context).length < CONTEXT_FIELDS)) {
          context[key] = String(fields[key]).slice(0, CONTEXT_VALUE);
        } else warn("context field " + JSON.stringify(key) + " was left out (a-z, 0-9, _; at most " + CONTEXT_FIELDS + ").");
      });
    },
  };

  queued.forEach(function (call) {
    try {
      window.Candor[call[0]].apply(null, call[1]);
    } catch (error) {
      warn("a queued call to Candor." + call[0] + " failed.", error);
    }
  });

  try {
    define("candor-survey", function (element, at, survey) {
      var inline = element.querySelector('script[type="application/json"]');
      start({
        endpoint: at,
        survey: survey,
        display: element.getAttribute("display"),
        definition: inline && inline.textContent,
        host: element,
      });
    });
    define("candor-snapshot", function (element, at, survey) {
      loadSnapshot()
        .then(function (module) {
          module.mount_snapshot(element, at, survey);
        })
        .catch(function (error) {
          warn("the snapshot of " + survey + " could not be shown.", error);
        });
    });
    if (script && script.hasAttribute("data-prepare")) prepare();
    var survey = script && script.getAttribute("data-survey");
    if (survey) {
      start({ endpoint: endpoint, survey: survey, display: script.getAttribute("data-display"), after: script, host: null });
    }
    var waiting = read(OUTBOX);
    if (waiting && waiting.length) {
      load()
        .then(function (module) {
          module.flush_outbox(emit);
        })
        .catch(function (error) {
          warn("unsent responses could not be sent yet.", error);
        });
    }
  } catch (error) {
    warn("could not start.", error);
  }
})();

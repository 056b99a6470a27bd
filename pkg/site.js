/*! Candor's site-wide chooser, loaded by candor.js only when the collector
 * lists open surveys with page rules: at most one survey asked per page view
 * (the first in the list whose pages, the site's frequency cap, recontact
 * and sampling allow it and whose trigger fires), chosen again on each route
 * change of a single-page app; one that shows stays while it is answered.
 */

/** Whether the page is one `rule` names: a path pattern (`*` any run of
 * characters) and `?name` a query parameter present, never its value (the
 * grammar of core's `PageRule`). */
const matches = (rule) => {
  const [path, name] = rule.split("?");
  const pattern = path.split("*").map((part) => part.replace(/[.+^${}()|[\]\\]/g, "\\$&"));
  return new RegExp("^" + pattern.join(".*") + "$").test(location.pathname) && (!name || new URLSearchParams(location.search).has(name));
};

/** Whether `pages` offer the survey on this page. */
const offered = (pages) => (!pages.include.length || pages.include.some(matches)) && !pages.exclude.some(matches);

/** Offers the surveys of `list` (GET /v1/surveys) with the loader's own
 * parts (`loader`): on this page view and on every route change. */
export function offer(list, loader) {
  const { arm, eligible, viewed, start, shown, endpoint, after, asked, DAY } = loader;
  const armed = [];
  let url;
  const view = () => {
    if (url === location.pathname + location.search) return;
    url = location.pathname + location.search;
    for (const disarm of armed.splice(0)) disarm();
    if (shown.some((host) => host.isConnected && !host.hidden)) return;
    const last = asked();
    let chosen = false;
    for (const survey of list.surveys) {
      if (chosen) break;
      const { id, pages, trigger } = survey;
      if (!offered(pages)) continue;
      // The cap: a browser asked another survey lately is asked no other.
      if (last?.survey !== id && Date.now() - last?.at < list.cap_days * DAY) continue;
      if (!eligible(id, survey)) continue;
      const fire = () => {
        chosen = true;
        for (const disarm of armed.splice(0)) disarm();
        start({ endpoint, survey: id, display: survey.display, now: true, ignoreLimits: true, after });
      };
      armed.push(arm(trigger, fire, trigger.on === "page_view" && viewed(id)));
    }
  };
  for (const name of ["pushState", "replaceState"]) {
    const original = history[name];
    history[name] = function (...args) {
      const result = original.apply(this, args);
      view();
      return result;
    };
  }
  addEventListener("popstate", view);
  view();
}

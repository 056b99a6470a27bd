/*! Candor's identified visitors, loaded by candor.js only when a page calls
 * Candor.identify(id, attributes). The id is hashed here (SHA-256 of the
 * collector's salt, ":" and the id) and only the hash leaves the browser.
 * What the collector knows of that hash (the surveys answered or dismissed,
 * by day) joins this browser's memory, so recontact, dismissal and the
 * site-wide cap hold on every device the visitor uses. Attributes decide
 * surveys' audiences (core's `AudienceRule`, the same meaning).
 */

/** Whether `attributes` pass every rule of `audience`: a missing attribute
 * passes none, and only numbers compare by size. */
export const admits = (audience, attributes) =>
  audience.every((rule) => {
    const value = attributes[rule.attribute];
    if (value === undefined) return false;
    if ("is" in rule) return value === rule.is;
    if ("is_not" in rule) return value !== rule.is_not;
    if (typeof value !== "number") return false;
    return "at_least" in rule ? value >= rule.at_least : value <= rule.at_most;
  });

/** The attributes rules can read: text (cut as context cuts it), finite
 * numbers and booleans, under the names context takes. */
const typed = (attributes, { CONTEXT_NAME_RULE, CONTEXT_VALUE }) => {
  const kept = Object.create(null);
  for (const [name, value] of Object.entries(attributes || {})) {
    const kind = typeof value;
    if (!CONTEXT_NAME_RULE.test(name)) continue;
    if (kind === "string") kept[name] = value.slice(0, CONTEXT_VALUE);
    else if ((kind === "number" && Number.isFinite(value)) || kind === "boolean") kept[name] = value;
  }
  return kept;
};

/** Identifies the visitor `id` with the loader's parts (`loader`): resolves
 * to `{hash, admits(audience)}` once the collector's record is merged. */
export async function identify(id, attributes, loader) {
  const { siteList, endpoint, read, write, SEEN, ASKED, DAY } = loader;
  const { salt } = await siteList();
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(salt + ":" + id));
  const hash = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  const kept = typed(attributes, loader);
  const known = { hash, admits: (audience) => admits(audience, kept) };
  const response = await fetch(endpoint.replace(/\/$/, "") + "/v1/visitors/" + hash);
  if (!response.ok) throw new Error("the visitor's record answered " + response.status);
  const all = read(SEEN) || {};
  let asked = read(ASKED);
  for (const { survey, answered_on, dismissed_on } of (await response.json()).surveys) {
    const seen = (all[survey] = all[survey] || {});
    for (const [key, day] of [["answered", answered_on], ["dismissed", dismissed_on]]) {
      // Only the day is known: counted from its end, so no one is asked
      // again sooner than the survey allows.
      const at = day ? Date.parse(day) + DAY - 1 : 0;
      if (at > (seen[key] || 0)) seen[key] = at;
      if (at > (asked?.at || 0)) asked = { survey, at };
    }
  }
  write(SEEN, all);
  if (asked) write(ASKED, asked);
  return known;
}

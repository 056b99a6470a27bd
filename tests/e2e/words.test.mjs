// Every view of the dashboard and the widget in each language: no English
// word on a page in another language (the English words are those the same
// view shows in English; brand names and codes docs/glossary.md allows are
// fine), and on Arabic pages one digit system. In Arabic the dashboard's
// histogram puts 1 at the right and its figures line reads in order.
// Screenshots kept.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { artifacts, postResponse, sharedCollectorAndBrowser, watchPage } from "./helpers.mjs";

const shared = sharedCollectorAndBrowser({ before, after });
const TOKEN = "e2e-admin-token-0123456789abcdef";
const OTHERS = ["th", "lv", "el", "ar"];

/** The glossary's "Allowed in every language" words. */
const glossary = readFileSync(resolve(import.meta.dirname, "../../docs/glossary.md"), "utf8");
const allowedSection = glossary.split("## Allowed in every language")[1] ?? "";
const quoted = (line) => [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
/** Allowed words by language ("*": every one); a "- lv: …" line is Latvian's. */
const ALLOWED = { "*": new Set() };
for (const line of allowedSection.split("\n")) {
  const own = line.match(/^- ([a-z]{2}): /);
  if (own) ALLOWED[own[1]] = new Set(quoted(line));
  else for (const word of quoted(line)) ALLOWED["*"].add(word);
}
const allowed = (lang, word) => ALLOWED["*"].has(word) || (ALLOWED[lang]?.has(word) ?? false);
for (const set of Object.values(ALLOWED)) for (const word of [...set]) set.add(word.toLowerCase());
assert.ok(ALLOWED["*"].has("Candor"), "the glossary's allowed words were read");

/** The dashboard's views: a hash and what shows it is drawn. */
const VIEWS = [
  ["sign-in", null, "form"],
  ["surveys", "#/", "table.surveys tbody tr"],
  ["service-quality", "#/surveys/service-quality", "[data-question=quality] .card__headline"],
  ["after-support", "#/surveys/after-support", "[data-question=recommend] .card__headline"],
  ["comments", "#/surveys/service-quality/comments", "ul.comments li"],
  ["editor", "#/surveys/after-support/edit", "fieldset.editor__question"],
  ["contacts", "#/contacts", "table.contacts tbody tr"],
  ["destinations", "#/destinations", "form.destination-form"],
];

async function post(base, survey, n, answers) {
  const id = `00000000-0000-4000-a000-${String(n).padStart(12, "0")}`;
  const reply = await fetch(`${base}/v1/surveys/${survey}/responses`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ id, survey_version: 1, locale: "el", answers }),
  });
  assert.equal(reply.status, 201, await reply.text());
}

/** Responses for every view to show figures, once per file. */
let seeding;
const seeded = () => (seeding ??= seed());
async function seed() {
  const base = shared.collector().url;
  const dimensions = ["reliability", "timeliness", "personal", "courtesy", "flexibility", "honesty"];
  for (let n = 0; n < 12; n++) {
    const quality = Object.fromEntries(dimensions.map((d, i) => [d, { expected: 5 + (i % 2), experienced: 3 + ((n + i) % 5) }]));
    // Respondents' words are theirs, not the interface's: Greek, with no Latin letters.
    await post(base, "service-quality", n, {
      satisfaction: 1 + (n % 5),
      quality,
      resolved: n % 3 !== 0,
      comment: `Σχόλιο αριθμός ${n}`,
      ...(n === 0 ? { contact: { consent: true, email: "anna@example.com", name: "Άννα" } } : {}),
    });
    await post(base, "after-support", 100 + n, { satisfaction: 1 + (n % 5), effort: 1 + (n % 7), resolved: true, recommend: n % 11 });
    await postResponse(base, 200 + n, 1 + (n % 5));
  }
}

/** Every text a person meets on the page (shadow roots included, code and
 * form values left out), with the names and hints attributes give. */
function readableText(selector = "body") {
  const skip = "code, kbd, samp, script, style, [translate=no]";
  const parts = [];
  const visit = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        const parent = node.parentElement;
        if (parent && !parent.closest(skip) && parent.checkVisibility()) parts.push(node.data);
        continue;
      }
      if (node.closest(skip)) continue;
      for (const name of ["aria-label", "title", "placeholder", "alt"]) {
        const value = node.getAttribute?.(name);
        if (value) parts.push(value);
      }
      if (node.shadowRoot) visit(node.shadowRoot);
    }
  };
  for (const root of document.querySelectorAll(selector)) visit(root.shadowRoot ?? root);
  return parts.join("\n");
}

/** The Latin-letter words of `text` (two letters or more), identifiers
 * ("service-quality", "questions.2.id", an e-mail address) left out. */
function latinWords(text) {
  const words = new Set();
  for (const token of text.split(/\s+/)) {
    const bare = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    if (/[-_./@:]/.test(bare)) continue;
    // Whole words: "augšup" is Latvian, not "up".
    for (const [word] of bare.matchAll(/\p{L}+/gu)) if (/^[A-Za-z]{2,}$/.test(word)) words.add(word.toLowerCase());
  }
  return words;
}

/** A dashboard page in `lang`, signed in unless the view is the sign-in. */
async function dashboard(lang, [name, hash, ready]) {
  const page = await shared.browser().newPage({ viewport: { width: 1200, height: 900 } });
  const problems = watchPage(page);
  await page.addInitScript(
    ([lang, token, signedIn]) => {
      localStorage.setItem("candor:dashboard-locale", lang);
      if (signedIn) sessionStorage.setItem("candor:admin-token", token);
    },
    [lang, TOKEN, hash !== null],
  );
  await page.goto(`${shared.collector().url}/dashboard/${hash ?? ""}`);
  await page.locator(ready).first().waitFor();
  // Cards and counts fill in as their requests answer.
  await page.waitForTimeout(400);
  return { page, problems, name };
}

/** The demo's survey in `lang`, then its thanks and public figures. */
async function widget(lang) {
  const page = await shared.browser().newPage({ viewport: { width: 1000, height: 1100 } });
  const problems = watchPage(page);
  await page.goto(`${shared.collector().url}/?lang=${lang}`);
  await page.locator("candor-widget button[type=submit]").waitFor();
  const form = await page.evaluate(readableText, "candor-widget");
  await page.locator('candor-widget input[name="satisfaction"][value="4"]').click();
  await page.locator("candor-widget textarea").fill("12");
  await page.locator("candor-widget button[type=submit]").click();
  await page.locator("candor-widget .candor-summary").waitFor({ timeout: 10_000 });
  const thanks = await page.evaluate(readableText, "candor-widget");
  return { page, problems, text: `${form}\n${thanks}` };
}

const views = [...VIEWS.map((view) => ["dashboard", view]), ["widget", null]];

for (const [app, view] of views) {
  const label = app === "widget" ? "the widget" : `the dashboard's ${view[0]} view`;
  test(`${label} shows no English word in another language, and one digit system in Arabic`, async () => {
    await seeded();
    const read = async (lang) => {
      if (app === "widget") return widget(lang);
      const opened = await dashboard(lang, view);
      return { ...opened, text: await opened.page.evaluate(readableText) };
    };
    const english = await read("en");
    const englishWords = latinWords(english.text);
    assert.ok(englishWords.size > 3, `${label} in English shows words: ${[...englishWords]}`);
    await english.page.close();
    for (const lang of OTHERS) {
      const shown = await read(lang);
      const leaked = [...latinWords(shown.text)].filter((w) => englishWords.has(w) && !allowed(lang, w));
      assert.deepEqual(leaked, [], `${label} in ${lang} shows English`);
      if (lang === "ar") {
        assert.doesNotMatch(shown.text, /[\u0660-\u0669\u06f0-\u06f9]/, `${label} in Arabic mixes Arabic-Indic digits in`);
        if (/[0-9]/.test(english.text)) assert.match(shown.text, /[0-9]/, `${label} in Arabic shows its numbers`);
      }
      assert.deepEqual(shown.problems, [], `${label} in ${lang} reported errors`);
      await shown.page.close();
    }
  });
}

test("in Arabic the dashboard's histogram puts 1 at the right and its figures line reads in order", async () => {
  await seeded();
  const { page, problems } = await dashboard("ar", VIEWS[2]);
  const card = page.locator("[data-question=satisfaction]");
  const labels = card.locator("svg.chart--histogram text");
  const [one, five] = [await labels.filter({ hasText: /^1$/ }).boundingBox(), await labels.filter({ hasText: /^5$/ }).boundingBox()];
  assert.ok(one.x > five.x, `1 (${one.x}) should stand right of 5 (${five.x})`);
  // "41% (22–64%) راضون · المتوسط 2.9 / 5 · n = 17": right to left as a
  // sentence, each formula left to right inside it.
  const at = await card.locator(".card__headline").evaluate((line) => {
    // On one line, so positions compare (a wrapped line starts again at the right).
    line.style.whiteSpace = "nowrap";
    const node = line.firstChild;
    const text = node.data;
    const x = (i) => {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      return range.getBoundingClientRect().x;
    };
    const slash = text.indexOf("/");
    const before = [...text.slice(0, slash)].findLastIndex((c) => /[0-9]/.test(c));
    const after = slash + [...text.slice(slash)].findIndex((c) => /[0-9]/.test(c));
    return { text, share: x(text.indexOf("%")), mean: x(before), slash: x(slash), points: x(after), n: x(text.indexOf("n =")) };
  });
  assert.ok(at.mean < at.slash && at.slash < at.points, `the mean reads "mean / points" left to right: ${JSON.stringify(at)}`);
  assert.ok(at.share > at.slash && at.slash > at.n, `the line reads right to left: ${JSON.stringify(at)}`);
  await card.screenshot({ path: join(artifacts, "dashboard-ar-histogram.png") });
  assert.deepEqual(problems, [], "the page reported errors");
  await page.close();
});

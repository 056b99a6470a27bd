// The dashboard: signing in (and being refused), the survey list, one
// survey's figures changing within a second of a new response, a strict
// policy with no violations, and axe-core on every view. Screenshots kept.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
  artifacts,
  axeViolations,
  eventually,
  openDashboard,
  postResponse,
  sharedCollectorAndBrowser,
  signIn,
} from "./helpers.mjs";

const shared = sharedCollectorAndBrowser({ before, after });

/** A dashboard tab that records policy violations. */
const open = () => openDashboard(shared);

test("a wrong token is refused and the right one signs in", async () => {
  const { page, problems } = await open();
  await signIn(page, "not-the-token");
  await page.getByText("That is not the admin token.").waitFor();
  assert.equal(await page.getByLabel("Admin token").getAttribute("aria-invalid"), "true");
  await page.screenshot({ path: join(artifacts, "dashboard-sign-in-refused.png") });
  assert.deepEqual(await axeViolations(page, { shadowHost: null }), []);

  await signIn(page, "e2e-admin-token-0123456789abcdef");
  const link = page.getByRole("link", { name: "How was your checkout?" });
  await link.waitFor();
  await page.screenshot({ path: join(artifacts, "dashboard-surveys.png") });
  assert.deepEqual(await axeViolations(page, { shadowHost: null }), []);
  // The token stays for this tab only.
  assert.equal(await page.evaluate(() => sessionStorage.getItem("candor:admin-token")), "e2e-admin-token-0123456789abcdef");
  assert.equal(await page.evaluate(() => document.cookie), "");
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(problems.filter((p) => !/403/.test(p)), [], "the page reported errors");
  await page.close();
});

test("a token the collector stops accepting signs the tab out", async () => {
  const page = await shared.browser().newPage();
  // As if the token had been rotated since this tab signed in.
  await page.addInitScript(() => sessionStorage.setItem("candor:admin-token", "rotated-admin-token-0123456789abcdef"));
  await page.goto(`${shared.collector().url}/dashboard/#/contacts`);
  await page.getByLabel("Admin token").waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.getItem("candor:admin-token")), null);
  assert.equal(await page.getByRole("button", { name: "Sign out" }).count(), 0);
  await page.close();
});

test("an open survey's figures change within a second of a new response", async () => {
  const base = shared.collector().url;
  for (const [n, rating] of [5, 4, 2].entries()) await postResponse(base, 100 + n, rating);
  const { page, problems } = await open();
  await signIn(page, "e2e-admin-token-0123456789abcdef");
  // The list shows each survey's current headline figure.
  const row = page.getByRole("row", { name: /How was your checkout\?/ });
  await row.getByText(/^\d+% satisfied \(30d\)$/).waitFor();
  await page.getByRole("link", { name: "How was your checkout?" }).click();
  const summary = page.locator(".summary");
  await summary.waitFor();
  const before = Number(await summary.getAttribute("data-responses"));
  assert.ok(before >= 3, `${before} responses`);
  assert.match(await page.locator("[data-question=satisfaction] .card__headline").textContent(), /satisfied · mean/);
  await page.screenshot({ path: join(artifacts, "dashboard-survey.png"), fullPage: true });
  assert.deepEqual(await axeViolations(page, { shadowHost: null }), []);

  // Let the long poll settle, then post and time the change.
  await page.waitForTimeout(500);
  const posted = Date.now();
  await postResponse(base, 200, 1);
  await eventually(
    async () => Number(await summary.getAttribute("data-responses")) === before + 1,
    5_000,
    "the new response shows",
  );
  const elapsed = Date.now() - posted;
  assert.ok(elapsed <= 1_000, `shown ${elapsed} ms after the response was stored`);

  // Another window is another query, still live.
  await page.getByLabel("All time").check();
  await eventually(async () => /All time/.test(await summary.textContent()), 5_000, "the window changes");
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(problems, [], "the page reported errors");
  await page.close();
});

/** Posts a response with `answers` and `context` to `survey`. */
async function post(base, survey, n, answers, context = {}) {
  const id = `00000000-0000-4000-9000-${String(n).padStart(12, "0")}`;
  const reply = await fetch(`${base}/v1/surveys/${survey}/responses`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ id, survey_version: 1, locale: "en", answers, context }),
  });
  assert.equal(reply.status, 201, await reply.text());
}

const XSS = [
  `<script>window.pwned = "script"</script>`,
  `<img src=x onerror="window.pwned = 'img'">`,
  `"><svg onload="window.pwned = 'svg'">`,
  `javascript:window.pwned = 'link'`,
  `<iframe srcdoc="<script>parent.pwned = 'iframe'</script>">`,
  `{{constructor.constructor('window.pwned = 1')()}}`,
];

test("comments show hostile text as text, filter by rating and words, and export neutralised CSV", async () => {
  const base = shared.collector().url;
  for (const [i, text] of XSS.entries()) {
    // The context fields carry the same strings.
    await post(base, "checkout", 300 + i, { satisfaction: 1 + (i % 5), comment: text }, { channel: "web", note: text });
  }
  await post(base, "checkout", 320, { satisfaction: 2, comment: "=HYPERLINK(\"https://evil.example\",\"click\")" });
  await post(base, "checkout", 321, { satisfaction: 5, comment: "Delivery was quick and friendly" });
  const { page, problems } = await open();
  await signIn(page, "e2e-admin-token-0123456789abcdef");
  await page.getByRole("link", { name: "How was your checkout?" }).click();
  await page.getByRole("link", { name: "Comments" }).click();
  const comments = page.locator(".comment__text");
  await comments.first().waitFor();
  const texts = await comments.allTextContents();
  for (const text of XSS) assert.ok(texts.includes(text), `shown verbatim: ${text}`);
  const meta = (await page.locator(".comment__meta").allTextContents()).join("\n");
  for (const text of XSS) assert.ok(meta.includes(`note: ${text}`), `context shown verbatim: ${text}`);
  assert.equal(await page.evaluate(() => window.pwned), undefined, "nothing ran");
  assert.equal(await page.locator("main img, main iframe, main script, main svg[onload]").count(), 0);
  await page.screenshot({ path: join(artifacts, "dashboard-comments.png"), fullPage: true });
  assert.deepEqual(await axeViolations(page, { shadowHost: null }), []);

  // Filters: words, then rating.
  await page.getByRole("searchbox").fill("quick friendly");
  await eventually(async () => (await comments.allTextContents()).join() === "Delivery was quick and friendly", 2_000, "word filter");
  await page.getByRole("searchbox").fill("");
  await page.getByLabel("Rating").selectOption("5");
  const five = await page.locator(".comment__meta").allTextContents();
  assert.ok(five.length >= 1 && five.every((m) => m.startsWith("Rated 5/5")), five.join(" | "));

  // The export needs the token, so it is fetched and saved by the app.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
  assert.equal(download.suggestedFilename(), "checkout.csv");
  const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString());
  assert.ok(csv.includes(`"'=HYPERLINK(""https://evil.example"",""click"")"`), csv);
  assert.ok(!csv.split("\n").some((line) => line.split(",").some((cell) => cell.startsWith("="))), "no formula cell");
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(problems, [], "the page reported errors");
  await page.close();
});

test("filters by language, page and context narrow figures, comments and exports, and live in the address", async () => {
  const base = shared.collector().url;
  const created = await fetch(`${base}/v1/admin/surveys`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer e2e-admin-token-0123456789abcdef" },
    body: JSON.stringify({ template: "after-support", id: "e2e-filters" }),
  });
  assert.equal(created.status, 201, await created.text());
  const rows = [
    ["th", "/checkout", "app", 1, "ส่งช้า"],
    ["th", "/checkout", "app", 2, "รอนาน"],
    ["th", "/checkout", "web", 2, "แพง"],
    ["en", "/cart", "web", 5, "Quick"],
    ["en", "/cart", "web", 5, "Lovely"],
  ];
  for (const [i, [locale, path, channel, satisfaction, comment]] of rows.entries()) {
    const id = `00000000-0000-4000-9100-${String(i).padStart(12, "0")}`;
    const reply = await fetch(`${base}/v1/surveys/e2e-filters/responses`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id, survey_version: 1, locale, page: path, answers: { satisfaction, comment }, context: { channel } }),
    });
    assert.equal(reply.status, 201, await reply.text());
  }
  const { page, problems } = await open();
  await signIn(page, "e2e-admin-token-0123456789abcdef");
  await page.locator('a[href="#/surveys/e2e-filters"]').waitFor();
  await page.goto(`${base}/dashboard/#/surveys/e2e-filters`);
  const summary = page.locator(".summary");
  const responses = async () => Number(await summary.getAttribute("data-responses"));
  await eventually(async () => (await responses()) === 5, 5_000, "all five responses");

  // Each choice narrows the figures, keeps focus where it was, and is
  // written into the address.
  await page.locator("#filter-locale").focus();
  // Languages by their names, not their codes.
  assert.equal((await page.locator('#filter-locale option[value="th"]').textContent()).trim(), "Thai (3)");
  await page.locator("#filter-locale").selectOption("th");
  await eventually(async () => (await responses()) === 3, 5_000, "the Thai responses");
  assert.equal(await page.evaluate(() => document.activeElement.id), "filter-locale");
  assert.match(await summary.textContent(), /3 responses · Last 30 days · language Thai/);
  await page.getByLabel("channel").selectOption("app");
  await eventually(async () => (await responses()) === 2, 5_000, "Thai and app");
  assert.match(await page.evaluate(() => location.hash), /^#\/surveys\/e2e-filters\?locale=th&context\.channel=app$/);
  assert.match(await page.locator("[data-question=satisfaction] .card__headline").textContent(), /mean 1\.5/);
  await page.screenshot({ path: join(artifacts, "dashboard-filters.png"), fullPage: true });
  assert.deepEqual(await axeViolations(page, { shadowHost: null }), []);

  // The comments tab keeps the filters; so do the exports.
  await page.getByRole("link", { name: "Comments" }).click();
  await eventually(async () => (await page.locator(".comment__text").allTextContents()).sort().join() === "รอนาน,ส่งช้า", 5_000, "two comments");
  assert.match(await page.locator(".comment__meta").first().textContent(), /Thai · \/checkout · channel: app/);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export NDJSON" }).click()]);
  const lines = (await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString())).trim().split("\n");
  assert.deepEqual(lines.map((l) => JSON.parse(l)).map((r) => [r.locale, r.page, r.context.channel]), [["th", "/checkout", "app"], ["th", "/checkout", "app"]]);

  // A reload shows the same view; "Show all responses" clears the filters.
  await page.reload();
  await page.locator("#filter-locale").waitFor();
  assert.equal(await page.locator("#filter-locale").inputValue(), "th");
  await page.getByRole("link", { name: "Figures" }).click();
  await eventually(async () => (await responses()) === 2, 5_000, "filtered after the reload");
  await page.getByRole("button", { name: "Show all responses" }).click();
  await eventually(async () => (await responses()) === 5, 5_000, "all again");
  assert.equal(await page.getByLabel("Page").inputValue(), "");
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(problems, [], "the page reported errors");
  await page.close();
});

test("the contact queue moves a request from open to done", async () => {
  const base = shared.collector().url;
  await post(base, "service-quality", 400, {
    satisfaction: 2,
    resolved: false,
    contact: { consent: true, email: "anna@example.com", name: "Anna Bērziņa" },
  });
  const { page, problems } = await open();
  await signIn(page, "e2e-admin-token-0123456789abcdef");
  await page.getByRole("link", { name: "Contact requests" }).click();
  const row = page.getByRole("row", { name: /anna@example\.com/ });
  await row.waitFor();
  assert.equal(await row.getByRole("link", { name: "anna@example.com" }).getAttribute("href"), "mailto:anna@example.com");
  // An address the rule accepts but a bare mailto: would misread (# starts
  // a fragment, + and ' are not for URLs): the link encodes it whole.
  await post(base, "service-quality", 401, {
    satisfaction: 1,
    contact: { consent: true, email: "o'brien+shop#1@example.lv", name: "Seán" },
  });
  await page.reload();
  await page.getByRole("link", { name: "Contact requests" }).click();
  const tricky = page.getByRole("link", { name: "o'brien+shop#1@example.lv" });
  await tricky.waitFor();
  assert.equal(await tricky.getAttribute("href"), "mailto:o%27brien%2Bshop%231@example.lv");
  await page.screenshot({ path: join(artifacts, "dashboard-contacts.png"), fullPage: true });
  assert.deepEqual(await axeViolations(page, { shadowHost: null }), []);
  await row.getByRole("combobox", { name: /^Status/ }).selectOption("done");
  await row.waitFor({ state: "detached" });
  await page.getByLabel("Done").check();
  const done = page.getByRole("row", { name: /anna@example\.com/ });
  await done.waitFor();
  assert.equal(await done.getByRole("combobox", { name: /^Status/ }).inputValue(), "done");
  assert.deepEqual(problems, [], "the page reported errors");
  await page.close();
});

test("words typical of low-rated Thai comments stand out and filter the comments", async () => {
  const base = shared.collector().url;
  const thai = [[1, "ส่งของช้ามาก"], [2, "ช้ามาก รอนาน"], [1, "ของช้า"], [5, "พนักงานสุภาพมาก"], [5, "สุภาพและเร็ว"]];
  for (const [i, [rating, comment]] of thai.entries()) await post(base, "checkout", 500 + i, { satisfaction: rating, comment });
  const { page, problems } = await open();
  await signIn(page, "e2e-admin-token-0123456789abcdef");
  await page.getByRole("link", { name: "How was your checkout?" }).click();
  await page.getByRole("link", { name: "Comments" }).click();
  const slow = page.locator(".word", { hasText: /^ช้า/ });
  await slow.waitFor();
  assert.match(await slow.textContent(), /^ช้า 3 low · 0 high$/);
  assert.equal(await page.locator(".word", { hasText: /^สุภาพ/ }).count(), 0, "a high-rated word is not listed");
  await page.screenshot({ path: join(artifacts, "dashboard-words.png"), fullPage: true });
  await slow.click();
  await eventually(async () => (await page.locator(".comment__text").count()) === 3, 2_000, "three comments say ช้า");
  assert.deepEqual(await axeViolations(page, { shadowHost: null }), []);
  assert.deepEqual(problems, [], "the page reported errors");
  await page.close();
});

test("a survey made from a template is edited with a live preview and published", async () => {
  const base = shared.collector().url;
  const { page, problems } = await open();
  await signIn(page, "e2e-admin-token-0123456789abcdef");
  await page.getByLabel("Template").selectOption("after-support");
  await page.getByLabel("Id", { exact: true }).fill("e2e-support");
  await page.getByRole("button", { name: "Create" }).click();
  const title = page.getByLabel("Title");
  await title.waitFor();
  assert.equal(await page.locator("#preview-title").textContent(), "Preview");
  const preview = page.locator(".editor__preview .candor-form__title");
  await preview.waitFor();
  // The template's languages, by name.
  const languages = await page.getByLabel("Editing texts in").locator("option").allTextContents();
  assert.deepEqual(languages.map((l) => l.trim()), ["Arabic", "Greek", "English", "Latvian", "Thai"]);

  // Every edit shows in the preview at once.
  await title.fill("How did our support do?");
  await eventually(async () => (await preview.textContent()) === "How did our support do?", 2_000, "the preview follows");
  await page.getByLabel("Display").selectOption("popover");
  await page.getByLabel("Trigger").selectOption("event");
  await page.getByLabel("Event name").fill("chat-closed");
  await page.getByLabel("Event name").blur();
  await page.getByLabel("Share of visitors asked (%)").fill("25");
  await page.getByLabel("Share of visitors asked (%)").blur();
  await page.screenshot({ path: join(artifacts, "dashboard-editor.png"), fullPage: true });
  assert.deepEqual(await axeViolations(page, { shadowHost: null }), []);
  assert.match(await page.locator(".editor__snippet").textContent(), /<script src="http:\/\/127\.0\.0\.1:\d+\/candor\.js" data-survey="e2e-support" async><\/script>/);

  await page.getByRole("button", { name: "Publish" }).click();
  await page.getByText("Published as version 2.").waitFor();
  const published = await (await fetch(`${base}/v1/surveys/e2e-support`)).json();
  assert.equal(published.version, 2);
  assert.equal(published.title.en, "How did our support do?");
  assert.equal(published.settings.display, "popover");
  assert.deepEqual(published.settings.trigger, { on: "event", name: "chat-closed" });
  assert.equal(published.settings.sampling_rate, 0.25);

  // A draft the collector refuses names the field.
  await title.fill("");
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.getByText(/^Not saved: .*title/).waitFor();
  assert.deepEqual(problems.filter((p) => !/422|Unprocessable/.test(p)), [], "the page reported errors");
  await page.close();
});

test("a survey built from scratch gets questions added, worded, reordered and removed", async () => {
  const base = shared.collector().url;
  const { page, problems } = await open();
  await signIn(page, "e2e-admin-token-0123456789abcdef");
  await page.getByLabel("Template").selectOption("blank");
  await page.getByLabel("Id", { exact: true }).fill("e2e-scratch");
  await page.getByRole("button", { name: "Create" }).click();
  await page.getByLabel("Title").fill("After your delivery");
  const questions = page.locator(".editor__question");
  await questions.first().waitFor();
  assert.equal(await questions.count(), 1);

  // Two new questions, each worded already and focused for editing.
  await page.getByLabel("New question").selectOption("nps");
  await page.getByRole("button", { name: "Add question" }).click();
  await eventually(async () => (await page.evaluate(() => document.activeElement.id)) === "text-1", 2_000, "the new question's text has focus");
  await page.getByLabel("New question").selectOption("single_choice");
  await page.getByRole("button", { name: "Add question" }).click();
  assert.equal(await questions.count(), 3);
  assert.equal(await page.locator("#text-2").inputValue(), "Which of these fits best?");
  await page.locator("#label-2-0").fill("Courier");
  await page.locator("#label-2-1").fill("Locker");
  await page.locator(".editor__question").nth(2).getByRole("button", { name: "Add option" }).click();
  await page.locator("#label-2-2").fill("Shop pick-up");
  // The preview shows what respondents will see.
  const preview = page.locator(".editor__preview");
  await eventually(async () => (await preview.getByText("Shop pick-up").count()) === 1, 2_000, "the preview follows");

  // The choice moves up above the NPS question, keeping focus on it; the
  // satisfaction question is removed.
  await page.getByRole("button", { name: "Move question 3 up" }).click();
  await eventually(async () => (await page.evaluate(() => document.activeElement.id)) === "up-1", 2_000, "focus follows the moved question");
  assert.equal(await page.locator("#text-1").inputValue(), "Which of these fits best?");
  assert.equal(await page.locator("#down-2").isDisabled(), true, "the last question cannot move down");
  assert.equal(await page.locator("#down-1").textContent(), "↓ Down");
  await page.getByRole("button", { name: "Remove question 1" }).click();
  assert.equal(await questions.count(), 2);
  await page.screenshot({ path: join(artifacts, "dashboard-editor-scratch.png"), fullPage: true });
  assert.deepEqual(await axeViolations(page, { shadowHost: null }), []);

  await page.getByRole("button", { name: "Publish" }).click();
  await page.getByText("Published as version 2.").waitFor();
  const published = await (await fetch(`${base}/v1/surveys/e2e-scratch`)).json();
  assert.equal(published.title.en, "After your delivery");
  assert.deepEqual(published.questions.map((q) => [q.id, q.kind]), [["choice", "single_choice"], ["recommend", "nps"]]);
  assert.deepEqual(published.questions[0].options.map((o) => o.label.en), ["Courier", "Locker", "Shop pick-up"]);
  assert.equal(published.questions[1].text.th, "คุณมีแนวโน้มจะแนะนำเราให้เพื่อนหรือเพื่อนร่วมงานมากน้อยเพียงใด");
  assert.deepEqual(problems, [], "the page reported errors");
  await page.close();
});

test("the dashboard speaks Thai and Arabic (right to left), and remembers the choice", async () => {
  const { page, problems } = await open();
  await signIn(page, "e2e-admin-token-0123456789abcdef");
  await page.getByRole("link", { name: "How was your checkout?" }).waitFor();
  await page.getByLabel("Dashboard language").selectOption("th");
  await page.getByRole("heading", { name: "แบบสำรวจ", exact: true }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "th");
  assert.equal(await page.getByRole("button", { name: "ออกจากระบบ" }).count(), 1);
  // Survey texts follow too, where the survey has them.
  await page.getByRole("link", { name: "การสั่งซื้อครั้งนี้เป็นอย่างไรบ้าง" }).click();
  await page.locator(".summary").waitFor();
  // A count in Thai: the noun, the number, its classifier.
  assert.match(await page.locator(".summary").textContent(), /คำตอบ \d+ รายการ · 30 วันล่าสุด/);
  await page.screenshot({ path: join(artifacts, "dashboard-th.png"), fullPage: true });
  assert.deepEqual(await axeViolations(page, { shadowHost: null }), []);

  await page.locator(".top__language select").focus();
  await page.locator(".top__language select").selectOption("ar");
  await page.getByRole("link", { name: "الأرقام" }).waitFor();
  assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ["ar", "rtl"]);
  assert.equal(await page.evaluate(() => document.activeElement.closest(".top__language") !== null), true, "focus stays on the picker");
  await page.screenshot({ path: join(artifacts, "dashboard-ar.png"), fullPage: true });
  assert.deepEqual(await axeViolations(page, { shadowHost: null }), []);

  // Remembered in this browser (localStorage, no cookie).
  await page.reload();
  await page.getByRole("link", { name: "التعليقات" }).waitFor();
  assert.equal(await page.evaluate(() => document.cookie), "");
  await page.locator(".top__language select").selectOption("en");
  await page.getByRole("link", { name: "Comments" }).waitFor();
  assert.deepEqual(problems, [], "the page reported errors");
  await page.close();
});

test("an owner builds \"NPS, then why?\" in the editor without writing JSON", async () => {
  const base = shared.collector().url;
  const { page, problems } = await open();
  await signIn(page, "e2e-admin-token-0123456789abcdef");
  await page.getByLabel("Template").selectOption("blank");
  await page.getByLabel("Id", { exact: true }).fill("e2e-nps-why");
  await page.getByRole("button", { name: "Create" }).click();
  const questions = page.locator(".editor__question");
  await questions.first().waitFor();
  for (const kind of ["nps", "comment"]) {
    await page.getByLabel("New question").selectOption(kind);
    await page.getByRole("button", { name: "Add question" }).click();
  }
  await page.getByRole("button", { name: "Remove question 1" }).click();
  await eventually(async () => (await questions.count()) === 2, 2_000, "two questions left");
  await page.locator("#text-1").fill("What went wrong?");
  const nps = await questions.first().getAttribute("data-question");

  // "Ask this question only when the NPS answer is at most 6."
  assert.equal(await page.locator("#show-if-0").count(), 0, "the first question has nothing to depend on");
  await page.locator("#show-if-1").selectOption("all");
  await page.getByLabel("Condition 1 — comparison").selectOption("at_most");
  await page.getByLabel("Condition 1 — value").fill("6");
  await page.getByLabel("Condition 1 — value").blur();
  assert.deepEqual(await axeViolations(page, { shadowHost: null }), []);

  // Moved above the question it reads, the condition says so; moved back,
  // it is editable again.
  await page.getByRole("button", { name: "Move question 2 up" }).click();
  await page.getByText("This condition reads a question that is no longer asked before it").waitFor();
  await page.getByRole("button", { name: "Move question 1 down" }).click();
  await page.getByLabel("Condition 1 — value").waitFor();
  assert.equal(await page.getByLabel("Condition 1 — value").inputValue(), "6");

  // The preview follows the logic as answers change.
  const preview = page.locator(".editor__preview");
  const why = preview.locator('[data-question]:has-text("What went wrong?")');
  await preview.locator(`input[name="${nps}"][value="9"]`).check();
  assert.equal(await why.isVisible(), false, "a promoter is not asked why");
  await preview.locator(`input[name="${nps}"][value="3"]`).check();
  await why.waitFor();
  await page.screenshot({ path: join(artifacts, "dashboard-editor-logic.png"), fullPage: true });

  await page.getByRole("button", { name: "Publish" }).click();
  await page.getByText("Published as version 2.").waitFor();
  const published = await (await fetch(`${base}/v1/surveys/e2e-nps-why`)).json();
  assert.deepEqual(published.questions[1].show_if, { question: nps, at_most: 6 });
  assert.deepEqual(problems, [], "the page reported errors");
  await page.close();
});

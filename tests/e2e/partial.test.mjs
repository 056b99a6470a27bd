// Partial responses: answers are saved as the respondent goes (each step;
// a moment after the last change on one page), a reload resumes the same
// response where it was, finishing it stores it once, and the owner sees
// abandoned answers when the dashboard is asked to count them.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { eventually, openDashboard, sharedCollectorAndBrowser, shopHtml, shopPage, signIn, watchPage } from "./helpers.mjs";

const shared = sharedCollectorAndBrowser({ before, after });
const token = "e2e-admin-token-0123456789abcdef";
const admin = { authorization: `Bearer ${token}` };

async function create(definition) {
  const created = await fetch(`${shared.collector().url}/v1/admin/surveys`, {
    method: "POST",
    headers: { ...admin, "content-type": "application/json" },
    body: JSON.stringify(definition),
  });
  assert.equal(created.status, 201, await created.text());
}

/** How many responses the owner's figures count (`all`: partial ones too). */
async function counted(survey, all) {
  const reply = await fetch(`${shared.collector().url}/v1/admin/surveys/${survey}/snapshot?window=all${all ? "&responses=all" : ""}`, { headers: admin });
  return (await reply.json()).responses;
}

async function stored(survey) {
  const reply = await fetch(`${shared.collector().url}/v1/admin/surveys/${survey}/responses`, { headers: admin });
  return (await reply.json()).responses;
}

function question(id, kind, extra = {}) {
  return { id, kind, text: { en: id }, ...extra };
}

test("a response in steps is saved on each step, resumed after a reload and finished once", async () => {
  await create({
    id: "partial-steps", version: 1, default_locale: "en", title: { en: "Thanks" }, settings: { layout: "steps" },
    questions: [question("nps", "nps", { required: true }), question("why", "comment", { max_length: 500 }), question("solved", "yes_no")],
  });
  const context = await shared.browser().newContext();
  const page = await context.newPage();
  const problems = watchPage(page);
  const html = shopHtml({ body: `<script src="${shared.collector().url}/candor.js" data-survey="partial-steps" async></script>` });
  await page.goto(await shopPage(page, html));
  const widget = page.locator("candor-widget");
  await widget.locator('input[name="nps"][value="3"]').check();
  await widget.locator("button[type=submit]").click();
  await widget.locator('[data-question="why"] textarea').fill("The wait");
  await widget.locator("button[type=submit]").click();
  await widget.locator('input[name="solved"]').first().waitFor();
  await eventually(async () => (await counted("partial-steps", true)) === 1, 5_000, "the steps so far are saved");
  assert.equal(await counted("partial-steps", false), 0, "not finished: only counted when asked");

  // The tab reloads: the same response comes back where it was.
  await page.reload();
  await widget.locator('input[name="nps"][value="3"]').waitFor({ state: "attached" });
  assert.ok(await widget.locator('input[name="nps"][value="3"]').isChecked(), "the score is back");
  await widget.locator("button[type=submit]").click();
  assert.equal(await widget.locator('[data-question="why"] textarea').inputValue(), "The wait", "and the comment");
  await widget.locator("button[type=submit]").click();
  await widget.locator('input[name="solved"][value="1"]').check();
  await widget.locator("button[type=submit]").click();
  await widget.locator(".candor-thanks").waitFor();
  let responses;
  await eventually(async () => (responses = await stored("partial-steps")).length === 1, 5_000, "the response is stored");
  assert.deepEqual(responses[0].answers, { nps: 3, why: "The wait", solved: false });
  assert.equal(await counted("partial-steps", true), 1, "finished: counted once, partial or not");
  assert.equal(await counted("partial-steps", false), 1);
  const draft = await page.evaluate(() => localStorage.getItem("candor:draft:partial-steps"));
  assert.equal(draft, null, "nothing is kept once it is sent");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a one-page survey saves a moment after the last change, and the dashboard counts it when asked", async () => {
  await create({
    id: "partial-page", version: 1, default_locale: "en", title: { en: "Thanks" },
    questions: [question("csat", "csat", { required: true }), question("contact", "contact_request")],
  });
  const context = await shared.browser().newContext();
  const page = await context.newPage();
  const html = shopHtml({ body: `<script src="${shared.collector().url}/candor.js" data-survey="partial-page" async></script>` });
  await page.goto(await shopPage(page, html));
  const widget = page.locator("candor-widget");
  await widget.locator('input[name="csat"][value="2"]').check();
  await widget.locator('[data-question="contact"] input[type=checkbox]').check();
  await widget.locator('[data-question="contact"] input[type=email]').fill("shopper@example.com");
  await eventually(async () => (await counted("partial-page", true)) === 1, 6_000, "saved a moment after the change");
  const draft = JSON.parse(await page.evaluate(() => localStorage.getItem("candor:draft:partial-page")));
  assert.deepEqual(Object.keys(draft.answers), ["csat"], "contact details are never saved before the response is sent");
  await context.close();

  // The owner: finished only by default, the abandoned one when asked.
  const { page: dashboard, problems } = await openDashboard(shared);
  await signIn(dashboard, token);
  await dashboard.goto(`${shared.collector().url}/dashboard/#/surveys/partial-page`);
  const summary = dashboard.locator(".summary");
  await eventually(async () => (await summary.getAttribute("data-responses")) === "0", 5_000, "finished only");
  await dashboard.getByLabel("Count unfinished responses (partial saves) in the figures").check();
  await eventually(async () => (await summary.getAttribute("data-responses")) === "1", 5_000, "the partial one counts");
  assert.match(dashboard.url(), /responses=all/, "the choice lives in the address");
  assert.deepEqual(problems, []);
  await dashboard.close();
});

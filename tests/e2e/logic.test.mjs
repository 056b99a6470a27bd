// Logic in the widget: the after-support template shows its follow-ups as
// the answers call for them, in one page; a survey in steps skips to the
// next question asked, counts only those in "2 of 5", keeps answers when
// going back, and sends only what was asked.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
  artifacts,
  axeViolations,
  eventually,
  sharedCollectorAndBrowser,
  shopHtml,
  shopPage,
  watchPage,
} from "./helpers.mjs";

const shared = sharedCollectorAndBrowser({ before, after });
const token = "e2e-admin-token-0123456789abcdef";

/** A shop page showing `survey`; resolves to the page and its widget. */
async function showing(survey) {
  const page = await shared.browser().newPage();
  const problems = watchPage(page);
  const html = shopHtml({ body: `<script src="${shared.collector().url}/candor.js" data-survey="${survey}" async></script>` });
  await page.goto(await shopPage(page, html));
  const widget = page.locator("candor-widget");
  await widget.locator("form").waitFor();
  // Questions are drawn one a frame: wait for the last.
  await widget.locator("[data-question]").last().waitFor({ state: "attached" });
  await eventually(
    async () => (await widget.locator("[data-question]").count()) === (await widget.locator(".candor-step").count()),
    5_000,
    "every question drawn",
  );
  return { page, widget, problems };
}

/** The one response `survey` has stored, once it has. */
async function storedOf(survey) {
  let stored;
  await eventually(async () => {
    const reply = await fetch(`${shared.collector().url}/v1/admin/surveys/${survey}/responses`, {
      headers: { authorization: `Bearer ${token}` },
    });
    [stored] = (await reply.json()).responses;
    return stored;
  }, 5_000, `${survey}'s response is stored`);
  return stored;
}

/** The ids of the questions on show. */
async function shown(widget) {
  return widget.locator("[data-question]").evaluateAll((nodes) =>
    nodes.filter((node) => node.closest(".candor-step:not([hidden])")).map((node) => node.dataset.question),
  );
}

test("after-support asks what went wrong and follows up detractors and promoters", async () => {
  const { page, widget, problems } = await showing("after-support");
  const always = ["satisfaction", "effort", "resolved", "recommend", "comment"];
  assert.deepEqual(await shown(widget), always);
  await widget.locator('input[name="resolved"][value="1"]').check();
  assert.deepEqual(await shown(widget), ["satisfaction", "effort", "resolved", "what_went_wrong", "contact", "recommend", "comment"]);
  await widget.locator('input[name="resolved"][value="0"]').check();
  assert.deepEqual(await shown(widget), always, "resolved after all: no call back");
  await widget.locator('input[name="recommend"][value="3"]').check();
  assert.ok((await shown(widget)).includes("do_better"));
  await widget.locator('[data-question="do_better"] textarea').fill("Answer faster");
  await page.screenshot({ path: join(artifacts, "logic-detractor.png") });
  assert.deepEqual(await axeViolations(page), []);
  await widget.locator('input[name="recommend"][value="10"]').check();
  const promoter = await shown(widget);
  assert.ok(promoter.includes("did_well") && !promoter.includes("do_better"), promoter.join());
  await widget.locator('[data-question="did_well"] textarea').fill("Kind and quick");
  await widget.locator('input[name="satisfaction"][value="5"]').check();
  await widget.locator("button[type=submit]").click();
  await widget.locator(".candor-thanks").waitFor();
  const stored = await storedOf("after-support");
  assert.deepEqual(Object.keys(stored.answers).sort(), ["did_well", "recommend", "resolved", "satisfaction"]);
  assert.equal(stored.answers.do_better, undefined, "what the logic skipped was not sent");
  assert.deepEqual(problems, []);
  await page.close();
});

test("steps skip what the logic skips, count what it asks, and keep answers going back", async () => {
  const nps = {
    id: "nps-steps", version: 1, default_locale: "en", title: { en: "Thank you!" },
    settings: { layout: "steps" },
    questions: [
      { id: "nps", kind: "nps", required: true, text: { en: "How likely are you to recommend us?" },
        jumps: [{ if: { question: "nps", at_least: 9 }, to: "liked" }] },
      { id: "wrong", kind: "comment", max_length: 500, required: true, text: { en: "What went wrong?" },
        show_if: { question: "nps", at_most: 6 } },
      { id: "ten", kind: "comment", max_length: 500, text: { en: "What would make it a 10?" },
        show_if: { question: "nps", one_of: [7, 8] } },
      { id: "liked", kind: "comment", max_length: 500, text: { en: "What did you like?" },
        show_if: { question: "nps", at_least: 9 } },
      { id: "resolved", kind: "yes_no", text: { en: "Did we solve it?" } },
    ],
  };
  const created = await fetch(`${shared.collector().url}/v1/admin/surveys`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(nps),
  });
  assert.equal(created.status, 201, await created.text());
  const { page, widget, problems } = await showing("nps-steps");
  const progress = () => widget.locator(".candor-form__progress").textContent();
  const next = () => widget.locator("button[type=submit]").click();
  assert.equal(await progress(), "1 of 2", "only nps and resolved apply before any answer");
  await widget.locator('input[name="nps"][value="3"]').check();
  assert.equal(await progress(), "1 of 3");
  await next();
  assert.deepEqual(await shown(widget), ["wrong"]);
  assert.equal(await progress(), "2 of 3");
  await widget.locator('[data-question="wrong"] textarea').fill("Too slow");
  await next();
  assert.deepEqual(await shown(widget), ["resolved"], "ten and liked skipped");
  await widget.locator(".candor-form__back").click();
  assert.equal(await widget.locator('[data-question="wrong"] textarea').inputValue(), "Too slow", "kept going back");
  await widget.locator(".candor-form__back").click();
  await widget.locator('input[name="nps"][value="10"]').check();
  assert.equal(await progress(), "1 of 3");
  await next();
  assert.deepEqual(await shown(widget), ["liked"], "a promoter jumps to what they liked");
  await next();
  assert.deepEqual(await shown(widget), ["resolved"]);
  assert.equal(await progress(), "3 of 3");
  await widget.locator('input[name="resolved"][value="0"]').check();
  await next();
  await widget.locator(".candor-thanks").waitFor();
  const stored = await storedOf("nps-steps");
  assert.deepEqual(stored.answers, { nps: 10, resolved: true }, "the detractor's comment was not sent");
  assert.deepEqual(problems, []);
  await page.close();
});

// The editor and the figures of the newer kinds: an owner adds a multiple
// choice (limits, "Other") and a Likert question (7 points, a statement of
// their own) without writing JSON, asks a follow-up only of those who chose
// one option, sees the preview follow, publishes, and reads the figures.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { artifacts, axeViolations, eventually, openDashboard, sharedCollectorAndBrowser, signIn } from "./helpers.mjs";

const shared = sharedCollectorAndBrowser({ before, after });
const token = "e2e-admin-token-0123456789abcdef";

test("an owner builds multiple choice and Likert questions and reads their figures", async () => {
  const base = shared.collector().url;
  const { page, problems } = await openDashboard(shared);
  await signIn(page, token);
  await page.getByLabel("Template").selectOption("blank");
  await page.getByLabel("Id", { exact: true }).fill("e2e-kinds");
  await page.getByRole("button", { name: "Create" }).click();
  const questions = page.locator(".editor__question");
  await questions.first().waitFor();
  for (const kind of ["multiple_choice", "likert", "comment"]) {
    await page.getByLabel("New question").selectOption(kind);
    await page.getByRole("button", { name: "Add question" }).click();
  }
  await page.getByRole("button", { name: "Remove question 1" }).click();
  await eventually(async () => (await questions.count()) === 3, 2_000, "three questions left");
  assert.equal(await page.locator("#text-0").inputValue(), "What could we improve? Choose all that apply.");
  assert.ok(await page.locator("#other-0").isChecked(), "a new multiple choice offers Other");
  await page.locator("#label-0-0").fill("Delivery speed");
  await page.locator("#most-0").selectOption("2");
  await page.locator("#points-1").selectOption("7");
  await questions.nth(1).getByRole("button", { name: "Add statement" }).click();
  await page.locator("#label-1-2").fill("Prices were fair");
  await page.locator("#text-2").fill("What slowed us down?");

  // The follow-up only for those who chose the first option.
  await page.locator("#show-if-2").selectOption("all");
  const improve = await questions.first().getAttribute("data-question");
  await page.getByLabel("Condition 1 — question").selectOption(improve);
  await page.getByLabel("Condition 1 — comparison").selectOption("equals");
  assert.equal(await page.getByLabel("Condition 1 — comparison").locator("option:checked").textContent(), "includes");
  await page.getByLabel("Condition 1 — value").selectOption("speed");

  // The preview follows: the limit, Other, seven named points, the logic.
  const preview = page.locator(".editor__preview");
  await preview.getByText("Choose up to 2").waitFor();
  await eventually(async () => (await preview.getByText("Prices were fair").count()) === 1, 2_000, "the new statement is previewed");
  const agree = await questions.nth(1).getAttribute("data-question");
  assert.equal(await preview.locator(`input[name="${agree}.statement-1"]`).count(), 7);
  const why = preview.locator('[data-question]:has-text("What slowed us down?")');
  assert.equal(await why.isVisible(), false);
  await preview.getByLabel("Delivery speed").check();
  await why.waitFor();
  await page.screenshot({ path: join(artifacts, "dashboard-editor-kinds.png"), fullPage: true });
  assert.deepEqual(await axeViolations(page, { shadowHost: null }), []);

  await page.getByRole("button", { name: "Publish" }).click();
  await page.getByText("Published as version 2.").waitFor();
  const published = await (await fetch(`${base}/v1/surveys/e2e-kinds`)).json();
  const [multi, likert, comment] = published.questions;
  assert.deepEqual([multi.kind, multi.other, multi.max_selections, multi.options[0].label.en], ["multiple_choice", true, 2, "Delivery speed"]);
  assert.deepEqual([likert.kind, likert.points, likert.statements.map((s) => s.label.en)], ["likert", 7, ["The staff understood what I needed", "It was easy to get help", "Prices were fair"]]);
  assert.deepEqual(comment.show_if, { question: multi.id, equals: "speed" });

  // Answers arrive; the survey's page shows each option's share and each
  // statement's agreement.
  const answers = [
    { [multi.id]: { selected: ["speed"], other: "Parking" }, [likert.id]: { understood: 6, easy: 2 }, [comment.id]: "The courier" },
    { [multi.id]: { selected: ["speed", "staff"] }, [likert.id]: { understood: 7 } },
    { [multi.id]: { selected: ["updates"] }, [likert.id]: { understood: 3, "statement-1": 5 } },
  ];
  for (const [n, answer] of answers.entries()) {
    const reply = await fetch(`${base}/v1/surveys/e2e-kinds/responses`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: `00000000-0000-4000-8000-00000000090${n}`, survey_version: 2, answers: answer }),
    });
    assert.equal(reply.status, 201, await reply.text());
  }
  await page.goto(`${base}/dashboard/#/surveys/e2e-kinds`);
  const card = (id) => page.locator(`[data-question="${id}"]`);
  await card(multi.id).getByText("Most chosen: Delivery speed, 67% · n = 3").waitFor();
  await card(multi.id).getByText("Delivery speed: 67%").waitFor();
  await card(multi.id).getByText("Other: 33%").waitFor();
  const row = card(likert.id).locator("tr", { hasText: "The staff understood what I needed" });
  assert.match(await row.textContent(), /67%.*5\.3 \/ 7 \(1\.0 to 7\.0\)/, "the interval as shown stays on the scale");
  await page.screenshot({ path: join(artifacts, "dashboard-figures-kinds.png"), fullPage: true });
  assert.deepEqual(await axeViolations(page, { shadowHost: null }), []);
  assert.deepEqual(problems, [], "the page reported errors");
  await page.close();
});

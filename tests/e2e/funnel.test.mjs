// The response funnel from a real page: the widget reports the survey
// shown, started and dismissed (counts only, by beacon), a warm-up
// reports nothing, and the owner reads the response rate and where
// respondents stopped on the survey's page.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { artifacts, axeViolations, eventually, openDashboard, sharedCollectorAndBrowser, shopHtml, shopPage, signIn } from "./helpers.mjs";

const shared = sharedCollectorAndBrowser({ before, after });
const token = "e2e-admin-token-0123456789abcdef";
const admin = { authorization: `Bearer ${token}` };

async function funnel(survey) {
  const reply = await fetch(`${shared.collector().url}/v1/admin/surveys/${survey}/funnel?window=all`, { headers: admin });
  assert.equal(reply.status, 200);
  return reply.json();
}

test("a shown, started and dismissed popover is counted, and the owner reads the funnel", async () => {
  const created = await fetch(`${shared.collector().url}/v1/admin/surveys`, {
    method: "POST",
    headers: { ...admin, "content-type": "application/json" },
    body: JSON.stringify({
      id: "funnel-popover", version: 1, default_locale: "en", title: { en: "Quick question" },
      settings: { display: "popover" },
      questions: [
        { id: "nps", kind: "nps", required: true, text: { en: "Would you recommend us?" } },
        { id: "why", kind: "comment", max_length: 300, text: { en: "Why?" } },
      ],
    }),
  });
  assert.equal(created.status, 201, await created.text());
  const page = await shared.browser().newPage();
  const html = shopHtml({ body: `<script src="${shared.collector().url}/candor.js" data-survey="funnel-popover" async></script>` });
  await page.goto(await shopPage(page, html));
  const widget = page.locator("candor-widget");
  await widget.locator('input[name="nps"][value="6"]').check();
  await widget.locator(".candor-close").click();
  await page.close();
  await eventually(async () => {
    const { total } = await funnel("funnel-popover");
    return total.shown === 1 && total.started === 1 && total.dismissed === 1;
  }, 10_000, "shown, started and dismissed counted");
  const counted = await funnel("funnel-popover");
  assert.deepEqual(counted.pages.map((p) => p.page), ["/"], "counted on the page's path");
  assert.equal(counted.total.completed, 0);

  // A page that only warms the widget up (data-prepare, a survey shown
  // only by Candor.show()) draws its warm-up survey unseen and reports
  // nothing.
  const quiet = await fetch(`${shared.collector().url}/v1/admin/surveys`, {
    method: "POST",
    headers: { ...admin, "content-type": "application/json" },
    body: JSON.stringify({
      id: "funnel-quiet", version: 1, default_locale: "en", title: { en: "Later" }, settings: { trigger: { on: "api" } },
      questions: [{ id: "csat", kind: "csat", text: { en: "Satisfied?" } }],
    }),
  });
  assert.equal(quiet.status, 201, await quiet.text());
  const warm = await shared.browser().newPage();
  const reported = [];
  warm.on("request", (request) => request.url().includes("/events") && reported.push(request.url()));
  const prepared = shopHtml({ body: `<script src="${shared.collector().url}/candor.js" data-survey="funnel-quiet" data-prepare async></script>` });
  await warm.goto(await shopPage(warm, prepared));
  await eventually(async () => warm.evaluate(() => performance.getEntriesByType("resource").some((r) => r.name.includes("_bg.wasm"))), 10_000, "the widget was prepared");
  await warm.waitForTimeout(1_000);
  assert.deepEqual(reported, [], "a warm-up reports nothing");
  await warm.close();

  const { page: dashboard, problems } = await openDashboard(shared);
  await signIn(dashboard, token);
  await dashboard.goto(`${shared.collector().url}/dashboard/#/surveys/funnel-popover?window=all`);
  const card = dashboard.locator("[data-funnel]");
  await card.getByText("Response rate 0% · start rate 100%").waitFor();
  await card.getByText("Shown 1 · started 1 · completed 0 · dismissed 1 · unfinished 1").waitFor();
  const stopped = card.locator("tr", { hasText: "Would you recommend us?" });
  assert.match(await stopped.textContent(), /11$/, "answered by one, who left after it");
  await dashboard.screenshot({ path: join(artifacts, "dashboard-funnel.png"), fullPage: true });
  assert.deepEqual(await axeViolations(dashboard, { shadowHost: null }), []);

  // The overview across surveys: each one's response rate and open
  // contact requests beside its figures.
  await dashboard.goto(`${shared.collector().url}/dashboard/#/`);
  const row = dashboard.locator("table.surveys tr", { hasText: "funnel-popover" });
  const cells = row.locator("td.number");
  await eventually(async () => (await cells.nth(2).textContent()) === "0%", 5_000, "the response rate in the overview");
  assert.deepEqual(await cells.allTextContents(), ["0", "0", "0%", "0"], "responses, in the window, response rate, open contacts");
  await dashboard.screenshot({ path: join(artifacts, "dashboard-overview.png"), fullPage: true });
  assert.deepEqual(await axeViolations(dashboard, { shadowHost: null }), []);
  assert.deepEqual(problems, []);
  await dashboard.close();
});

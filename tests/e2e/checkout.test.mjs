// The first end-to-end slice: a response typed into the widget on the demo
// checkout page reaches the collector, is stored, and comes back as an
// aggregate on the same page.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { join } from "node:path";
import { artifacts, postResponse, sharedCollectorAndBrowser, storedResponses, watchPage } from "./helpers.mjs";

const shared = sharedCollectorAndBrowser({ before, after });

test("a response typed into the widget comes back as the page's aggregate", async () => {
  // Nineteen earlier responses; with the one typed below, two whole groups
  // of the minimum sample (10) are public: 5,5,4,4,3,5,4,2,5,4 (sum 41) and
  // 5,4,5,3,4,5,4,5,4 (sum 39).
  const earlier = [5, 5, 4, 4, 3, 5, 4, 2, 5, 4, 5, 4, 5, 3, 4, 5, 4, 5, 4];
  for (const [n, rating] of earlier.entries()) await postResponse(shared.collector().url, n, rating);

  const page = await shared.browser().newPage({ viewport: { width: 1100, height: 1000 } });
  const problems = watchPage(page);
  await page.goto(`${shared.collector().url}/`);

  // A mouse user picks the rating.
  await page.locator('candor-widget input[name="satisfaction"][value="4"]').click();
  // A keyboard user answers the delivery pair: Space picks, arrows move.
  await page.locator('candor-widget input[name="delivery.promise.expected"][value="1"]').focus();
  await page.keyboard.press("Space");
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  await page.locator("candor-widget textarea").fill("Roasted beans arrived a day early.");
  await page.screenshot({ path: join(artifacts, "checkout-filled-in.png"), fullPage: true });
  await page.locator("candor-widget button[type=submit]").press("Enter");

  // (41 + 39 + 4) / 20 = 4.2
  const summary = page.locator("candor-widget .candor-summary");
  await summary.waitFor({ timeout: 10_000 });
  assert.equal(await summary.textContent(), "20 responses · average 4.2 / 5");
  // 17 of 20 gave 4 or 5.
  const headline = await page.locator("candor-widget .candor-snapshot__headline").textContent();
  assert.match(headline, /^85% satisfied \(±\d+%\) · last 30 days$/);
  const chart = await page.locator("candor-widget svg.candor-chart").getAttribute("aria-label");
  assert.equal(chart, "How customers rated us: 1: 0, 2: 1, 3: 2, 4: 9, 5: 8");
  await page.screenshot({ path: join(artifacts, "checkout-after-submit.png"), fullPage: true });

  // One delivery answer is no group: the public figures withhold it.
  const snapshot = await (await fetch(`${shared.collector().url}/v1/surveys/checkout/snapshot`)).json();
  assert.equal(snapshot.responses, 20);
  const delivery = snapshot.questions.find((q) => q.id === "delivery");
  assert.deepEqual(delivery, { id: "delivery", kind: "withheld", n: 0, minimum: 10 });
  // The collector stored exactly what was typed: expected 5, experienced 6.
  const [typed] = await storedResponses(shared.collector().url);
  assert.deepEqual(typed.answers.delivery, { promise: { expected: 5, experienced: 6 } });
  assert.deepEqual(problems, [], "the page reported errors");
});

test("the host page keeps working and its CSS does not reach the widget", async () => {
  const page = await shared.browser().newPage();
  const problems = watchPage(page);
  await page.goto(`${shared.collector().url}/`);
  await page.locator("candor-widget .candor-form").waitFor();

  await page.getByRole("button", { name: "Place order" }).click();
  assert.match(await page.locator("#order-status").textContent(), /Order #NW-10482 is confirmed/);

  // The shop sets html { font-size: 18px } and a serif font; the widget keeps its own.
  const style = await page
    .locator("candor-widget .candor-form__title")
    .evaluate((el) => ({ size: getComputedStyle(el).fontSize, family: getComputedStyle(el).fontFamily }));
  assert.equal(style.size, "20px");
  assert.doesNotMatch(style.family, /Georgia/);
  assert.deepEqual(problems, [], "the page reported errors");
});

test("<candor-snapshot> updates within a second of a new group of responses", async () => {
  const page = await shared.browser().newPage();
  const problems = watchPage(page);
  await page.goto(`${shared.collector().url}/`);
  const line = page.locator("candor-snapshot .candor-summary");
  await line.waitFor({ timeout: 10_000 });
  const before = Number(await page.locator("candor-snapshot .candor-snapshot").getAttribute("data-responses"));
  // Public figures move in whole groups of the minimum sample (10).
  for (let n = 900; n < 910; n++) await postResponse(shared.collector().url, n, 5);
  const started = Date.now();
  await page.waitForFunction(
    (expected) => {
      const root = document.querySelector("candor-snapshot")?.shadowRoot;
      return root?.querySelector(".candor-snapshot")?.getAttribute("data-responses") === String(expected);
    },
    before + 10,
    { timeout: 1_000 },
  );
  assert.ok(Date.now() - started <= 1_000, "the snapshot took longer than a second");
  await page.screenshot({ path: join(artifacts, "live-snapshot.png"), fullPage: true });
  assert.deepEqual(problems, [], "the page reported errors");
});

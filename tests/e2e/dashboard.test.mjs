// The dashboard: signing in (and being refused), the survey list, one
// survey's figures changing within a second of a new response, a strict
// policy with no violations, and axe-core on every view. Screenshots kept.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { artifacts, axeViolations, eventually, postResponse, sharedCollectorAndBrowser, watchPage } from "./helpers.mjs";

const shared = sharedCollectorAndBrowser({ before, after });

/** A dashboard tab that records policy violations. */
async function open() {
  const page = await shared.browser().newPage({ viewport: { width: 1200, height: 900 } });
  const problems = watchPage(page);
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const reply = await page.goto(`${shared.collector().url}/dashboard/`);
  assert.match(reply.headers()["content-security-policy"], /frame-ancestors 'none'/);
  return { page, problems };
}

async function signIn(page, token) {
  await page.getByLabel("Admin token").fill(token);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a wrong token is refused and the right one signs in", async () => {
  const { page, problems } = await open();
  await signIn(page, "not-the-token");
  await page.getByText("That is not the admin token.").waitFor();
  assert.equal(await page.getByLabel("Admin token").getAttribute("aria-invalid"), "true");
  await page.screenshot({ path: join(artifacts, "dashboard-sign-in-refused.png") });
  assert.deepEqual(await axeViolations(page, { shadowHost: null }), []);

  await signIn(page, "e2e-admin-token");
  const link = page.getByRole("link", { name: "How was your checkout?" });
  await link.waitFor();
  await page.screenshot({ path: join(artifacts, "dashboard-surveys.png") });
  assert.deepEqual(await axeViolations(page, { shadowHost: null }), []);
  // The token stays for this tab only.
  assert.equal(await page.evaluate(() => sessionStorage.getItem("candor:admin-token")), "e2e-admin-token");
  assert.equal(await page.evaluate(() => document.cookie), "");
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(problems.filter((p) => !/403/.test(p)), [], "the page reported errors");
  await page.close();
});

test("an open survey's figures change within a second of a new response", async () => {
  const base = shared.collector().url;
  for (const [n, rating] of [5, 4, 2].entries()) await postResponse(base, 100 + n, rating);
  const { page, problems } = await open();
  await signIn(page, "e2e-admin-token");
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

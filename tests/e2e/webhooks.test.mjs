// Webhooks from the dashboard, to a real receiver on loopback that checks
// every signature (node:crypto, as docs/api.md shows) and refuses what it
// is told to: add a destination, send a test, see it delivered, watch a
// refused delivery wait for its retry and replay it by hand. Then the
// follow-up workflow of a contact request: assignee, notes, in progress,
// done, and the median time to first follow-up. axe-core on both pages.
import assert from "node:assert/strict";
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
  artifacts,
  axeViolations,
  eventually,
  launchBrowser,
  signIn,
  startCollector,
  watchPage,
} from "./helpers.mjs";

let collector;
let browser;
let receiver;
/** Every request the receiver got: { id, type, verified, answered }. */
const arrivals = [];
/** While set, the receiver answers 503. */
let refusing = false;
let secret = null;

function verified(headers, body) {
  if (!secret) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key)
    .update(`${headers["webhook-id"]}.${headers["webhook-timestamp"]}.`)
    .update(body)
    .digest();
  return (headers["webhook-signature"] ?? "").split(" ").some((sig) => {
    const given = Buffer.from(sig.split(",")[1] ?? "", "base64");
    return sig.startsWith("v1,") && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

before(async () => {
  receiver = createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      const answered = refusing ? 503 : 200;
      arrivals.push({
        id: request.headers["webhook-id"],
        type: JSON.parse(body.toString()).type,
        verified: verified(request.headers, body),
        answered,
      });
      response.writeHead(answered).end();
    });
  });
  await new Promise((ok) => receiver.listen(0, "127.0.0.1", ok));
  collector = await startCollector({
    env: { CANDOR_WEBHOOK_ALLOW_PRIVATE_TARGETS: "true", CANDOR_WEBHOOK_FIRST_RETRY_MS: "600000" },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await collector?.stop();
  receiver?.close();
});

async function dashboard(hash) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const problems = watchPage(page);
  await page.goto(`${collector.url}/dashboard/${hash}`);
  await signIn(page, "e2e-admin-token-0123456789abcdef");
  return { page, problems };
}

test("an owner adds a webhook, sends a test, sees it delivered and replays a refused one", async () => {
  const { page, problems } = await dashboard("#/destinations");
  await page.getByText("No destination yet").waitFor();
  const form = page.locator("form.destination-form");
  await form.getByLabel("Name").fill("CRM");
  await form.getByLabel("Address (URL)").fill(`http://127.0.0.1:${receiver.address().port}/hooks`);
  await form.getByRole("button", { name: "Add" }).click();
  const card = page.getByRole("region", { name: "CRM" });
  await card.waitFor();
  secret = await card.locator(".destination__secret").textContent();
  assert.match(secret, /^whsec_/);

  await card.getByRole("button", { name: "Send a test" }).click();
  await eventually(async () => arrivals.length === 1, 10_000, "the test arrived");
  assert.deepEqual(
    { type: arrivals[0].type, verified: arrivals[0].verified },
    { type: "destination.test", verified: true },
  );
  const firstRow = card.locator("table.deliveries tbody tr").first();
  await eventually(async () => (await firstRow.textContent()).includes("Delivered"), 10_000, "shown delivered");
  assert.match(await firstRow.textContent(), /destination\.test.*Delivered.*200/);

  // The receiver is down: the next test is refused and waits ten minutes for its retry.
  refusing = true;
  await card.getByRole("button", { name: "Send a test" }).click();
  await eventually(async () => arrivals.length === 2, 10_000, "the second test arrived");
  await eventually(async () => /Waiting to be retried.*503/.test(await firstRow.textContent()), 10_000, "shown refused, waiting");
  await page.screenshot({ path: join(artifacts, "dashboard-destinations.png"), fullPage: true });
  assert.deepEqual(await axeViolations(page, { shadowHost: null }), []);

  // Back up: the first one, delivered, is replayed by hand with its own id.
  refusing = false;
  const delivered = card.locator("table.deliveries tbody tr").nth(1);
  await delivered.getByRole("button", { name: "Replay" }).click();
  await eventually(async () => arrivals.length === 3, 10_000, "the replay arrived");
  assert.equal(arrivals[2].id, arrivals[0].id, "one event id across its sends");
  assert.ok(arrivals.every((a) => a.verified), "every delivery verifies");
  assert.deepEqual(problems, [], "the page reported errors");
  await page.close();
});

test("a contact request is taken, noted, and followed up", async () => {
  const post = await fetch(`${collector.url}/v1/surveys/after-support/responses`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      id: "00000000-0000-4000-8000-000000000700",
      survey_version: 1,
      answers: { satisfaction: 1, resolved: false, contact: { consent: true, email: "ilze@example.lv" } },
    }),
  });
  assert.equal(post.status, 201, await post.text());
  const { page, problems } = await dashboard("#/contacts");
  const row = page.getByRole("row", { name: /ilze@example\.lv/ });
  await row.waitFor();
  await page.getByText("No request of the last 30 days has been followed up yet.").waitFor();
  await row.getByRole("textbox", { name: /^Assignee/ }).fill("Jānis");
  await row.getByRole("textbox", { name: /^Assignee/ }).press("Tab");
  await row.getByRole("textbox", { name: /^Notes/ }).fill("Rang back; courier re-sent");
  await row.getByRole("textbox", { name: /^Notes/ }).press("Tab");
  await eventually(
    async () => (await (await fetch(`${collector.url}/v1/admin/contacts`, { headers: { authorization: "Bearer e2e-admin-token-0123456789abcdef" } })).json())[0].notes === "Rang back; courier re-sent",
    5_000,
    "the notes saved",
  );
  await row.getByRole("combobox", { name: /^Status/ }).selectOption("in_progress");
  await row.waitFor({ state: "detached" });
  await page.getByText(/Median time to first follow-up, last 30 days: \d+ minutes?/).waitFor();
  await page.getByLabel("In progress").check();
  const taken = page.getByRole("row", { name: /ilze@example\.lv/ });
  await taken.waitFor();
  assert.equal(await taken.getByRole("textbox", { name: /^Assignee/ }).inputValue(), "Jānis");
  assert.equal(await taken.getByRole("textbox", { name: /^Notes/ }).inputValue(), "Rang back; courier re-sent");
  assert.deepEqual(await axeViolations(page, { shadowHost: null }), []);
  await taken.getByRole("combobox", { name: /^Status/ }).selectOption("done");
  await taken.waitFor({ state: "detached" });
  await page.getByLabel("Done").check();
  const done = page.getByRole("row", { name: /ilze@example\.lv/ });
  await done.waitFor();
  assert.equal(await done.getByRole("combobox", { name: /^Status/ }).inputValue(), "done");
  await page.screenshot({ path: join(artifacts, "dashboard-follow-up.png"), fullPage: true });
  assert.deepEqual(problems, [], "the page reported errors");
  await page.close();
});

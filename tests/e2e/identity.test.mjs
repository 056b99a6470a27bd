// Identified visitors, in Chromium, host pages on their own origin: a
// visitor who answered in one browser is not asked in another where the
// page names the same visitor, while an anonymous visitor still is; a
// dismissal and the site-wide cap hold across browsers too; a survey's
// audience asks only visitors whose attributes pass; the raw id never
// reaches the collector (the database file is read to check).
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { loaderTab, nothingShown, publishQuestion, sharedCollectorAndBrowser, showing } from "./helpers.mjs";

const shared = sharedCollectorAndBrowser({ before, after });
const ADMIN = { authorization: "Bearer e2e-admin-token-0123456789abcdef", "content-type": "application/json" };
const ALICE = "alice-7@example.com";

const publish = (id, settings) => publishQuestion(shared, id, settings);

/** Another device: the visitor identified as `id` with `attributes` when
 * given (queued before the loader runs, as the README's stub does). */
const device = (id, attributes = {}) =>
  loaderTab(shared, { before: id === undefined ? "" : `<script>window.Candor = { q: [["identify", ${JSON.stringify([id, attributes])}]] };</script>` });

async function answer(page) {
  await page.locator("candor-widget .candor-scale__option").nth(3).click();
  await page.locator("candor-widget button[type=submit]").click();
}

/** The hash the browser sends for `id`: SHA-256 of the salt, ":" and the id. */
async function hashOf(id) {
  const { salt } = await (await fetch(`${shared.collector().url}/v1/surveys`)).json();
  return createHash("sha256").update(`${salt}:${id}`).digest("hex");
}

/** Waits until the collector's record of `hash` has `survey` with `field`
 * set, asking once a second (lookups share the browsers' rate limit). */
async function recorded(hash, survey, field) {
  for (let attempt = 0; attempt < 15; attempt++) {
    const reply = await fetch(`${shared.collector().url}/v1/visitors/${hash}`);
    assert.equal(reply.status, 200, await reply.clone().text());
    if ((await reply.json()).surveys.some((s) => s.survey === survey && s[field])) return;
    await new Promise((ok) => setTimeout(ok, 1000));
  }
  assert.fail(`${survey}'s ${field} not recorded for the visitor within 15 s`);
}

test("answered in one browser, not asked in another; an anonymous visitor still is; no raw id stored", async () => {
  await publish("known", { pages: { include: ["/known/*"] } });
  const first = await device(ALICE, { plan: "pro", orders: 3 });
  await first.page.goto("http://shop.localhost/known/1");
  assert.equal(await showing(first.page), "known");
  await answer(first.page);
  const hash = await hashOf(ALICE);
  await recorded(hash, "known", "answered_on");
  const stored = await (await fetch(`${shared.collector().url}/v1/admin/surveys/known/responses`, { headers: ADMIN })).json();
  assert.deepEqual(stored.responses[0].context, { plan: "pro", orders: "3" }, "attributes go with the response as context");

  const second = await device(ALICE, { plan: "pro", orders: 3 });
  await second.page.goto("http://shop.localhost/known/2");
  await nothingShown(second.page, "the same visitor on another device");
  assert.ok(second.requests.includes(`/v1/visitors/${hash}`), "the browser asked by hash");
  assert.equal(second.wasm(), 0, "no wasm for a visitor not asked");

  const anonymous = await device();
  await anonymous.page.goto("http://shop.localhost/known/3");
  assert.equal(await showing(anonymous.page), "known", "an anonymous visitor keeps the browser's own memory");

  const file = join(shared.collector().dir, "candor.db");
  const bytes = Buffer.concat([file, `${file}-wal`].filter(existsSync).map((path) => readFileSync(path)));
  assert.ok(bytes.includes(hash), "the hash is what is kept");
  assert.ok(!bytes.includes("alice-7"), "the raw id is nowhere in the database");
  for (const client of [first, second, anonymous]) await client.close();
});

test("a dismissal and the site-wide cap hold across browsers", async () => {
  await publish("devcap-a", { pages: { include: ["/devcap/*"] } });
  await publish("devcap-b", { pages: { include: ["/devcap/*"] } });
  const id = "bob-42";
  const first = await device(id);
  await first.page.goto("http://shop.localhost/devcap/1");
  assert.equal(await showing(first.page), "devcap-a");
  await first.page.locator("candor-widget .candor-close").click();
  const hash = await hashOf(id);
  // Dismissals are written with the funnel's counts, every few seconds.
  await recorded(hash, "devcap-a", "dismissed_on");

  const second = await device(id);
  await second.page.goto("http://shop.localhost/devcap/2");
  await nothingShown(second.page, "devcap-a dismissed elsewhere, devcap-b within the cap");
  const asked = await second.page.evaluate(() => JSON.parse(localStorage.getItem("candor:asked")));
  assert.equal(asked?.survey, "devcap-a", "the cap's record came from the first browser");
  // Another visitor on a third browser: their own record is empty.
  const other = await device("carol-1");
  await other.page.goto("http://shop.localhost/devcap/3");
  assert.equal(await showing(other.page), "devcap-a");
  for (const client of [first, second, other]) await client.close();
});

test("an audience asks only identified visitors whose attributes pass, and not once they sign out", async () => {
  await publish("pro-only", { pages: { include: ["/plan/*"] }, audience: [{ attribute: "plan", is: "pro" }, { attribute: "orders", at_least: 3 }] });
  for (const [id, attributes, what] of [
    [undefined, {}, "an anonymous visitor"],
    ["c-1", { plan: "free", orders: 5 }, "plan is not pro"],
    ["c-2", { plan: "pro", orders: 2 }, "fewer than 3 orders"],
    ["c-3", { plan: "pro", orders: "3" }, "orders as text is no number"],
  ]) {
    const client = await device(id, attributes);
    await client.page.goto("http://shop.localhost/plan/1");
    await nothingShown(client.page, what);
    assert.equal(client.wasm(), 0, `${what}: no wasm`);
    await client.close();
  }
  // Signed out before the survey is chosen: anonymous again.
  const queue = JSON.stringify([["identify", ["c-4", { plan: "pro", orders: 3 }]], ["identify", [null]]]);
  const out = await loaderTab(shared, { before: `<script>window.Candor = { q: ${queue} };</script>` });
  const lookedUp = out.page.waitForResponse((response) => response.url().includes("/v1/visitors/"));
  await out.page.goto("http://shop.localhost/plan/1");
  await nothingShown(out.page, "signed out");
  // The sign-in's lookup ends after the sign-out: it must not sign back in.
  await lookedUp;
  await out.page.evaluate(() => history.pushState({}, "", "/plan/2"));
  await nothingShown(out.page, "still signed out on the next route");
  await out.close();
  const pro = await device("c-4", { plan: "pro", orders: 3 });
  await pro.page.goto("http://shop.localhost/plan/1");
  assert.equal(await showing(pro.page), "pro-only");
  await pro.close();
});

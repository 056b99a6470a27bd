// The site-wide script and the choices it makes, in Chromium, host pages on
// their own origin: a page naming a survey in both its script and a
// <candor-survey> shows it in the element every time; page rules and a
// single-page app's routes; a click on an element added later; the Nth
// page view; the site-wide frequency cap across two surveys; a survey not
// yet started; a response limit reached while a respondent answers. A page
// whose rules do not match requests no wasm. The editor sets it all in
// plain words and says who will see the survey (audiences too; identified
// visitors themselves are in identity.test.mjs).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { join } from "node:path";
import { artifacts, axeViolations, eventually, loaderTab, nothingShown, openDashboard, publishQuestion, sharedCollectorAndBrowser, showing, signIn } from "./helpers.mjs";

const shared = sharedCollectorAndBrowser({ before, after });
const ADMIN = { authorization: "Bearer e2e-admin-token-0123456789abcdef", "content-type": "application/json" };

const publish = (id, settings) => publishQuestion(shared, id, settings);

/** A fresh tab with the loader, `attributes` on its tag, `body` after it. */
const tab = (attributes = "", body = "") => loaderTab(shared, { attributes, after: body });

test("a survey named by the script and by a <candor-survey> shows in the element on 20 of 20 loads", async () => {
  const element = `<p>Thank you for your order.</p><candor-survey survey="checkout" endpoint="${shared.collector().url}"></candor-survey>`;
  for (let load = 1; load <= 20; load++) {
    const { page, close } = await tab(`data-survey="checkout"`, element);
    await page.goto("http://shop.localhost/thanks");
    await page.waitForFunction(() => document.querySelector("candor-survey").shadowRoot?.querySelector("form"), null, { timeout: 15_000 });
    assert.equal(await page.locator("candor-widget").count(), 0, `load ${load}: a second placement after the script`);
    await close();
  }
});

test("page rules include and exclude, and a single-page app's routes are followed", async () => {
  await publish("spa-orders", { pages: { include: ["/app/orders/*"], exclude: ["/app/orders/export"] } });
  const { page, requests, wasm, close } = await tab();
  await page.goto("http://shop.localhost/app/");
  await nothingShown(page, "the home page is not an orders page");
  await page.evaluate(() => history.pushState({}, "", "/app/orders/export"));
  await nothingShown(page, "the export page is excluded");
  assert.equal(wasm(), 0, "no wasm on pages the rules leave out");
  await page.evaluate(() => history.pushState({}, "", "/app/orders/17"));
  assert.equal(await showing(page), "spa-orders");
  assert.equal(requests.filter((path) => path === "/v1/surveys").length, 1, "the list is read once per page load");
  await close();
});

test("a query parameter rule needs the parameter, whatever its value", async () => {
  await publish("coupon", { pages: { include: ["/coupon?code"] } });
  const { page, close } = await tab();
  await page.goto("http://shop.localhost/coupon?other=1");
  await nothingShown(page, "without the parameter");
  await page.evaluate(() => history.replaceState({}, "", "/coupon?other=1&code=anything"));
  assert.equal(await showing(page), "coupon");
  await close();
});

test("a click on an element added after load shows the survey", async () => {
  await publish("clicky", { pages: { include: ["/click"] }, trigger: { on: "click", selector: ".help-later" } });
  const { page, wasm, close } = await tab();
  await page.goto("http://shop.localhost/click");
  await page.locator("main").click();
  await nothingShown(page, "not before the element is clicked");
  assert.equal(wasm(), 0, "no wasm before the trigger");
  await page.evaluate(() => document.querySelector("main").insertAdjacentHTML("beforeend", '<button class="help-later"><span>Help</span></button>'));
  await page.locator(".help-later span").click();
  assert.equal(await showing(page), "clicky");
  await close();
});

test("a page-view trigger waits for the visitor's third page view", async () => {
  await publish("third", { pages: { include: ["/third/*"] }, trigger: { on: "page_view", count: 3 } });
  const { page, wasm, close } = await tab();
  await page.goto("http://shop.localhost/third/a");
  await nothingShown(page, "first view");
  await page.goto("http://shop.localhost/elsewhere");
  await page.goto("http://shop.localhost/third/b");
  await nothingShown(page, "second view (a page it is not offered on does not count)");
  assert.equal(wasm(), 0, "no wasm before the third view");
  await page.goto("http://shop.localhost/third/c");
  assert.equal(await showing(page), "third");
  await close();
});

test("the frequency cap: a visitor asked one survey is not asked another", async () => {
  await publish("cap-a", { pages: { include: ["/cap/*"] } });
  await publish("cap-b", { pages: { include: ["/cap/*"] } });
  const { page, close } = await tab();
  await page.goto("http://shop.localhost/cap/1");
  assert.equal(await showing(page), "cap-a", "the first in the list");
  assert.equal(await page.locator("candor-widget").count(), 1, "one survey per page view");
  await page.locator("candor-widget .candor-close").click();
  await page.goto("http://shop.localhost/cap/2");
  await nothingShown(page, "cap-b within the cap's days");
  // What held it back was the cap: without its record cap-b is asked.
  await page.evaluate(() => localStorage.removeItem("candor:asked"));
  await page.goto("http://shop.localhost/cap/3");
  assert.equal(await showing(page), "cap-b");
  await close();
});

test("a survey is not shown before its start, named or not", async () => {
  await publish("future", { pages: { include: ["/future"] }, starts_at: "2999-01-01T00:00:00Z" });
  const list = await (await fetch(`${shared.collector().url}/v1/surveys`)).json();
  assert.ok(!list.surveys.some((s) => s.id === "future"), "not in the list");
  const { page, wasm, close } = await tab();
  await page.goto("http://shop.localhost/future");
  await nothingShown(page, "site-wide");
  const named = await tab(`data-survey="future"`);
  await named.page.goto("http://shop.localhost/future");
  await nothingShown(named.page, "named by the script");
  assert.equal(wasm() + named.wasm(), 0, "no wasm for a survey not started");
  await close();
  await named.close();
});

test("a response limit reached while a respondent answers: their response is stored", async () => {
  await publish("last-call", { pages: { include: ["/last"] }, response_limit: 1 });
  const { page, close } = await tab();
  await page.goto("http://shop.localhost/last");
  assert.equal(await showing(page), "last-call");
  // Someone else answers first: the survey reaches its limit.
  const other = { id: "00000000-0000-4000-8000-00000000aaaa", survey_version: 1, answers: { rating: 5 } };
  const posted = await fetch(`${shared.collector().url}/v1/surveys/last-call/responses`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(other) });
  assert.equal(posted.status, 201);
  await page.locator("candor-widget .candor-scale__option").nth(3).click();
  await page.locator("candor-widget button[type=submit]").click();
  await eventually(
    async () => {
      const reply = await fetch(`${shared.collector().url}/v1/admin/surveys/last-call/responses`, { headers: ADMIN });
      return (await reply.json()).responses.length === 2;
    },
    10_000,
    "both responses stored",
  );
  const late = await tab();
  await late.page.goto("http://shop.localhost/last");
  await nothingShown(late.page, "closed for a new visitor");
  await close();
  await late.close();
});

test("the editor sets pages, a page-view trigger, an audience, a schedule and a limit, and says who will see it", async () => {
  const { page, problems } = await openDashboard(shared);
  await signIn(page, "e2e-admin-token-0123456789abcdef");
  await page.getByLabel("Template").selectOption("checkout");
  await page.getByLabel("Id", { exact: true }).fill("pro-orders");
  await page.getByRole("button", { name: "Create" }).click();
  const who = page.locator("#who-sees-it");
  await who.waitFor();
  assert.equal(await who.textContent(), "Only where a page names it · 100% of visitors · 90 days before asking again");
  await page.getByLabel("Offer it with the site-wide script, on the pages below").check();
  await page.getByLabel("Only on these pages (one per line; * for any part)").fill("/orders/*\nno-slash");
  await page.getByLabel("Never on these pages").click();
  await page.getByText("“no-slash” is not a page rule: write a path such as /orders/*.").waitFor();
  await page.getByLabel("Only on these pages (one per line; * for any part)").fill("/orders/*");
  await page.getByLabel("Never on these pages").fill("/orders/export");
  await page.getByLabel("Trigger").selectOption("page_view");
  await page.getByLabel("Page view in the visit").fill("3");
  await page.getByLabel("Opens (UTC)").fill("2026-01-01T09:00");
  const audience = page.getByLabel("Only identified visitors with (one rule per line: plan = pro, orders >= 3)");
  await audience.fill("plan is pro");
  await audience.blur();
  await page.getByText("“plan is pro” is not an audience rule: write one such as plan = pro or orders >= 3.").waitFor();
  await audience.fill("plan = pro\norders >= 3");
  // At most once a quarter.
  await page.getByLabel("Ask again after an answer (days)").fill("91");
  await page.getByLabel("Ask again after a dismissal (days)").fill("30");
  await page.getByLabel("Closes after this many responses").fill("300");
  await page.getByLabel("Closes after this many responses").blur();
  await eventually(
    async () =>
      (await who.textContent()) ===
      "On /orders/* · not on /orders/export · from page view 3 of a visit · plan is pro · orders at least 3 · 100% of visitors · 91 days before asking again · from 2026-01-01 09:00 UTC · closes at 300 responses",
    2_000,
    `the summary line: ${await who.textContent()}`,
  );
  // A field being typed in keeps its text while another field changes (the
  // display, changed here without moving the focus).
  const share = page.getByLabel("Share of visitors asked (%)");
  await share.fill("50");
  await page.evaluate(() => {
    const display = document.querySelector("#display");
    display.value = "slide_in";
    display.dispatchEvent(new Event("change", { bubbles: true }));
  });
  assert.equal(await share.inputValue(), "50", "the typed share survives another edit");
  await share.blur();
  await eventually(async () => (await who.textContent()).includes("50% of visitors"), 2_000, "the share applied");
  await page.screenshot({ path: join(artifacts, "editor-targeting.png"), fullPage: true });
  assert.deepEqual(await axeViolations(page, { shadowHost: null }), []);
  await page.getByRole("button", { name: "Publish" }).click();
  await page.getByText("Published as version 2.").waitFor();
  const list = await (await fetch(`${shared.collector().url}/v1/surveys`)).json();
  const listed = list.surveys.find((s) => s.id === "pro-orders");
  assert.deepEqual(listed?.pages, { include: ["/orders/*"], exclude: ["/orders/export"] });
  assert.deepEqual(listed?.trigger, { on: "page_view", count: 3 });
  assert.deepEqual(listed?.audience, [{ attribute: "plan", is: "pro" }, { attribute: "orders", at_least: 3 }]);
  const definition = await (await fetch(`${shared.collector().url}/v1/surveys/pro-orders`)).json();
  assert.equal(definition.settings.starts_at, "2026-01-01T09:00:00Z");
  assert.equal(definition.settings.response_limit, 300);
  assert.equal(definition.settings.recontact_days, 91);
  assert.equal(definition.settings.dismissal_days, 30);
  assert.equal(definition.settings.sampling_rate, 0.5);
  assert.equal(definition.settings.display, "slide_in");
  assert.deepEqual(problems, [], "the page reported errors");
  await page.close();
});

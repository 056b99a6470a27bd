// Embedding on pages Candor does not control: hostile CSS, a strict
// Content-Security-Policy, an endpoint that is down or unreachable, and
// triggers that decide whether the widget is fetched at all.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
  artifacts,
  checkoutDefinition,
  eventually,
  launchBrowser,
  sharedCollectorAndBrowser,
  shopHtml,
  shopPage,
  startCollector,
  storedResponses,
  watchPage,
} from "./helpers.mjs";

const shared = sharedCollectorAndBrowser({ before, after });
const POLICY = (collector) =>
  `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' ${collector}`;

/** Script tag embedding the checkout survey inline. */
const snippet = (collector, extra = "") =>
  `<script src="/candor.js" data-endpoint="${collector}" data-survey="checkout" ${extra} async></script>`;

/** The widget's files (either module) requested by the page so far. */
/** Whether `url` is a wasm module (asked for with or without its build). */
const isWasm = (url) => new URL(url).pathname.endsWith(".wasm");

function wasmRequests(page) {
  const seen = [];
  page.on("request", (request) => {
    if (/candor_(wasm|snapshot)/.test(request.url())) seen.push(request.url());
  });
  return seen;
}

/** Share of pixels that differ between two PNG screenshots of (nearly)
 * equal size; a string when the sizes differ. */
async function pixelDifference(page, a, b) {
  return page.evaluate(
    async ([a, b]) => {
      const load = async (data) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext("2d");
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height);
      };
      const [x, y] = [await load(a), await load(b)];
      // A pixel of difference in size is sub-pixel placement, not a change.
      if (Math.abs(x.width - y.width) > 1 || Math.abs(x.height - y.height) > 1) {
        return `sizes ${x.width}×${x.height} and ${y.width}×${y.height}`;
      }
      // Sub-pixel placement also rounds rows inside differently, so each
      // band of 20 rows is compared at the best of nine one-pixel shifts;
      // the outer 12 px are left out, where the page's background shows
      // through the rounded, anti-aliased border.
      const edge = 12;
      const [width, height] = [Math.min(x.width, y.width) - edge, Math.min(x.height, y.height) - edge];
      const differing = (top, bottom, dx, dy) => {
        let differ = 0;
        for (let row = top; row < bottom; row++) {
          for (let column = edge; column < width; column++) {
            const i = (row * x.width + column) * 4;
            const j = ((row + dy) * y.width + column + dx) * 4;
            if (Math.max(...[0, 1, 2].map((c) => Math.abs(x.data[i + c] - y.data[j + c]))) > 24) differ++;
          }
        }
        return differ;
      };
      let differ = 0;
      for (let top = edge; top < height; top += 20) {
        const bottom = Math.min(top + 20, height);
        differ += Math.min(...[-1, 0, 1].flatMap((dy) => [-1, 0, 1].map((dx) => differing(top, bottom, dx, dy))));
      }
      return differ / ((width - edge) * (height - edge));
    },
    [a.toString("base64"), b.toString("base64")],
  );
}

test("the one-line snippet from the collector's own address works on another site", async () => {
  // README's first snippet: the loader comes from the collector, so the
  // glue module and the wasm are fetched across origins too.
  const collector = shared.collector().url;
  const page = await shared.browser().newPage();
  const problems = watchPage(page);
  const requested = wasmRequests(page);
  await page.goto(await shopPage(page, shopHtml({ body: `<script src="${collector}/candor.js" data-survey="checkout" async></script>` })));
  await page.locator("candor-widget form").waitFor();
  assert.ok(requested.length === 2 && requested.every((url) => url.startsWith(collector)), "both modules from the collector");
  assert.deepEqual(problems, []);
  await page.close();
});

test("a hostile page's CSS does not change the widget", async () => {
  const collector = shared.collector().url;
  const hostile = `<style>
    * { all: unset; }
    html, body { display: block !important; background: #ff00aa !important; color: #00ff00 !important;
                 font: italic 30px/3 "Comic Sans MS", fantasy !important; letter-spacing: 4px !important; }
    candor-widget { color: red !important; font-size: 40px !important; }
    form, button, input, fieldset, label { border: 5px dashed orange !important; padding: 30px !important; }
    :root { --candor-accent: #00ff00; --candor-radius: 0; }
  </style>`;
  const shots = [];
  for (const head of ["", hostile]) {
    const page = await shared.browser().newPage({ viewport: { width: 800, height: 1200 } });
    const problems = watchPage(page);
    await page.goto(await shopPage(page, shopHtml({ head, body: snippet(collector) })));
    const widget = page.locator("candor-widget");
    await widget.locator("form").waitFor();
    shots.push(await widget.locator(".candor").screenshot({ path: join(artifacts, `hostile-${head ? "page" : "plain"}-widget.png`) }));
    await page.screenshot({ path: join(artifacts, `hostile-${head ? "page" : "plain"}.png`) });
    assert.deepEqual(problems, []);
    await page.close();
  }
  const page = await shared.browser().newPage();
  const difference = await pixelDifference(page, shots[0], shots[1]);
  await page.close();
  assert.equal(typeof difference, "number", String(difference));
  // Text anti-aliasing at another sub-pixel offset; a leaked font, colour
  // or spacing changes far more.
  assert.ok(difference < 0.005, `${(difference * 100).toFixed(2)}% of pixels differ`);
});

test("under a strict Content-Security-Policy the widget works with zero violations", async () => {
  const collector = shared.collector().url;
  const page = await shared.browser().newPage();
  const problems = watchPage(page);
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const url = await shopPage(page, shopHtml({ body: snippet(collector) + `<candor-snapshot survey="checkout" endpoint="${collector}"></candor-snapshot>` }), {
    "Content-Security-Policy": POLICY(collector),
  });
  // The query string and fragment may hold personal data: only the path
  // travels with the response.
  await page.goto(`${url}?order=1234&email=someone%40example.com#paid`);
  await page.evaluate(() => Candor.context({ channel: "web", "Bad Name": "left out", order_band: 75 }));
  await page.locator('candor-widget input[name="satisfaction"][value="5"]').click();
  await page.locator("candor-widget button[type=submit]").click();
  await page.locator("candor-widget .candor-thanks").waitFor();
  assert.equal(await page.locator("candor-widget .candor-thanks__text").textContent(), "Thank you for your feedback!");
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  const stored = await storedResponses(collector);
  assert.deepEqual(stored[0].context, { channel: "web", order_band: "75" }, "the page's hidden fields");
  assert.equal(stored[0].page, "/", "the page's path alone");
  assert.deepEqual(problems, []);
  await page.close();
});

test("hidden fields count only the page's own: a 21st named like an Object property is left out and the response stored", async () => {
  const collector = shared.collector().url;
  const page = await shared.browser().newPage();
  const problems = watchPage(page);
  const warnings = [];
  page.on("console", (message) => message.type() === "warning" && warnings.push(message.text()));
  await page.goto(await shopPage(page, shopHtml({ body: snippet(collector) })));
  await page.evaluate(() => {
    const twenty = {};
    for (let i = 0; i < 20; i++) twenty[`f${i}`] = "v";
    Candor.context(twenty);
    // Names every plain object inherits: each would be a 21st field.
    Candor.context({ constructor: "x", toString: "y", hasownproperty: "z" });
  });
  await page.locator('candor-widget input[name="satisfaction"][value="4"]').click();
  await page.locator("candor-widget button[type=submit]").click();
  await page.locator("candor-widget .candor-thanks").waitFor();
  assert.equal(await page.locator("candor-widget .candor-thanks__text").textContent(), "Thank you for your feedback!");
  const stored = await storedResponses(collector);
  const fields = Object.keys(stored[0].context);
  assert.equal(fields.length, 20, JSON.stringify(stored[0].context));
  assert.ok(fields.every((k) => /^f\d+$/.test(k)), fields.join(", "));
  assert.ok(warnings.some((w) => w.includes('"constructor" was left out')), warnings.join("\n"));
  assert.deepEqual(problems, []);
  await page.close();
});

test("a page with only a snapshot loads the snapshot module; with a survey too, one module for both", async () => {
  const collector = shared.collector().url;
  const snapshot = `<candor-snapshot survey="checkout" endpoint="${collector}"></candor-snapshot>`;
  const files = (requested) => requested.map((url) => new URL(url).pathname).sort();
  // The site's loader asks for its build's modules by version (cached for good).
  const builds = (requested) => [...new Set(requested.map((url) => new URL(url).searchParams.get("v")))];
  let page = await shared.browser().newPage();
  let problems = watchPage(page);
  let requested = wasmRequests(page);
  await page.goto(await shopPage(page, shopHtml({ body: `<script src="/candor.js" data-endpoint="${collector}" async></script>${snapshot}` })));
  await page.locator("candor-snapshot .candor-snapshot").waitFor();
  assert.deepEqual(files(requested), ["/candor_snapshot.js", "/candor_snapshot_bg.wasm"]);
  assert.equal(builds(requested).length, 1, "one build for both files");
  assert.match(builds(requested)[0] ?? "", /^[0-9a-f]{16}$/, "asked for by the site's build");
  // The module reads the survey's title (and dimension names) leniently.
  const { title } = await checkoutDefinition(collector);
  assert.equal(await page.locator("candor-snapshot .candor-form__title").textContent(), title.en);
  assert.deepEqual(problems, []);
  await page.close();

  page = await shared.browser().newPage();
  problems = watchPage(page);
  requested = wasmRequests(page);
  await page.goto(await shopPage(page, shopHtml({ body: snippet(collector) + snapshot })));
  await page.locator("candor-snapshot .candor-snapshot").waitFor();
  await page.locator("candor-widget form").waitFor();
  assert.deepEqual(files(requested), ["/candor_wasm.js", "/candor_wasm_bg.wasm"]);
  assert.equal(builds(requested).length, 1, "one build for both files");
  assert.match(builds(requested)[0] ?? "", /^[0-9a-f]{16}$/, "asked for by the site's build");
  assert.deepEqual(problems, []);
  await page.close();
});

/** Answers the checkout survey on `page` and sends it. */
async function answer(page, rating) {
  await page.locator(`candor-widget input[name="satisfaction"][value="${rating}"]`).click();
  await page.locator("candor-widget button[type=submit]").click();
}

async function responses(base) {
  // The owner's count: public figures move only in groups of ten.
  return (await storedResponses(base)).length;
}

for (const reload of [false, true]) {
  test(`a response sent while the collector is down arrives exactly once when it is back${reload ? ", across a reload" : ""}`, async () => {
    const first = await startCollector();
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(await shopPage(page, shopHtml({ body: snippet(first.url) })));
      await page.locator("candor-widget form").waitFor();
      await first.stop({ keep: true });

      await answer(page, 2);
      const queued = page.locator("candor-widget .candor-thanks__text");
      await queued.waitFor();
      assert.match(await queued.textContent(), /as soon as the connection is back/);
      const waiting = await page.evaluate(() => JSON.parse(localStorage.getItem("candor:outbox")));
      assert.equal(waiting.length, 1);
      if (reload) {
        await page.reload();
        // The loader fetches the widget for the outbox even though the
        // survey itself cannot be read now.
        await page.waitForTimeout(1_500);
      }

      const again = await startCollector({ port: first.port, dir: first.dir });
      try {
        await eventually(async () => (await responses(again.url)) === 1, 40_000, "the response arrives");
        await eventually(
          () => page.evaluate(() => localStorage.getItem("candor:outbox") === null),
          10_000,
          "the outbox empties",
        );
        await page.waitForTimeout(1_000);
        assert.equal(await responses(again.url), 1, "exactly once");
        const stored = await storedResponses(again.url);
        assert.equal(stored.length, 1);
        assert.equal(stored[0].id, waiting[0].id);
        assert.deepEqual(stored[0].answers, { satisfaction: 2 });
        assert.deepEqual(errors, [], "no uncaught error reached the page");
      } finally {
        await again.stop();
      }
    } finally {
      await browser.close();
    }
  });
}

test("with the endpoint unreachable the page sees no uncaught error and keeps working", async () => {
  const page = await shared.browser().newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const dead = "http://127.0.0.1:9";
  await page.goto(
    await shopPage(
      page,
      shopHtml({
        head: `<script src="/candor.js" data-endpoint="${dead}"></script>`,
        body: `${snippet(dead)}<candor-survey survey="checkout" endpoint="${dead}"></candor-survey>
               <candor-snapshot survey="checkout" endpoint="${dead}"></candor-snapshot>`,
      }),
    ),
  );
  await page.evaluate(() => {
    Candor.show("checkout");
    Candor.hide();
    Candor.context({ channel: "web" });
  });
  await page.waitForTimeout(2_000);
  assert.deepEqual(errors, []);
  await page.close();
});

/** A page whose timers run on Playwright's clock (time flows as usual until
 * a test moves it on), so a negative check fast-forwards instead of
 * waiting. */
async function clocked(options) {
  const page = await shared.browser().newPage(options);
  await page.clock.install();
  await page.addInitScript(() => {
    window.openedAt = Date.now();
  });
  return page;
}

/** Moves the page's clock a minute on, then checks that no wasm was asked
 * for: no timer of the loader fetches it early. */
async function noWasmForAMinute(page, requested, what) {
  await page.waitForFunction(() => window.Candor && window.Candor.version);
  await page.clock.runFor(60_000);
  await page.evaluate(() => 0);
  assert.deepEqual(requested, [], what);
}

test("the widget is fetched only when its trigger fires", async () => {
  const collector = shared.collector().url;
  const survey = await checkoutDefinition(collector);
  const inline = (trigger, extra = {}) =>
    JSON.stringify({ ...survey, settings: { ...survey.settings, trigger, ...extra } }).replaceAll("<", "\\u003c");
  // The loader, and the survey inline in its element.
  const element = (json) =>
    `<script src="/candor.js" async></script><candor-survey survey="checkout" endpoint="${collector}"><script type="application/json">${json}</script></candor-survey>`;

  // A named event that the page never dispatches: no wasm at all.
  let page = await clocked();
  let requested = wasmRequests(page);
  await page.goto(await shopPage(page, shopHtml({ body: element(inline({ on: "event", name: "order-placed" })) })));
  await noWasmForAMinute(page, requested, "no wasm before the trigger");
  // Once it is dispatched, the survey appears.
  await page.evaluate(() => document.dispatchEvent(new CustomEvent("order-placed")));
  await page.locator("candor-survey form").waitFor();
  assert.ok(requested.some(isWasm));
  await page.close();

  // Scrolling: shown only after 50% of the page.
  page = await clocked({ viewport: { width: 800, height: 600 } });
  requested = wasmRequests(page);
  const tall = `<div style="height: 3000px"></div>`;
  await page.goto(await shopPage(page, shopHtml({ body: `${element(inline({ on: "scroll", percent: 50 }))}${tall}` })));
  await noWasmForAMinute(page, requested, "no wasm before scrolling");
  await page.mouse.wheel(0, 1_400);
  await page.locator("candor-survey form").waitFor();
  await page.close();

  // A delay is certain to end: the widget loads while it runs, and the
  // survey shows only when it ends.
  page = await clocked();
  const loaded = page.waitForRequest((request) => isWasm(request.url()));
  await page.goto(await shopPage(page, shopHtml({ body: element(inline({ on: "delay", seconds: 3 })) })));
  await loaded;
  const elapsed = () => page.evaluate(() => Date.now() - window.openedAt);
  assert.ok((await elapsed()) < 3_000, "fetched during the delay");
  assert.equal(await page.locator("candor-survey form").count(), 0, "not shown before the delay ends");
  await page.clock.runFor(3_000);
  await page.locator("candor-survey form").waitFor();
  assert.ok((await elapsed()) >= 3_000, "shown when the delay ended");
  await page.close();

  // Exit intent: moving about the page does nothing; leaving it through
  // its top edge (as a pointer heading for the tabs does) shows the survey.
  page = await clocked();
  requested = wasmRequests(page);
  await page.goto(await shopPage(page, shopHtml({ body: element(inline({ on: "exit_intent" })) })));
  await page.mouse.move(400, 300);
  await page.mouse.move(200, 10);
  await page.evaluate(() => document.body.dispatchEvent(new MouseEvent("mouseout", { bubbles: true, clientY: 40, relatedTarget: document.documentElement })));
  await noWasmForAMinute(page, requested, "no wasm while the pointer stays on the page");
  await page.evaluate(() => document.body.dispatchEvent(new MouseEvent("mouseout", { bubbles: true, clientY: -1, relatedTarget: null })));
  await page.locator("candor-survey form").waitFor();
  await page.close();

  // Sampling 0: never asked, never fetched.
  page = await clocked();
  requested = wasmRequests(page);
  await page.goto(await shopPage(page, shopHtml({ body: element(inline({ on: "immediately" }, { sampling_rate: 0 })) })));
  await noWasmForAMinute(page, requested, "sampled out");
  await page.close();

  // Answered 10 days ago: within the 90 recontact days, not asked; answered
  // 100 days ago: asked again.
  for (const [daysAgo, asked] of [[10, false], [100, true]]) {
    page = await clocked();
    requested = wasmRequests(page);
    await page.addInitScript((answered) => {
      localStorage.setItem("candor:seen", JSON.stringify({ checkout: { answered } }));
    }, Date.now() - daysAgo * 864e5);
    await page.goto(await shopPage(page, shopHtml({ body: element(inline({ on: "immediately" })) })));
    if (asked) await page.locator("candor-survey form").waitFor();
    else await noWasmForAMinute(page, requested, `answered ${daysAgo} days ago`);
    await page.close();
  }
});

test("a page that prepares the widget has it before the trigger, and the survey then shows from it", async () => {
  const collector = shared.collector().url;
  const survey = JSON.stringify({ ...(await checkoutDefinition(collector)), settings: { trigger: { on: "event", name: "order-placed" } } });
  const page = await shared.browser().newPage();
  const problems = watchPage(page);
  // Preparing runs the widget once off-page; it must not warn either.
  page.on("console", (message) => {
    if (message.type() === "warning" && message.text().startsWith("Candor")) problems.push(message.text());
  });
  const requested = wasmRequests(page);
  const body = `<script src="/candor.js" data-prepare async></script><candor-survey survey="checkout" endpoint="${collector}"><script type="application/json">${survey.replaceAll("<", "\\u003c")}</script></candor-survey>`;
  await page.goto(await shopPage(page, shopHtml({ body })));
  // Loaded in idle time with no survey shown yet…
  await eventually(() => requested.some(isWasm), 10_000, "the wasm is fetched ahead");
  assert.equal(await page.evaluate(() => Candor.prepare()), true, "prepare resolves once loaded");
  assert.equal(await page.locator("candor-survey form").count(), 0, "nothing shown before the trigger");
  const before = requested.length;
  // …and the trigger shows the survey without fetching anything again.
  await page.evaluate(() => document.dispatchEvent(new CustomEvent("order-placed")));
  await page.locator('candor-survey input[name="satisfaction"]').first().waitFor();
  assert.equal(requested.length, before, "no second fetch");
  assert.equal(requested.filter(isWasm).length, 1);
  assert.deepEqual(problems, []);
  await page.close();
});

test("calls made through the stub before the loader ran are replayed", async () => {
  const collector = shared.collector().url;
  const page = await shared.browser().newPage();
  const problems = watchPage(page);
  const stub = `<script>
    window.Candor = window.Candor || { q: [] };
    ["show", "prepare", "hide", "on", "context"].forEach(function (m) {
      Candor[m] = Candor[m] || function () { Candor.q.push([m, arguments]); };
    });
    Candor.context({ channel: "stub" });
    Candor.on("submit", function (detail) { window.submitted = detail.response.context; });
    Candor.show("checkout", { display: "inline", force: true });
  </script>`;
  await page.goto(await shopPage(page, shopHtml({ head: stub, body: `<script src="/candor.js" data-endpoint="${collector}" async></script>` })));
  await page.locator('candor-widget input[name="satisfaction"][value="4"]').click();
  await page.locator("candor-widget button[type=submit]").click();
  await page.locator("candor-widget .candor-thanks").waitFor();
  assert.deepEqual(await page.evaluate(() => window.submitted), { channel: "stub" });
  assert.deepEqual(problems, []);
  await page.close();
});

test("the TypeScript types declare every member of window.Candor", async () => {
  const page = await shared.browser().newPage();
  await page.goto(await shopPage(page, shopHtml({ body: `<script src="/candor.js"></script>` })));
  const members = await page.evaluate(() => Object.keys(window.Candor));
  const types = readFileSync(new URL("../../pkg/candor.d.ts", import.meta.url), "utf8");
  const api = types.slice(types.indexOf("export interface CandorApi"));
  for (const name of members) {
    assert.match(api, new RegExp(`^\\s+(readonly )?${name}[(:]`, "m"), `Candor.${name} is declared`);
  }
  assert.ok(members.length >= 6, members.join());
  await page.close();
});

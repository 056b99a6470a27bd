// `cargo xtask bench widget`: Candor and its peers (../shared/PEERS.md) in
// the same headless Chromium, in the same run, rendering the same survey: a
// 1–5 rating, six service dimensions × expected/experienced on 1–7, and a
// comment. For each: bytes with brotli (what every page loads, and the whole
// widget), trigger → first rating clickable, the longest main-thread task
// of the widget's work (from the trigger, or from Candor.prepare()) and of
// the page's load, and the longest animation frame of the widget's work (a
// frame's tasks and its rendering: style, layout and paint, which the long
// tasks API counts apart, so a frame can take 130 ms with no long task in
// it), at 1× CPU and 4× throttled (a phone). Medians of RUNS fresh pages.
//
// Submitting, too: from the click on submit to the figures the collector
// answers with (the real collector over loopback, this build and, with
// CANDOR_BENCH_BASELINE, the earlier one), and the longest task from the
// click.
//
// Two more figures: a returning visitor (Candor by default, on a second page
// view in the same browser profile, with the widget's files served over
// real HTTP by the collector, which lets browsers keep them), and the size
// floor: a one-question survey in Leptos alone (xtask/bench/widget/floor),
// against which Candor's size can be read.
//
// usage: node bench.mjs <site dir with candor.js and candor_wasm*> [runs]
//        [floor dir with floor.js and floor_bg.wasm] [collector URL serving the site]
//        [collector URL serving an earlier build's site, the baseline of a first visit]
import { createServer } from "node:http";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { chromium } from "playwright-core";

const site = resolve(process.argv[2] ?? "pkg");
const RUNS = Number(process.argv[3] ?? 9);
const floor = process.argv[4] && resolve(process.argv[4]);
const collector = process.argv[5];
const baseline = process.argv[6];
const modules = join(import.meta.dirname, "node_modules");

const DIMENSIONS = ["Reliability", "Timeliness", "Personal attention", "Courtesy", "Flexibility", "Honesty"];

const candorSurvey = {
  id: "bench",
  version: 1,
  default_locale: "en",
  title: { en: "How was your order?" },
  questions: [
    { id: "satisfaction", kind: "csat", required: true, display: "numbers", text: { en: "How satisfied are you?" } },
    {
      id: "quality",
      kind: "expectation_gap",
      text: { en: "What did you expect, and what did you get?" },
      dimensions: DIMENSIONS.map((label, i) => ({ id: `d${i}`, label: { en: label } })),
    },
    { id: "comment", kind: "comment", max_length: 2000, text: { en: "Anything we could do better?" } },
  ],
};

const surveyJs = {
  elements: [
    { type: "rating", name: "satisfaction", title: "How satisfied are you?", rateMin: 1, rateMax: 5, isRequired: true },
    ...DIMENSIONS.flatMap((label, i) =>
      ["expected", "experienced"].map((side) => ({
        type: "rating",
        name: `d${i}_${side}`,
        title: `${label}: ${side}`,
        rateMin: 1,
        rateMax: 7,
      })),
    ),
    { type: "comment", name: "comment", title: "Anything we could do better?" },
  ],
};

const rating = (id, headline, range) => ({
  id,
  type: "rating",
  headline,
  required: false,
  scale: "number",
  range,
  lowerLabel: "Low",
  upperLabel: "High",
});
const formbricks = {
  id: "bench",
  name: "bench",
  type: "link",
  status: "inProgress",
  welcomeCard: { enabled: false },
  thankYouCard: { enabled: true, headline: "Thank you!" },
  questions: [
    { ...rating("satisfaction", "How satisfied are you?", 5), required: true },
    ...DIMENSIONS.flatMap((label, i) =>
      ["expected", "experienced"].map((side) => rating(`d${i}_${side}`, `${label}: ${side}`, 7)),
    ),
    { id: "comment", type: "openText", headline: "Anything we could do better?", required: false, inputType: "text" },
  ],
  triggers: [],
  inlineTriggers: null,
  autoClose: null,
  styling: null,
};

/** Each widget: its files, the page head, how to trigger it, when it is ready. */
const candor = {
  always: [join(site, "candor.js")],
  full: [join(site, "candor.js"), join(site, "candor_wasm.js"), join(site, "candor_wasm_bg.wasm")],
  head: `<script src="/candor.js"></script>`,
  trigger: `Candor.show("bench", { display: "inline", force: true, definition: ${JSON.stringify(candorSurvey)} })`,
  ready: `document.querySelector("candor-widget")?.shadowRoot?.querySelector('input[name="satisfaction"]')`,
};
const snapshotOnly = [join(site, "candor.js"), join(site, "candor_snapshot.js"), join(site, "candor_snapshot_bg.wasm")];
const CONTENDERS = [
  // By default the wasm is fetched at the trigger: the time includes it.
  { name: "Candor", ...candor },
  // The page asked for the widget ahead (Candor.prepare(), in idle time
  // after load), as the peers' pages load theirs with the page.
  { name: "Candor, prepared", ...candor, before: "Candor.prepare()" },
  // On a phone's network, the widget's files served over real HTTP by the
  // collector (README's one-line embed: the shop's page from its own
  // origin, the widget from the collector's), whose cache policy decides
  // what the browser keeps: a first visit, and a second page view in the
  // same browser profile, measured after a first that showed the survey.
  ...(collector
    ? [false, true].map((returning) => ({
        name: returning ? "Candor, returning visitor" : "Candor, first visit",
        ...candor,
        head: `<script src="${collector}/candor.js"></script>`,
        network: true,
        returning,
      }))
    : []),
  // The same first visit to an earlier build (CANDOR_BENCH_BASELINE).
  ...(baseline
    ? [{ name: "Candor, first visit, earlier build", ...candor, head: `<script src="${baseline}/candor.js"></script>`, network: true }]
    : []),
  // Submitting: the page from the shop's origin, the widget and the
  // response's way from the real collector over loopback (no network
  // emulated), this build and the earlier one.
  ...[
    ["Candor, submit", collector],
    ["Candor, submit, earlier build", baseline],
  ]
    .filter(([, server]) => server)
    .map(([name, server]) => ({ name, ...candor, head: `<script src="${server}/candor.js"></script>`, served: true, submit: true })),
  {
    name: "SurveyJS 2.5.38",
    always: ["survey-core/survey.core.min.js", "survey-js-ui/survey-js-ui.min.js", "survey-core/survey-core.fontless.min.css"].map(
      (f) => join(modules, f),
    ),
    get full() {
      return this.always;
    },
    head: `<link rel="stylesheet" href="/survey-core/survey-core.fontless.min.css">
      <script src="/survey-core/survey.core.min.js"></script><script src="/survey-js-ui/survey-js-ui.min.js"></script>`,
    trigger: `new Survey.Model(${JSON.stringify(surveyJs)}).render(document.getElementById("root"))`,
    ready: `document.querySelector("#root .sd-rating__item, #root input[type=radio]")`,
  },
  {
    name: "Formbricks renderer 1.99",
    // Served by each instance and preloaded on every page (PEERS.md).
    always: [join(modules, "@formbricks/surveys/dist/index.umd.js")],
    get full() {
      return this.always;
    },
    head: `<script src="/@formbricks/surveys/dist/index.umd.js"></script>`,
    trigger: `formbricksSurveys.renderSurveyInline({ survey: ${JSON.stringify(formbricks)}, containerId: "root",
      brandColor: "#1d4ed8", isBrandingEnabled: false, activeQuestionId: "satisfaction",
      onDisplay() {}, onResponse() {}, onClose() {}, onActiveQuestionChange() {}, onFinished() {} })`,
    ready: `document.querySelector("#root input[type=radio], #root button[tabindex='0'], #root label input")`,
  },
];

function brotli(files) {
  return files
    .map((f) => brotliCompressSync(readFileSync(f), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length)
    .reduce((a, b) => a + b, 0);
}

// Chrome DevTools' "Slow 4G" (Lighthouse's mobile network): 562.5 ms
// latency, 1.44 Mbit/s down, 675 kbit/s up, in bytes per second.
const NETWORK = { latency: 150 * 3.75, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };

const TYPES = { js: "text/javascript", mjs: "text/javascript", wasm: "application/wasm", css: "text/css" };

function page(contender) {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>${contender.head}</head>
<body><main><h1>Shop</h1><button id="go" type="button">Order placed</button></main><div id="root"></div></body></html>`;
}

// A browser of its own per page: a first visit, with no wasm compiled and
// cached by an earlier page (Chromium keeps compiled code across contexts).
async function measure(contender, throttle) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
  });
  try {
    return await measureIn(browser, contender, throttle);
  } finally {
    await browser.close();
  }
}

async function measureIn(browser, contender, throttle) {
  const context = await browser.newContext();
  if (contender.returning) {
    // The visit before: the survey shows, the visitor leaves.
    const first = await open(context, contender, throttle);
    if ((await show(first.tab, contender)) === null) throw new Error(`${contender.name}: first visit not ready`);
    await first.tab.waitForTimeout(1000);
    if (first.errors.length) throw new Error(`${contender.name}: ${first.errors.join("; ")}`);
    await first.tab.close();
  }
  const { tab, errors } = await open(context, contender, throttle);
  // The widget's own work starts here (before the trigger when prepared);
  // long tasks before it are the page loading, the peers' scripts with it.
  const start = await tab.evaluate(() => performance.now());
  if (contender.before && !(await tab.evaluate(contender.before))) throw new Error(`${contender.name}: not prepared`);
  let ms = await show(tab, contender);
  let from = start;
  if (contender.submit && ms !== null) {
    // The answer first (not timed), then the click on submit, as the page's
    // own event: no test driver's work in the click's task.
    await tab.locator('candor-widget input[name="satisfaction"][value="4"]').click();
    await tab.waitForTimeout(300);
    from = await tab.evaluate(() => performance.now());
    ms = await submitted(tab);
  }
  // Interactive is the first rating; the rest of the survey may still be
  // drawing (Candor draws a question per frame): its frames count too.
  await tab.waitForTimeout(1000);
  const { tasks, frames } = await tab.evaluate(() => ({ tasks: window.tasks, frames: window.frames }));
  const longest = (entries, keep) => Math.max(0, ...entries.filter(keep).map(([, duration]) => duration));
  const work = longest(tasks, ([at]) => at >= from);
  const load = longest(tasks, ([at]) => at < start);
  const frame = longest(frames, ([at]) => at >= from);
  await context.close();
  if (errors.length || ms === null) throw new Error(`${contender.name}: not ready; ${errors.join("; ")}`);
  return { ms, work, load, frame };
}

/** A tab of `context` on the contender's page, loaded, with its long tasks and frames observed. */
async function open(context, contender, throttle) {
  const tab = await context.newPage();
  const errors = [];
  tab.on("pageerror", (e) => errors.push(e.message));
  tab.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(m.text());
  });
  // Routing turns the browser's HTTP cache off: on the network, the page
  // comes from the shop's server and the widget from the collector instead.
  const served = contender.network || contender.served;
  if (!served) await tab.route("http://bench.localhost/**", serveFiles(contender));
  await tab.addInitScript(() => {
    window.tasks = [];
    window.frames = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.tasks.push([entry.startTime, entry.duration]);
    }).observe({ type: "longtask", buffered: true });
    // Frames of 50 ms or more (Long Animation Frames API).
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.frames.push([entry.startTime, entry.duration]);
    }).observe({ type: "long-animation-frame", buffered: true });
  });
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
  if (contender.network) {
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, ...NETWORK });
  }
  await tab.goto(served ? shop.url(contender) : "http://bench.localhost/", { waitUntil: "load" });
  await tab.waitForTimeout(300);
  return { tab, errors };
}

/** Answers a routed page's requests: the page, Candor's files, the peers' from npm. */
function serveFiles(contender) {
  return (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname);
    if (path === "/") return route.fulfill({ body: page(contender), contentType: "text/html" });
    // The site's list of surveys offered by page rules (the loader reads it
    // on a page whose script names no survey): none, as a collector with
    // no such survey answers.
    if (path === "/v1/surveys") {
      const none = { cap_days: 7, salt: "bench", surveys: [] };
      return route.fulfill({ body: JSON.stringify(none), contentType: "application/json" });
    }
    // The funnel's beacon (the survey was shown), which a collector takes.
    if (path.startsWith("/v1/")) return route.fulfill({ status: 202, body: "" });
    const file = path.startsWith("/candor") ? join(site, path) : join(modules, path);
    try {
      return route.fulfill({ body: readFileSync(file), contentType: TYPES[path.split(".").pop()] });
    } catch {
      return route.fulfill({ status: 404, body: "" });
    }
  };
}

/** Triggers the survey; ms until its first rating is clickable (null: never, in 20 s). */
function show(tab, contender) {
  return tab.evaluate(
    ([trigger, ready]) =>
      new Promise((done) => {
        const start = performance.now();
        new Function(trigger)();
        const isReady = new Function(`return ${ready}`);
        const check = () => {
          if (isReady()) done(performance.now() - start);
          else if (performance.now() - start > 20_000) done(null);
          else requestAnimationFrame(check);
        };
        check();
      }),
    [contender.trigger, contender.ready],
  );
}

/** Clicks submit; ms until the figures after it are drawn (null: never, in 20 s). */
function submitted(tab) {
  return tab.evaluate(
    () =>
      new Promise((done) => {
        const root = document.querySelector("candor-widget").shadowRoot;
        const start = performance.now();
        root.querySelector("button[type=submit]").click();
        const check = () => {
          if (root.querySelector(".candor-summary")) done(performance.now() - start);
          else if (performance.now() - start > 20_000) done(null);
          else requestAnimationFrame(check);
        };
        check();
      }),
  );
}

// The survey the pages show, published on the collector (as a site's
// would be), so the funnel's beacon finds it; with ten responses, one
// group's figures are public, so a response's thank-you shows them.
for (const server of [collector, baseline].filter(Boolean)) {
  const published = await fetch(`${server}/v1/admin/surveys`, {
    method: "POST",
    headers: { authorization: "Bearer bench-admin-token-0123456789abcdef", "content-type": "application/json" },
    body: JSON.stringify(candorSurvey),
  });
  if (!published.ok) throw new Error(`publishing the bench survey: ${published.status} ${await published.text()}`);
  for (let n = 0; n < 10; n++) {
    const response = await fetch(`${server}/v1/surveys/bench/responses`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`, survey_version: 1, answers: { satisfaction: 1 + (n % 5) } }),
    });
    if (response.status !== 201) throw new Error(`seeding the bench survey: ${response.status} ${await response.text()}`);
  }
}

// The shop's own origin, for pages that are not routed: a real HTTP server
// answering with the page of the contender it was last asked for.
const shop = await new Promise((ready) => {
  let html = "";
  const server = createServer((_, response) => {
    response.writeHead(200, { "content-type": "text/html", "cache-control": "no-store" });
    response.end(html);
  }).listen(0, "127.0.0.1", () =>
    ready({
      url(contender) {
        html = page(contender);
        return `http://127.0.0.1:${server.address().port}/`;
      },
      close: () => server.close(),
    }),
  );
});

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const results = [];
for (const contender of CONTENDERS) {
  const row = { name: contender.name, network: Boolean(contender.network), submit: Boolean(contender.submit), always: brotli(contender.always), full: brotli(contender.full) };
  for (const throttle of [1, 4]) {
    const runs = [];
    // Interleaving would be fairer still; a warm-up run is dropped instead.
    await measure(contender, throttle);
    for (let i = 0; i < RUNS; i++) runs.push(await measure(contender, throttle));
    row[`ready${throttle}`] = median(runs.map((r) => r.ms));
    for (const phase of ["work", "load", "frame"]) {
      const longest = runs.map((r) => r[phase]);
      row[`${phase}${throttle}`] = { median: median(longest), worst: Math.max(...longest) };
    }
  }
  results.push(row);
  console.error(`measured ${contender.name}`);
}
shop.close();
const peers = results.filter((r) => !r.name.startsWith("Candor"));
const fastest = (key) => Math.min(...peers.map((p) => p[key]));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const span = ({ median, worst }) => `${median.toFixed(0)} / ${worst.toFixed(0)} ms`;
const local = results.filter((r) => !r.network && !r.submit);
const submits = results.filter((r) => r.submit);
const submitBase = submits.find((r) => r.name === "Candor, submit, earlier build") ?? submits[0];
const networked = results.filter((r) => r.network);
// Ratios against the earlier build's first visit when it was measured.
const firstVisit =
  networked.find((r) => r.name === "Candor, first visit, earlier build") ?? networked.find((r) => r.name === "Candor, first visit");
const floorSize = floor && brotli([join(floor, "floor.js"), join(floor, "floor_bg.wasm")]);
const lines = [
  `Widget benchmark (${RUNS} fresh pages per cell, medians; longest task: median and worst; ratios against the fastest peer in this run)`,
  "",
  "| widget | every page loads (br) | whole widget (br) | trigger → interactive 1× | 4× CPU | longest task of the widget's work 1× (median / worst) | 4× CPU | longest frame of the widget's work 1× | 4× CPU | longest task while the page loads 4× |",
  "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ...local.map(
    (r) =>
      `| ${r.name} | ${kb(r.always)} | ${kb(r.full)} | ${r.ready1.toFixed(0)} ms (${(r.ready1 / fastest("ready1")).toFixed(2)}×) | ${r.ready4.toFixed(0)} ms (${(r.ready4 / fastest("ready4")).toFixed(2)}×) | ${span(r.work1)} | ${span(r.work4)} | ${span(r.frame1)} | ${span(r.frame4)} | ${span(r.load4)} |`,
  ),
  "",
  `A page with only a <candor-snapshot> (no survey) loads ${kb(brotli(snapshotOnly))} (the loader and the snapshot module).`,
  ...(floorSize
    ? [
        `Size floor: a one-question survey in Leptos alone (xtask/bench/widget/floor: a 1–5 rating, a comment, a thank-you), built as Candor is, is ${kb(floorSize)}; Candor's whole widget is ${(local.find((r) => r.name === "Candor").full / floorSize).toFixed(2)}× that.`,
      ]
    : []),
  ...(firstVisit
    ? [
        "",
        `On a phone's network (DevTools' Slow 4G: 562.5 ms latency, 1.44 Mbit/s), Candor by default, its files from the real collector over HTTP; ratios against ${firstVisit.name === "Candor, first visit" ? "the first visit" : "the earlier build's first visit"} in this run:`,
        "",
        "| visit | trigger → interactive 1× | 4× CPU | longest task of the widget's work 4× | longest frame 4× |",
        "| --- | --- | --- | --- | --- |",
        ...networked.map(
          (r) =>
            `| ${r.name} | ${r.ready1.toFixed(0)} ms (${(r.ready1 / firstVisit.ready1).toFixed(2)}×) | ${r.ready4.toFixed(0)} ms (${(r.ready4 / firstVisit.ready4).toFixed(2)}×) | ${span(r.work4)} | ${span(r.frame4)} |`,
        ),
        "",
        "A returning visitor's page is the second in the same browser profile, after a first that showed the survey: the loader is revalidated with the page, the modules were kept for good (asked for by build), so the trigger fetches nothing.",
      ]
    : []),
  ...(submits.length
    ? [
        "",
        `Submitting (the real collector over loopback), from the click on submit to the figures drawn after it; ratios against ${submitBase === submits[0] ? "this build" : "the earlier build"} in this run:`,
        "",
        "| widget | submit → figures 1× | 4× CPU | longest task from the click 1× (median / worst) | 4× CPU | longest frame 4× |",
        "| --- | --- | --- | --- | --- | --- |",
        ...submits.map(
          (r) =>
            `| ${r.name} | ${r.ready1.toFixed(0)} ms (${(r.ready1 / submitBase.ready1).toFixed(2)}×) | ${r.ready4.toFixed(0)} ms (${(r.ready4 / submitBase.ready4).toFixed(2)}×) | ${span(r.work1)} | ${span(r.work4)} | ${span(r.frame4)} |`,
        ),
      ]
    : []),
  "",
  "Goals: every page ≤ 3 KB, whole widget ≤ 60 KB, trigger → interactive ≤ 0.50× the fastest peer, no task over 50 ms.",
  "Frames are counted from 50 ms (0: none that long); a frame holds its tasks and its rendering (style, layout, paint).",
  "The widget's work starts at the trigger, or at Candor.prepare() when prepared; tasks before it are the page loading (the browser's own, and the peers' scripts, which load with the page).",
  "Candor's trigger → interactive includes fetching and compiling its wasm (it is not loaded before the trigger); the peers' scripts are loaded with the page, as Candor's is when prepared (Candor.prepare(), in idle time after load).",
];
const report = lines.join("\n");
console.log(report);
mkdirSync(resolve("target/bench"), { recursive: true });
writeFileSync(resolve("target/bench/widget.md"), `${report}\n`);

// Shared set-up for the end-to-end tests: a real collector on a free port
// with a fresh SQLite file, and Debian's Chromium driven by playwright-core.
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

const root = resolve(import.meta.dirname, "../..");
export const artifacts = join(import.meta.dirname, "artifacts");
mkdirSync(artifacts, { recursive: true });

/** Starts the collector; resolves to { url, port, dir, stop() } once it
 * listens. `port` and `dir` restart one on the same address and database.
 * By default it is the debug build serving the staged site with its demo;
 * `bin`, `args`, `cwd` and `env` (whose `null` values unset a variable)
 * start another way, with the database where `env` or its default says. */
export async function startCollector({
  port = 0,
  dir = mkdtempSync(join(tmpdir(), "candor-e2e-")),
  bin = resolve(root, process.env.CANDOR_COLLECTOR_BIN ?? "target/debug/candor-collector"),
  args = [],
  cwd = undefined,
  env = {},
} = {}) {
  const environment = {
    ...process.env,
    CANDOR_BIND: `127.0.0.1:${port}`,
    CANDOR_DATABASE_URL: `sqlite://${join(dir, "candor.db")}`,
    CANDOR_STATIC_DIR: site,
    CANDOR_DEMO: "true",
    CANDOR_ADMIN_TOKEN: "e2e-admin-token-0123456789abcdef",
    RUST_LOG: "warn",
    ...env,
  };
  for (const [name, value] of Object.entries(environment)) {
    if (value === null) delete environment[name];
  }
  const child = spawn(bin, args, { cwd, env: environment, stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error("the collector did not start within 20 s")), 20_000);
    let seen = "";
    child.stdout.on("data", (chunk) => {
      seen += chunk;
      const match = seen.match(/Candor collector: (http:\/\/[0-9.:]+)/);
      if (match) {
        clearTimeout(timer);
        ok(match[1]);
      }
    });
    child.on("exit", (code) => fail(new Error(`the collector exited with ${code}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    dir,
    /** Stops it; the database stays when `keep` is set. */
    async stop({ keep = false } = {}) {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((ok) => child.once("exit", ok));
      }
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium with the flags this machine needs. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      // Test host pages are answered by the browser (page.route) while the
      // collector listens on loopback; Local Network Access would treat
      // that as a public site reaching into a private network. Real
      // embeddings reach a public collector.
      "--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests",
    ],
  });
}

/** Records what a page reports: uncaught errors and console errors. */
export function watchPage(page) {
  const problems = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  return problems;
}

/** Posts a checkout response straight to the API. */
export async function postResponse(base, n, rating) {
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
  const response = await fetch(`${base}/v1/surveys/checkout/responses`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ id, survey_version: 1, answers: { satisfaction: rating } }),
  });
  if (response.status !== 201) throw new Error(`seeding failed: ${response.status} ${await response.text()}`);
}

/** Registers before/after hooks for a collector and a browser shared by a
 * test file; returns getters for both. */
export function sharedCollectorAndBrowser({ before, after }) {
  let collector;
  let browser;
  before(async () => {
    collector = await startCollector();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await collector?.stop();
  });
  return { collector: () => collector, browser: () => browser };
}

/** The staged site the collector serves (`cargo xtask` builds it). */
export const site = resolve(root, process.env.CANDOR_SITE_DIR ?? "target/site");
const TYPES = { js: "text/javascript", wasm: "application/wasm", css: "text/css", html: "text/html" };

/** A host page on another origin than the collector (http://shop.localhost,
 * answered by the browser itself): `html` at /, the widget's files from the
 * built site. `headers` go on the page (a Content-Security-Policy, say).
 * `html` may be a function of the path, answering the pages it returns. */
export async function shopPage(page, html, headers = {}) {
  await page.route("http://shop.localhost/**", (route) => {
    const path = new URL(route.request().url()).pathname;
    const body = typeof html === "function" ? html(path) : path === "/" ? html : undefined;
    if (body !== undefined) {
      return route.fulfill({ body, contentType: "text/html; charset=utf-8", headers });
    }
    try {
      const body = readFileSync(join(site, path));
      return route.fulfill({ body, contentType: TYPES[path.split(".").pop()] ?? "application/octet-stream" });
    } catch {
      return route.fulfill({ status: 404, body: "" });
    }
  });
  return "http://shop.localhost/";
}

/** A minimal shop page: `head` and `body` go after the shop's own content. */
export function shopHtml({ head = "", body = "", lang = "en" } = {}) {
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>Shop</title>${head}</head>
<body><main><h1>Shop</h1><button id="order" type="button">Place order</button></main>${body}</body></html>`;
}

/** The checkout responses the collector stored, newest first (admin API). */
export async function storedResponses(base) {
  const reply = await fetch(`${base}/v1/admin/surveys/checkout/responses`, {
    headers: { authorization: "Bearer e2e-admin-token-0123456789abcdef" },
  });
  return (await reply.json()).responses;
}

/** The published checkout survey, as the collector serves it. */
export async function checkoutDefinition(base) {
  return (await fetch(`${base}/v1/surveys/checkout`)).json();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's violations on the page, WCAG 2.x A and AA rules. With
 * `shadowHost`, also checks that axe looked inside that element's shadow
 * root (pass null for pages without one). */
export async function axeViolations(page, { shadowHost = "candor-widget" } = {}) {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] }),
  );
  // Shadow-DOM nodes have a target path through the host: make sure axe
  // really looked inside the widget, so "no violations" means something.
  if (shadowHost) {
    const checkedInside = results.passes.some((rule) =>
      rule.nodes.some((node) => Array.isArray(node.target[0]) && node.target[0][0] === shadowHost),
    );
    assert.ok(checkedInside, `axe-core did not check inside ${shadowHost}'s shadow root`);
  }
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Waits until `check()` (async) is true, up to `ms`. */
export async function eventually(check, ms, what) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.fail(`not within ${ms} ms: ${what}`);
}

/** A dashboard tab of `shared`'s collector that records policy violations
 * (in `window.violations`); resolves to the page and its problems. */
export async function openDashboard(shared) {
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

/** Signs the dashboard in with `token`. */
export async function signIn(page, token) {
  await page.getByLabel("Admin token").fill(token);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Publishes on `shared`'s collector a one-question popover survey `id`
 * with `settings` (the site-wide script's tests). */
export async function publishQuestion(shared, id, settings) {
  const definition = {
    id,
    version: 1,
    default_locale: "en",
    title: { en: "Quick question" },
    questions: [{ id: "rating", kind: "csat", text: { en: "How was it?" } }],
    settings: { display: "popover", ...settings },
  };
  const reply = await fetch(`${shared.collector().url}/v1/admin/surveys`, {
    method: "POST",
    headers: { authorization: "Bearer e2e-admin-token-0123456789abcdef", "content-type": "application/json" },
    body: JSON.stringify(definition),
  });
  assert.equal(reply.status, 201, await reply.text());
}

/** Which survey `page` shows in a <candor-widget>, once one is drawn. */
export const showing = (page) =>
  page
    .locator("candor-widget form")
    .waitFor()
    .then(() => page.locator("candor-widget").getAttribute("data-survey"));

/** Waits a moment and checks that `page` shows no survey. */
export async function nothingShown(page, what) {
  await page.waitForTimeout(700);
  assert.equal(await page.locator("candor-widget").count(), 0, what);
}

/** A fresh browser context (its own storage: another device) whose every
 * shop page holds the loader of `shared`'s collector, `attributes` added to
 * its tag, `before` ahead of it and `after` behind it; with the requests it
 * made and how many were for wasm. */
export async function loaderTab(shared, { attributes = "", before = "", after = "" } = {}) {
  const context = await shared.browser().newContext();
  const page = await context.newPage();
  const requests = [];
  page.on("request", (request) => requests.push(new URL(request.url()).pathname));
  await shopPage(page, (path) =>
    path.includes(".")
      ? undefined // the widget's files
      : `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Shop ${path}</title></head><body><main><h1>Shop</h1>${before}
<script src="/candor.js" data-endpoint="${shared.collector().url}" ${attributes} async></script>${after}</main></body></html>`,
  );
  const wasm = () => requests.filter((path) => path.endsWith(".wasm")).length;
  return { page, requests, wasm, close: () => context.close() };
}

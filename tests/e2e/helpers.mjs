// Shared set-up for the end-to-end tests: a real collector on a free port
// with a fresh SQLite file, and Debian's Chromium driven by playwright-core.
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

const root = resolve(import.meta.dirname, "../..");
export const artifacts = join(import.meta.dirname, "artifacts");
mkdirSync(artifacts, { recursive: true });

/** Starts the collector; resolves to { url, stop() } once it listens. */
export async function startCollector() {
  const dir = mkdtempSync(join(tmpdir(), "candor-e2e-"));
  const bin = resolve(root, process.env.CANDOR_COLLECTOR_BIN ?? "target/debug/candor-collector");
  const child = spawn(bin, [], {
    env: {
      ...process.env,
      CANDOR_BIND: "127.0.0.1:0",
      CANDOR_DATABASE_URL: `sqlite://${join(dir, "candor.db")}`,
      CANDOR_STATIC_DIR: resolve(root, process.env.CANDOR_SITE_DIR ?? "target/site"),
      RUST_LOG: "warn",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
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
    async stop() {
      child.kill("SIGTERM");
      await new Promise((ok) => child.once("exit", ok));
      rmSync(dir, { recursive: true, force: true });
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

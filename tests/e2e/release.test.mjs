// The release: `cargo xtask dist`'s tarball holds one binary that, copied
// alone into an empty directory, starts on SQLite and serves the whole
// site from inside itself (the loader, the widget's and the snapshot's
// modules, the dashboard) with the headers the staged directory gets, and
// a survey and the dashboard work from it in Chromium.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { launchBrowser, shopHtml, site, startCollector, watchPage } from "./helpers.mjs";

const tarball = process.env.CANDOR_RELEASE_TARBALL;
let release;
let reference;
let browser;
let empty;

before(async () => {
  assert.ok(tarball, "CANDOR_RELEASE_TARBALL is not set: run `cargo xtask e2e`, which builds the release");
  const checksum = readFileSync(`${tarball}.sha256`, "utf8").split(/\s+/)[0];
  assert.equal(createHash("sha256").update(readFileSync(tarball)).digest("hex"), checksum, "the .sha256 is the tarball's");
  const unpacked = mkdtempSync(join(tmpdir(), "candor-release-"));
  execFileSync("tar", ["--extract", "--gzip", "--file", resolve(tarball), "--directory", unpacked]);
  const [top] = readdirSync(unpacked);
  assert.deepEqual(readdirSync(join(unpacked, top)).sort(), ["README.md", "candor-collector", "deploy.md"]);
  // The binary alone, in a directory with nothing else: no site beside it.
  empty = mkdtempSync(join(tmpdir(), "candor-alone-"));
  copyFileSync(join(unpacked, top, "candor-collector"), join(empty, "candor-collector"));
  execFileSync("chmod", ["+x", join(empty, "candor-collector")]);
  rmSync(unpacked, { recursive: true, force: true });
  release = await startCollector({
    bin: join(empty, "candor-collector"),
    cwd: empty,
    dir: empty,
    env: { CANDOR_DATABASE_URL: null, CANDOR_STATIC_DIR: null, CANDOR_DEMO: null },
  });
  // Today's way: the staged directory, served by the debug build.
  reference = await startCollector();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await release?.stop({ keep: true });
  await reference?.stop();
  if (empty) rmSync(empty, { recursive: true, force: true });
});

/** A GET of `path` on `base` as a browser on another site makes it, the
 * body's encoding left alone: { status, headers, body }. */
function get(base, path, headers = {}) {
  return new Promise((ok, fail) => {
    const asked = request(`${base}${path}`, { headers: { origin: "https://shop.example", ...headers } }, (reply) => {
      const chunks = [];
      reply.on("data", (chunk) => chunks.push(chunk));
      reply.on("end", () => ok({ status: reply.statusCode, headers: reply.headers, body: Buffer.concat(chunks) }));
    });
    asked.on("error", fail);
    asked.end();
  });
}

/** The headers that say how a file is served; dates and validators differ
 * between a file on disk and one built in, and the built-in one adds an
 * ETag. */
function policy(headers) {
  const ignored = new Set(["date", "last-modified", "etag", "accept-ranges", "connection", "keep-alive"]);
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !ignored.has(name)).sort());
}

const build = () => readFileSync(join(site, "candor.js"), "utf8").match(/"([0-9a-f]{16})"/)?.[1];

test("the binary alone starts on SQLite in its own directory", () => {
  assert.ok(existsSync(join(empty, "data", "candor.db")), "the default database, created beside it");
  assert.ok(!existsSync(join(empty, "candor.js")), "no site on disk");
});

test("every file of the site is served as the staged directory serves it", async () => {
  const version = build();
  assert.ok(version, "the staged loader names its build");
  const files = [
    "/candor.js",
    `/candor_wasm.js?v=${version}`,
    `/candor_wasm_bg.wasm?v=${version}`,
    "/candor_snapshot.js",
    `/candor_snapshot_bg.wasm?v=${version}`,
    "/dashboard/",
    "/dashboard/candor_dashboard.js",
    "/dashboard/candor_dashboard_bg.wasm",
    "/dashboard/dashboard.css",
  ];
  const encodings = ["br", "gzip, deflate, br, zstd", "gzip", ""];
  for (const path of files) {
    for (const accept of encodings) {
      const headers = accept ? { "accept-encoding": accept } : {};
      const [ours, theirs] = await Promise.all([get(release.url, path, headers), get(reference.url, path, headers)]);
      const what = `${path} (accept-encoding: ${accept || "none"})`;
      assert.equal(ours.status, 200, what);
      assert.deepEqual(policy(ours.headers), policy(theirs.headers), what);
      assert.ok(ours.body.equals(theirs.body), `${what}: the same bytes`);
    }
  }
  const wasm = await get(release.url, `/candor_wasm_bg.wasm?v=${version}`, { "accept-encoding": "br" });
  assert.equal(wasm.headers["content-encoding"], "br");
  assert.equal(wasm.headers["content-type"], "application/wasm");
  assert.equal(wasm.headers["cache-control"], "public, max-age=31536000, immutable");
  assert.equal(wasm.headers["access-control-allow-origin"], "*");
  const loader = await get(release.url, "/candor.js", { "accept-encoding": "br" });
  assert.equal(loader.headers["cache-control"], "no-cache");
  assert.match(loader.headers["content-security-policy"] ?? "", /^$/, "only the dashboard carries a policy");
  const dashboard = await get(release.url, "/dashboard/");
  assert.match(dashboard.headers["content-security-policy"], /frame-ancestors 'none'/);
});

test("a browser's current copy costs a 304, by ETag or by date", async () => {
  const first = await get(release.url, "/candor.js", { "accept-encoding": "br" });
  assert.ok(first.headers.etag, "an ETag");
  const byTag = await get(release.url, "/candor.js", { "accept-encoding": "br", "if-none-match": first.headers.etag });
  assert.equal(byTag.status, 304);
  assert.equal(byTag.body.length, 0);
  const byDate = await get(release.url, "/candor.js", { "if-modified-since": first.headers["last-modified"] });
  assert.equal(byDate.status, 304);
  const changed = await get(release.url, "/candor.js", { "accept-encoding": "br", "if-none-match": '"another"' });
  assert.equal(changed.status, 200);
});

test("without --demo there is no demo shop: / leads to the dashboard", async () => {
  const root = await get(release.url, "/");
  assert.equal(root.status, 307);
  assert.equal(root.headers.location, "/dashboard/");
  for (const path of ["/index.html", "/demo.js", "/demo.css.br"]) {
    assert.equal((await get(release.url, path)).status, 404, path);
    assert.equal((await get(reference.url, path)).status, 200, `${path} with --demo`);
  }
});

test("a survey and the dashboard run from the binary alone", async () => {
  const page = await browser.newPage();
  const problems = watchPage(page);
  await page.route("http://shop.localhost/**", (route) =>
    route.fulfill({
      contentType: "text/html; charset=utf-8",
      body: shopHtml({ body: `<script src="${release.url}/candor.js" data-survey="checkout" async></script>` }),
    }),
  );
  await page.goto("http://shop.localhost/");
  await page.locator('candor-widget input[name="satisfaction"][value="5"]').click();
  await page.locator("candor-widget button[type=submit]").click();
  await page.locator("candor-widget .candor-thanks").waitFor();
  await page.goto(`${release.url}/dashboard/`);
  await page.getByLabel("Admin token").fill("e2e-admin-token-0123456789abcdef");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("link", { name: "How was your checkout?" }).waitFor();
  assert.deepEqual(problems, [], "the pages reported errors");
  await page.close();
});

test("--static-dir still overrides the site inside", async () => {
  const custom = mkdtempSync(join(tmpdir(), "candor-custom-"));
  writeFileSync(join(custom, "candor.js"), "/* a custom build */");
  const overridden = await startCollector({
    bin: join(empty, "candor-collector"),
    cwd: custom,
    dir: custom,
    env: { CANDOR_DATABASE_URL: null, CANDOR_STATIC_DIR: custom, CANDOR_DEMO: null },
  });
  try {
    const loader = await get(overridden.url, "/candor.js");
    assert.equal(loader.body.toString(), "/* a custom build */");
    assert.equal((await get(overridden.url, "/candor_wasm_bg.wasm")).status, 404, "nothing from inside shows through");
  } finally {
    await overridden.stop();
  }
});

test("the tarball is named for its version and platform", () => {
  assert.match(basename(tarball), /^candor-collector-\d+\.\d+\.\d+-[a-z0-9_]+-[a-z0-9_-]+\.tar\.gz$/);
});

/** The files docs/deploy.md gives in full: each is a "`/path`:" line, then
 * a fenced block. */
function deployFiles() {
  const guide = readFileSync(resolve(import.meta.dirname, "../../docs/deploy.md"), "utf8");
  return Object.fromEntries([...guide.matchAll(/^`(\/[^`]+)`:\n\n```\w*\n([\s\S]*?)```$/gm)].map(([, path, body]) => [path, body]));
}

test("the guide's configuration is one the binary accepts", () => {
  const files = deployFiles();
  const env = Object.fromEntries(
    files["/etc/candor/candor.env"]
      .split("\n")
      .filter((line) => line && !line.startsWith("#"))
      .map((line) => line.split(/=(.*)/s).slice(0, 2)),
  );
  assert.equal(env.CANDOR_DATABASE_URL, "sqlite:///var/lib/candor/candor.db");
  const report = spawnSync(join(empty, "candor-collector"), ["check"], {
    cwd: empty,
    env: { PATH: process.env.PATH, ...env },
    encoding: "utf8",
  });
  assert.equal(report.status, 0, report.stdout + report.stderr);
  assert.match(report.stdout, /^ok {4}configuration: listening on 127\.0\.0\.1:8080/m);
  assert.match(report.stdout, /^warn  database: no database at \/var\/lib\/candor\/candor\.db yet/m);
  assert.match(report.stdout, /^ok {4}site: built into this binary/m);
  const script = spawnSync("sh", ["-n"], { input: files["/usr/local/bin/candor-admin"], encoding: "utf8" });
  assert.equal(script.status, 0, script.stderr);
});

test("the guide's systemd units load without a warning and are sandboxed", () => {
  const files = deployFiles();
  const units = ["candor.service", "candor-backup.service", "candor-backup.timer"];
  const dir = mkdtempSync(join(tmpdir(), "candor-units-"));
  for (const unit of units) {
    const text = files[`/etc/systemd/system/${unit}`];
    assert.ok(text, `docs/deploy.md gives ${unit}`);
    // The binary where this test has it, instead of /usr/local/bin.
    writeFileSync(join(dir, unit), text.replaceAll("/usr/local/bin/candor-collector", join(empty, "candor-collector")));
  }
  const paths = units.map((unit) => join(dir, unit));
  const verified = spawnSync("systemd-analyze", ["verify", ...paths], { encoding: "utf8" });
  assert.equal(verified.error, undefined, "systemd-analyze runs (apt-get install systemd)");
  const warnings = (verified.stdout + verified.stderr).split("\n").filter((line) => line.includes(dir));
  assert.equal(verified.status, 0, verified.stderr);
  assert.deepEqual(warnings, []);
  const security = spawnSync("systemd-analyze", ["security", "--offline=yes", paths[0]], { encoding: "utf8" });
  const exposure = Number(security.stdout.match(/Overall exposure level for candor\.service: ([\d.]+)/)?.[1]);
  assert.ok(exposure <= 2, `systemd rates the service's exposure ${exposure} of 10: ${security.stdout.slice(-300)}`);
  rmSync(dir, { recursive: true, force: true });
});

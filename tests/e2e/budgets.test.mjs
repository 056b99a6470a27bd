// Size budgets of what browsers download, read from the staged site's .br
// files (what the collector sends to a browser that accepts brotli). Speed
// is measured by `cargo xtask bench widget`, never asserted; bytes are
// deterministic, so a budget catches a regression the moment it lands (the
// build once lost link-time optimisation silently: 26 KB). Raising a budget
// is a decision: say why in docs/benchmarks.md.
import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { site } from "./helpers.mjs";

const KB = 1024;
const brotli = (...files) => files.reduce((sum, file) => sum + statSync(join(site, `${file}.br`)).size, 0);
const within = (bytes, budget, what) =>
  assert.ok(bytes <= budget, `${what}: ${(bytes / KB).toFixed(1)} KB with brotli, over its budget of ${budget / KB} KB`);

test("every page loads at most 3 KB: the loader", () => {
  within(brotli("candor.js"), 3 * KB, "the loader");
});

test("a site-wide page loads at most 4 KB before a survey shows: the loader and the chooser", () => {
  within(brotli("candor.js", "site.js"), 4 * KB, "the loader and site.js");
});

test("an identified visitor's site-wide page loads at most 5 KB before a survey shows: loader, chooser, identity", () => {
  within(brotli("candor.js", "site.js", "identity.js"), 5 * KB, "the loader, site.js and identity.js");
});

test("a page showing a survey loads the whole widget within its budget", () => {
  within(brotli("candor.js", "candor_wasm.js", "candor_wasm_bg.wasm"), 179.5 * KB, "the whole widget");
});

test("a page showing only <candor-snapshot> loads the snapshot module within its budget", () => {
  within(brotli("candor.js", "candor_snapshot.js", "candor_snapshot_bg.wasm"), 68 * KB, "the snapshot page");
});

test("the dashboard's module carries none of the survey's entry points", () => {
  const glue = readFileSync(join(site, "dashboard", "candor_dashboard.js"), "utf8");
  const exported = [...glue.matchAll(/export function (\w+)/g)].map((m) => m[1]);
  assert.ok(exported.includes("start"), `the dashboard's own entry point: ${exported}`);
  for (const name of ["mount", "warm_up", "flush_outbox"]) assert.ok(!exported.includes(name), `${name} in ${exported}`);
});

// wasm-streams' stream classes are exported by every module linking it;
// the widget never streams, so its builds link without them and their
// glue is left out too (xtask's link.rs): their code would be 4 KB of
// each module.
test("the widget's modules carry no stream classes' code", () => {
  for (const glue of ["candor_wasm.js", "candor_snapshot.js", "dashboard/candor_dashboard.js"]) {
    const text = readFileSync(join(site, glue), "utf8");
    for (const method of ["intounderlyingsource_pull", "intounderlyingsink_write", "intounderlyingbytesource_pull"])
      assert.ok(!text.includes(method), `${glue} calls ${method}`);
    assert.ok(!text.includes("IntoUnderlying"), `${glue} defines the stream classes`);
  }
});

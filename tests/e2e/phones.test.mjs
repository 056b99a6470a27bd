// The survey on phones, in Chromium's mobile emulation (touch, device scale
// factor 2) at 360×740 and 375×667: every display mode in en, th and ar
// keeps its card, close button and submit button inside the visual
// viewport, on a fitting host page, on one 520 px wide, zoomed to 2×, and
// with the view shrunk as an on-screen keyboard does (the focused comment
// field stays in sight); every point of every scale is at least 24 px and
// answers a tap; axe-core finds nothing; CLS stays 0; no listener is left
// behind. A screenshot of each mode at phone size is kept.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { artifacts, axeViolations, sharedCollectorAndBrowser, shopPage, watchPage } from "./helpers.mjs";

const shared = sharedCollectorAndBrowser({ before, after });
const PHONES = [
  { width: 360, height: 740 },
  { width: 375, height: 667 },
];
const MODES = ["inline", "popover", "slide_in", "side_tab"];
const LANGS = ["en", "th", "ar"];

/** A phone's browser tab: touch, twice as many device pixels. */
async function phoneTab(size) {
  const context = await shared.browser().newContext({ viewport: size, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  page.closeAll = () => context.close();
  return page;
}

/** A phone-ready shop page in `lang` showing after-support (CSAT, CES,
 * yes/no, NPS, comment) as `mode`; `wide` makes the page 520 px wide,
 * as the demo's header once did; `tall` puts the survey below the fold. */
function phonePage({ lang, mode, wide = false, tall = false }) {
  const filler = tall ? `<div style="height:1600px">Products</div>` : "";
  const banner = wide ? `<div style="width:520px;background:#ddd">A banner wider than the phone</div>` : "";
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Shop</title></head>
<body style="margin:0;font:16px sans-serif">${banner}<main style="padding:16px"><h1>Shop</h1>${filler}
<section><script src="/candor.js" data-endpoint="${shared.collector().url}" data-survey="after-support" data-display="${mode}" async></script></section>
</main></body></html>`;
}

/** Opens `mode` (tapping the side tab) and waits for its form. */
async function open(page, mode) {
  if (mode === "side_tab") {
    const tab = page.locator("candor-widget .candor-tab");
    await tab.waitFor();
    assert.ok(await inView(page, ".candor-tab"), "the side tab is on screen");
    await tab.tap();
  }
  await page.locator("candor-widget form").waitFor();
  await page.waitForTimeout(300); // the entrance animation
}

/** Whether the widget's element matching `selector` lies inside the visual
 * viewport (after scrolling it into view when `scroll` is set). */
function inView(page, selector, scroll = false) {
  return page.evaluate(
    ([selector, scroll]) => {
      const element = document.querySelector("candor-widget").shadowRoot.querySelector(selector);
      if (scroll) element.scrollIntoView({ block: "nearest", inline: "nearest" });
      const r = element.getBoundingClientRect();
      const v = window.visualViewport;
      const slack = 0.5;
      return (
        r.width > 0 &&
        r.left >= v.offsetLeft - slack &&
        r.top >= v.offsetTop - slack &&
        r.right <= v.offsetLeft + v.width + slack &&
        r.bottom <= v.offsetTop + v.height + slack
      );
    },
    [selector, scroll],
  );
}

/** The card, then its close button (scrolled to the top), then its submit
 * button (scrolled to it) are inside the visual viewport. */
async function assertReachable(page, mode, what) {
  await page.waitForTimeout(100); // a frame for the layer to follow
  if (mode !== "inline") {
    assert.ok(await inView(page, ".candor"), `${what}: the card is in view`);
    await page.evaluate(() => (document.querySelector("candor-widget").shadowRoot.querySelector(".candor").scrollTop = 0));
    assert.ok(await inView(page, ".candor-close"), `${what}: the close button is in view`);
  } else {
    assert.ok(await inView(page, ".candor-close", true), `${what}: the close button is in view`);
  }
  assert.ok(await inView(page, ".candor-form__submit", true), `${what}: the submit button is in view`);
}

for (const size of PHONES) {
  for (const lang of LANGS) {
    for (const mode of MODES) {
      test(`${mode} in ${lang} at ${size.width}×${size.height} stays in reach, on a wide page and zoomed`, async () => {
        const page = await phoneTab(size);
        const problems = watchPage(page);
        await page.goto(await shopPage(page, phonePage({ lang, mode })));
        await open(page, mode);
        await assertReachable(page, mode, "a page that fits");
        await page.screenshot({ path: join(artifacts, `phone-${mode}-${lang}-${size.width}.png`) });
        assert.deepEqual(await axeViolations(page), [], "axe-core violations at phone size");

        // A host page wider than the phone: the layout viewport is 520 px.
        await page.goto(await shopPage(page, phonePage({ lang, mode, wide: true })));
        await open(page, mode);
        assert.ok(await page.evaluate(() => window.innerWidth > window.visualViewport.width), "the page is wider than the screen");
        await assertReachable(page, mode, "a 520 px page");
        if (mode !== "inline") {
          // Pinch zoom to 2×: the card is drawn at the screen's scale, in view.
          const cdp = await page.context().newCDPSession(page);
          await cdp.send("Emulation.setPageScaleFactor", { pageScaleFactor: 2 });
          await page.waitForFunction(() => window.visualViewport.scale === 2);
          await assertReachable(page, mode, "zoomed to 2×");
          await cdp.send("Emulation.setPageScaleFactor", { pageScaleFactor: 1 });
        }
        assert.deepEqual(problems, [], "the page reported errors");
        await page.closeAll();
      });
    }

    test(`every scale point in ${lang} at ${size.width} px is at least 24 px and answers a tap`, async () => {
      const page = await phoneTab(size);
      await page.goto(await shopPage(page, phonePage({ lang, mode: "popover" })));
      await open(page, "popover");
      const points = page.locator("candor-widget .candor-scale__option");
      const count = await points.count();
      assert.equal(count, 5 + 7 + 11, "CSAT, CES and NPS points");
      const tops = new Map();
      for (let i = 0; i < count; i++) {
        const point = points.nth(i);
        const input = point.locator("input");
        await input.tap();
        assert.equal(await input.isChecked(), true, `point ${i} answers a tap`);
        const box = await point.locator(".candor-scale__point").boundingBox();
        assert.ok(box.width >= 24 && box.height >= 24, `point ${i} is ${box.width}×${box.height}`);
        const name = await input.getAttribute("name");
        tops.set(name, [...(tops.get(name) ?? []), Math.round(box.y)]);
      }
      for (const [name, ys] of tops) assert.equal(new Set(ys).size, 1, `${name}'s points share one row: ${ys}`);
      await page.closeAll();
    });
  }
}

test("with an on-screen keyboard the focused comment field stays in sight", async () => {
  for (const [mode, lang] of ["popover", "slide_in", "side_tab"].flatMap((m) => LANGS.map((l) => [m, l]))) {
    const page = await phoneTab(PHONES[1]);
    await page.goto(await shopPage(page, phonePage({ lang, mode })));
    await open(page, mode);
    const field = page.locator("candor-widget #candor-input-comment");
    await field.tap();
    // The keyboard takes the lower 300 px of the view.
    await page.setViewportSize({ width: PHONES[1].width, height: PHONES[1].height - 300 });
    await page.waitForFunction((h) => window.visualViewport.height === h, PHONES[1].height - 300);
    await page.waitForTimeout(150);
    assert.equal(await page.evaluate(() => document.querySelector("candor-widget").shadowRoot.activeElement?.tagName), "TEXTAREA");
    assert.ok(await inView(page, "#candor-input-comment"), `${mode} in ${lang}: the focused field is in sight`);
    assert.ok(await inView(page, ".candor"), `${mode} in ${lang}: the card fits the smaller view`);
    await page.closeAll();
  }
});

test("the survey appearing moves nothing on the page (CLS 0), locks no scroll and leaves no listener", async () => {
  for (const [mode, tall] of [
    ["inline", true],
    ["popover", false],
  ]) {
    const page = await phoneTab(PHONES[0]);
    await page.addInitScript(() => {
      window.shifts = [];
      new PerformanceObserver((list) => window.shifts.push(...list.getEntries().map((e) => e.value))).observe({
        type: "layout-shift",
        buffered: true,
      });
      // Counts the visual viewport's listeners, as the widget adds and removes them.
      window.listening = 0;
      const add = VisualViewport.prototype.addEventListener;
      const remove = VisualViewport.prototype.removeEventListener;
      VisualViewport.prototype.addEventListener = function (...args) {
        window.listening++;
        return add.apply(this, args);
      };
      VisualViewport.prototype.removeEventListener = function (...args) {
        window.listening--;
        return remove.apply(this, args);
      };
    });
    await page.goto(await shopPage(page, phonePage({ lang: "en", mode, tall })));
    await page.locator("candor-widget form").waitFor({ state: "attached" });
    await page.waitForTimeout(500);
    assert.deepEqual(await page.evaluate(() => window.shifts), [], `${mode}: layout shifts`);
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).overflow), "hidden", `${mode}: scroll locked`);
    if (mode === "inline") {
      assert.equal(await page.evaluate(() => window.listening), 0, "inline: no viewport listener at all");
      await page.evaluate(() => window.scrollTo(0, 800));
      assert.ok((await page.evaluate(() => window.scrollY)) > 0, "inline: the page still scrolls");
    } else {
      assert.ok((await page.evaluate(() => window.listening)) > 0, "popover: it follows the viewport while open");
      await page.locator("candor-widget .candor-close").tap();
      await page.waitForTimeout(100);
      assert.equal(await page.evaluate(() => window.listening), 0, "popover: no listener left after closing");
    }
    await page.closeAll();
  }
});

test("the demo page fits a 360 px phone", async () => {
  const page = await phoneTab({ width: 360, height: 740 });
  await page.goto(`${shared.collector().url}/?lang=lv`);
  await page.locator("candor-widget form").waitFor();
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.deepEqual(widths, [360, 360], "the page is as wide as the phone");
  await page.screenshot({ path: join(artifacts, "phone-demo-360.png"), fullPage: true });
  await page.closeAll();
});

// The floating display modes (popover, slide-in, side tab) in every
// language: they render (screenshots kept), pass axe-core, take focus when
// they open, keep it inside, give it back on close, and a close before
// answering is remembered as a dismissal.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { artifacts, axeViolations, eventually, sharedCollectorAndBrowser, shopHtml, shopPage, watchPage } from "./helpers.mjs";

const shared = sharedCollectorAndBrowser({ before, after });
const MODES = ["popover", "slide_in", "side_tab"];
const LANGS = ["en", "th", "lv", "el", "ar"];
const TAB = { en: "Feedback", th: "ความคิดเห็น", lv: "Atsauksmes", el: "Σχόλια", ar: "ملاحظات" };

/** A shop page in `lang` with the survey shown as `mode`. */
function page(lang, mode, collector) {
  return shopHtml({
    lang,
    body: `<script src="/candor.js" data-endpoint="${collector}" data-survey="checkout" data-display="${mode}" async></script>`,
  });
}

/** What has focus: the element inside the widget's shadow root, or the page's. */
function focused(page) {
  return page.evaluate(() => {
    const host = document.querySelector("candor-widget");
    const inner = host?.shadowRoot?.activeElement;
    if (document.activeElement === host && inner) return `widget:${inner.className || inner.tagName}`;
    return `page:${document.activeElement?.id || document.activeElement?.tagName}`;
  });
}

for (const mode of MODES) {
  for (const lang of LANGS) {
    test(`${mode} in ${lang} renders, takes focus and passes axe-core`, async () => {
      const tab = await shared.browser().newPage({ viewport: { width: 1000, height: 800 } });
      const problems = watchPage(tab);
      await tab.goto(await shopPage(tab, page(lang, mode, shared.collector().url)));
      if (mode === "side_tab") {
        const button = tab.locator("candor-widget .candor-tab");
        await button.waitFor();
        assert.equal(await button.textContent(), TAB[lang]);
        assert.equal(await button.getAttribute("aria-expanded"), "false");
        await button.click();
      }
      const dialog = tab.locator("candor-widget [role=dialog]");
      await dialog.locator("form").waitFor();
      assert.equal(await dialog.getAttribute("aria-modal"), "true");
      assert.ok((await dialog.getAttribute("aria-label")).length > 0, "the dialog has a name");
      await eventually(async () => (await focused(tab)).startsWith("widget:candor "), 2_000, "focus moves into the dialog");
      await tab.waitForTimeout(300); // the entrance animation
      const box = await dialog.boundingBox();
      const rtl = lang === "ar";
      if (mode === "popover") {
        assert.ok(box.y + box.height > 700 && (rtl ? box.x < 100 : box.x + box.width > 900), "bottom inline-end corner");
      } else {
        assert.ok(rtl ? box.x === 0 : Math.round(box.x + box.width) === 1000, "against the inline end");
        assert.equal(Math.round(box.height), 800, "full height");
      }
      await tab.screenshot({ path: join(artifacts, `mode-${mode}-${lang}.png`) });
      assert.deepEqual(await axeViolations(tab), [], "axe-core violations");
      assert.deepEqual(problems, [], "the page reported errors");
      await tab.close();
    });
  }
}

test("Tab stays inside the popover, Escape closes it as a dismissal and focus returns", async () => {
  const tab = await shared.browser().newPage({ viewport: { width: 1000, height: 800 } });
  const problems = watchPage(tab);
  // The survey opens from the page's own button, through the API.
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<script src="/candor.js" data-endpoint="${shared.collector().url}"></script></head>
<body><main><h1>Shop</h1><button id="before" type="button">Rate us</button></main>
<script>
  window.heard = [];
  Candor.on("dismiss", (detail) => heard.push(detail));
  document.getElementById("before").addEventListener("click", () => Candor.show("checkout", { display: "popover" }));
</script></body></html>`;
  await tab.goto(await shopPage(tab, html));
  await tab.locator("#before").click();
  await tab.locator("candor-widget [role=dialog] form").waitFor();
  await eventually(async () => (await focused(tab)).startsWith("widget:"), 2_000, "focus moves into the popover");

  // Forty presses of Tab, then forty of Shift+Tab: never out of the dialog.
  for (const key of ["Tab", "Shift+Tab"]) {
    for (let i = 0; i < 40; i++) {
      await tab.keyboard.press(key);
      const where = await focused(tab);
      assert.ok(where.startsWith("widget:"), `after ${i + 1} × ${key} focus is at ${where}`);
    }
  }

  await tab.keyboard.press("Escape");
  assert.equal(await tab.locator("candor-widget [role=dialog]").isHidden(), true, "closed");
  await eventually(async () => (await focused(tab)) === "page:before", 2_000, "focus returns to the button that opened it");
  assert.deepEqual(await tab.evaluate(() => window.heard), [{ survey: "checkout" }]);
  const seen = await tab.evaluate(() => JSON.parse(localStorage.getItem("candor:seen")));
  assert.ok(Date.now() - seen.checkout.dismissed < 60_000, "the dismissal is remembered");

  // Within the dismissal days the survey is not shown again...
  await tab.evaluate(() => Candor.hide());
  await tab.evaluate(() => Candor.show("checkout", { display: "popover" }));
  await tab.waitForTimeout(500);
  assert.equal(await tab.locator("candor-widget").count(), 0, "not asked again after a dismissal");
  // ...unless the page insists.
  await tab.evaluate(() => Candor.show("checkout", { display: "popover", force: true }));
  await tab.locator("candor-widget [role=dialog] form").waitFor();
  assert.deepEqual(problems, [], "the page reported errors");
  await tab.close();
});

test("the side tab's close button returns focus to the tab", async () => {
  const tab = await shared.browser().newPage({ viewport: { width: 1000, height: 800 } });
  await tab.goto(await shopPage(tab, page("en", "side_tab", shared.collector().url)));
  const button = tab.locator("candor-widget .candor-tab");
  await button.click();
  await tab.locator("candor-widget [role=dialog] form").waitFor();
  await tab.locator("candor-widget .candor-close").click();
  assert.equal(await tab.locator("candor-widget [role=dialog]").isHidden(), true);
  assert.equal(await button.getAttribute("aria-expanded"), "false");
  await eventually(async () => (await focused(tab)) === "widget:candor-tab", 2_000, "focus returns to the tab");
  await tab.close();
});

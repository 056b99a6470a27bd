// The widget in every language: it renders, right-to-left for Arabic, and
// axe-core finds no accessibility violation. Screenshots are kept.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { artifacts, axeViolations, sharedCollectorAndBrowser, watchPage } from "./helpers.mjs";

const SUBMIT = { en: "Send feedback", th: "ส่งความคิดเห็น", lv: "Nosūtīt atsauksmi", el: "Αποστολή σχολίων", ar: "إرسال الملاحظات" };

const shared = sharedCollectorAndBrowser({ before, after });

for (const lang of Object.keys(SUBMIT)) {
  test(`the survey in ${lang} renders and passes axe-core`, async () => {
    const page = await shared.browser().newPage({ viewport: { width: 1000, height: 1100 } });
    const problems = watchPage(page);
    await page.goto(`${shared.collector().url}/?lang=${lang}`);
    const button = page.locator("candor-widget button[type=submit]");
    await button.waitFor();
    assert.equal(await button.textContent(), SUBMIT[lang]);
    const form = page.locator("candor-widget form");
    assert.equal(await form.getAttribute("lang"), lang);
    assert.equal(await form.getAttribute("dir"), lang === "ar" ? "rtl" : "ltr");
    await page.screenshot({ path: join(artifacts, `form-${lang}.png`), fullPage: true });
    assert.deepEqual(await axeViolations(page), [], `axe-core found violations in ${lang}`);
    assert.deepEqual(problems, [], "the page reported errors");
    await page.close();
  });
}

test("an Arabic page reads the rating scale right to left", async () => {
  const page = await shared.browser().newPage();
  await page.goto(`${shared.collector().url}/?lang=ar`);
  const one = page.locator('candor-widget input[name="satisfaction"][value="1"]');
  const five = page.locator('candor-widget input[name="satisfaction"][value="5"]');
  await one.waitFor();
  const [a, b] = [await one.boundingBox(), await five.boundingBox()];
  assert.ok(a.x > b.x, `1 (${a.x}) should sit right of 5 (${b.x})`);
  // The arrow keys follow the reading direction: Left moves to the next point.
  await one.focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowLeft");
  assert.equal(await page.locator('candor-widget input[name="satisfaction"]:checked').getAttribute("value"), "2");
  await page.close();
});

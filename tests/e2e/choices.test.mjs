// Multiple choice and Likert in the widget: answered by keyboard alone
// (checkboxes with Space, the most choices enforced, "Other" opening its
// own field; a Likert statement's points by arrow keys, each point named),
// and in all five languages with zero axe-core violations.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { artifacts, axeViolations, eventually, sharedCollectorAndBrowser, shopHtml, shopPage, watchPage } from "./helpers.mjs";

const shared = sharedCollectorAndBrowser({ before, after });
const token = "e2e-admin-token-0123456789abcdef";
const LANGS = ["en", "th", "lv", "el", "ar"];

/** `texts` (in the order of LANGS) as a survey text. */
const localized = (texts) => Object.fromEntries(LANGS.map((lang, i) => [lang, texts[i]]));

function definition(id) {
  return {
    id, version: 1, default_locale: "en",
    title: localized(["Tell us more", "บอกเราเพิ่มเติม", "Pastāstiet vairāk", "Πείτε μας περισσότερα", "أخبرنا بالمزيد"]),
    questions: [
      {
        id: "improve", kind: "multiple_choice", other: true, max_selections: 2,
        text: localized([
          "What could we improve? Choose all that apply.",
          "เราควรปรับปรุงเรื่องใดบ้าง เลือกได้ทุกข้อที่ตรงกับคุณ",
          "Ko mēs varētu uzlabot? Atzīmējiet visu, kas attiecas.",
          "Τι θα μπορούσαμε να βελτιώσουμε; Επιλέξτε όσα ισχύουν.",
          "ما الذي يمكننا تحسينه؟ اختر كل ما ينطبق.",
        ]),
        options: [
          { id: "speed", label: localized(["Speed of service", "ความรวดเร็วในการให้บริการ", "Apkalpošanas ātrums", "Ταχύτητα εξυπηρέτησης", "سرعة الخدمة"]) },
          { id: "updates", label: localized(["Keeping you informed", "การแจ้งความคืบหน้าให้คุณทราบ", "Informēšana par norisi", "Ενημέρωση για την πορεία", "إبقاؤك على اطلاع"]) },
          { id: "staff", label: localized(["Friendliness of staff", "ความเป็นมิตรของพนักงาน", "Darbinieku laipnība", "Φιλικότητα του προσωπικού", "لطف الموظفين"]) },
        ],
      },
      {
        id: "agree", kind: "likert", points: 7,
        text: localized([
          "How far do you agree with each statement?",
          "คุณเห็นด้วยกับข้อความแต่ละข้อมากน้อยเพียงใด",
          "Cik lielā mērā jūs piekrītat katram apgalvojumam?",
          "Πόσο συμφωνείτε με καθεμία από τις παρακάτω δηλώσεις;",
          "إلى أي مدى توافق على كل عبارة مما يلي؟",
        ]),
        statements: [
          { id: "understood", label: localized(["The staff understood what I needed", "พนักงานเข้าใจสิ่งที่ฉันต้องการ", "Darbinieki saprata, kas man vajadzīgs", "Το προσωπικό κατάλαβε τι χρειαζόμουν", "فهم الموظفون ما أحتاج إليه"]) },
          { id: "easy", label: localized(["It was easy to get help", "ขอความช่วยเหลือได้ง่าย", "Bija viegli saņemt palīdzību", "Ήταν εύκολο να βρω βοήθεια", "كان الحصول على المساعدة سهلًا"]) },
        ],
      },
    ],
  };
}

async function create(id) {
  const created = await fetch(`${shared.collector().url}/v1/admin/surveys`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(definition(id)),
  });
  assert.equal(created.status, 201, await created.text());
}

/** A shop page in `lang` showing survey `id`, every question drawn. */
async function showing(id, lang) {
  const page = await shared.browser().newPage({ viewport: { width: 900, height: 1100 } });
  const problems = watchPage(page);
  const html = shopHtml({ lang, body: `<script src="${shared.collector().url}/candor.js" data-survey="${id}" async></script>` });
  await page.goto(await shopPage(page, html));
  const widget = page.locator("candor-widget");
  await widget.locator('[data-question="agree"] input[name="agree.easy"]').last().waitFor({ state: "attached" });
  return { page, widget, problems };
}

test("multiple choice and Likert are answered by keyboard alone", async () => {
  await create("choices-keys");
  const { page, widget, problems } = await showing("choices-keys", "en");
  // Inputs carry their place: speed, updates, staff, then Other.
  const [speed, updates, staff, other] = [0, 1, 2, 3].map((i) => widget.locator(`[data-question="improve"] input[value="${i}"]`));
  assert.equal(await widget.locator(".candor-choice__hint").textContent(), "Choose up to 2");
  await speed.focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  assert.ok(await updates.isChecked(), "Tab then Space chose the next option");
  assert.ok(await staff.isDisabled(), "two chosen: the third waits");
  assert.ok(await other.isDisabled(), "and so does Other");
  // Unchoose one, then choose Other and say what.
  await page.keyboard.press("Space");
  assert.ok(!(await staff.isDisabled()));
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.value), "3", "on Other");
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Parking was hard");
  assert.equal(await widget.locator(".candor-choice__other").getAttribute("aria-label"), "Other, in your own words");
  // A statement's points: arrow keys move along them, each point named.
  const point = (statement, value) => widget.locator(`input[name="agree.${statement}"][value="${value}"]`);
  assert.equal(await point("understood", 4).getAttribute("aria-label"), "4, Neither agree nor disagree");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  assert.ok(await point("understood", 3).isChecked(), "Space chose 1, two steps right is 3");
  await page.keyboard.press("Tab");
  await page.keyboard.press("End");
  await page.keyboard.press("Space");
  await widget.locator("button[type=submit]").click();
  await widget.locator(".candor-thanks").waitFor();
  let stored;
  await eventually(async () => {
    const reply = await fetch(`${shared.collector().url}/v1/admin/surveys/choices-keys/responses`, {
      headers: { authorization: `Bearer ${token}` },
    });
    [stored] = (await reply.json()).responses;
    return stored;
  }, 5_000, "the response is stored");
  assert.deepEqual(stored.answers.improve, { selected: ["speed"], other: "Parking was hard" });
  assert.equal(stored.answers.agree.understood, 3);
  assert.ok(stored.answers.agree.easy >= 1, JSON.stringify(stored.answers));
  assert.deepEqual(problems, []);
  await page.close();
});

for (const lang of LANGS) {
  test(`multiple choice and Likert in ${lang} pass axe-core`, async () => {
    await create(`choices-${lang}`);
    const { page, widget, problems } = await showing(`choices-${lang}`, lang);
    const form = widget.locator("form");
    assert.equal(await form.getAttribute("lang"), lang);
    await widget.locator('[data-question="improve"] input[value="3"]').check();
    await widget.locator(".candor-choice__other").waitFor();
    const names = await widget.locator('input[name="agree.easy"]').evaluateAll((inputs) => inputs.map((i) => i.getAttribute("aria-label")));
    assert.equal(names.length, 7);
    assert.equal(new Set(names).size, 7, `every point named apart in ${lang}: ${names}`);
    assert.ok(names.every((name) => !/agree/i.test(name)) || lang === "en", `no English in ${lang}: ${names}`);
    await page.screenshot({ path: join(artifacts, `choices-${lang}.png`), fullPage: true });
    assert.deepEqual(await axeViolations(page), [], `axe-core found violations in ${lang}`);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

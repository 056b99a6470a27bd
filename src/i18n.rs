//! The widget's own texts in every locale Candor ships (the survey's texts
//! come with the survey), locale choice, and locale-aware numbers.

use candor_core::Survey;
use candor_core::locale::{SUPPORTED, is_right_to_left};
use wasm_bindgen::JsValue;

/// A reporting window's name, one per window.
pub struct WindowNames {
    pub days7: &'static str,
    pub days30: &'static str,
    pub days90: &'static str,
    pub all: &'static str,
}

impl WindowNames {
    /// The name of `window`.
    pub fn of(&self, window: candor_core::Window) -> &'static str {
        use candor_core::Window;
        match window {
            Window::Days7 => self.days7,
            Window::Days30 => self.days30,
            Window::Days90 => self.days90,
            Window::All => self.all,
        }
    }
}

/// A gap verdict's words, one per verdict.
pub struct VerdictNames {
    pub exceeded: &'static str,
    pub met: &'static str,
    pub fell_short: &'static str,
}

impl VerdictNames {
    /// The words for `verdict`.
    pub fn of(&self, verdict: candor_core::snapshot::Verdict) -> &'static str {
        use candor_core::snapshot::Verdict;
        match verdict {
            Verdict::Exceeded => self.exceeded,
            Verdict::Met => self.met,
            Verdict::FellShort => self.fell_short,
        }
    }
}

/// Texts of the widget's own interface. `{n}` and `{mean}` are filled in.
pub struct Strings {
    pub submit: &'static str,
    /// To the next step.
    pub next: &'static str,
    /// To the previous step.
    pub back: &'static str,
    /// Step `{i}` of `{n}`.
    pub progress: &'static str,
    pub sending: &'static str,
    pub thanks: &'static str,
    pub send_failed: &'static str,
    pub expected: &'static str,
    pub experienced: &'static str,
    pub csat_low: &'static str,
    pub csat_high: &'static str,
    pub nps_low: &'static str,
    pub nps_high: &'static str,
    pub ces_low: &'static str,
    pub ces_high: &'static str,
    pub gap_low: &'static str,
    pub gap_high: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub consent: &'static str,
    pub name: &'static str,
    pub email: &'static str,
    pub phone: &'static str,
    pub required: &'static str,
    pub too_long: &'static str,
    pub check: &'static str,
    pub still_collecting: &'static str,
    /// `{n}` characters left.
    pub characters_left: &'static str,
    /// One response: `{n}`, `{mean}`.
    pub summary_one: &'static str,
    /// Other counts: `{n}`, `{mean}`.
    pub summary_other: &'static str,
    /// `{pct}` satisfied (±`{margin}`).
    pub satisfied: &'static str,
    /// Window names.
    pub windows: WindowNames,
    /// The rating chart's accessible name.
    pub chart: &'static str,
    /// `{n}` ratings of `{point}` (a bar's text alternative).
    pub bar: &'static str,
    /// Gap verdicts.
    pub verdicts: VerdictNames,
    /// The close button's accessible name (closing counts as a dismissal).
    pub close: &'static str,
    /// The side tab that opens the survey.
    pub tab: &'static str,
    /// Thanks when the response waits in the outbox for the network.
    pub queued: &'static str,
}

/// English.
pub const EN: Strings = Strings {
    submit: "Send feedback",
    next: "Next",
    back: "Back",
    progress: "{i} of {n}",
    sending: "Sending…",
    thanks: "Thank you for your feedback!",
    send_failed: "We couldn't send your feedback. Please try again.",
    expected: "What did you expect?",
    experienced: "What did you get?",
    csat_low: "Very dissatisfied",
    csat_high: "Very satisfied",
    nps_low: "Not at all likely",
    nps_high: "Extremely likely",
    ces_low: "Strongly disagree",
    ces_high: "Strongly agree",
    gap_low: "Very little",
    gap_high: "A great deal",
    yes: "Yes",
    no: "No",
    consent: "Yes, I agree to be contacted",
    name: "Name",
    email: "Email",
    phone: "Phone",
    required: "Please answer this question.",
    too_long: "Please shorten your answer.",
    check: "Please check this answer.",
    still_collecting: "Still collecting responses",
    characters_left: "{n} characters left",
    summary_one: "{n} response · average {mean} / 5",
    summary_other: "{n} responses · average {mean} / 5",
    satisfied: "{pct} satisfied (±{margin})",
    windows: WindowNames {
        days7: "last 7 days",
        days30: "last 30 days",
        days90: "last 90 days",
        all: "all time",
    },
    chart: "How customers rated us",
    bar: "{point}: {n}",
    verdicts: VerdictNames {
        exceeded: "exceeded expectations",
        met: "met expectations",
        fell_short: "fell short of expectations",
    },
    close: "Close survey",
    tab: "Feedback",
    queued: "Thank you! Your feedback will be sent as soon as the connection is back.",
};

/// Thai.
pub const TH: Strings = Strings {
    submit: "ส่งความคิดเห็น",
    next: "ถัดไป",
    back: "ย้อนกลับ",
    progress: "ข้อ {i} จาก {n}",
    sending: "กำลังส่ง…",
    thanks: "ขอบคุณสำหรับความคิดเห็นของคุณ",
    send_failed: "ส่งความคิดเห็นไม่สำเร็จ โปรดลองอีกครั้ง",
    expected: "คุณคาดหวังไว้แค่ไหน",
    experienced: "คุณได้รับจริงแค่ไหน",
    csat_low: "ไม่พอใจมาก",
    csat_high: "พอใจมาก",
    nps_low: "ไม่แนะนำเลย",
    nps_high: "แนะนำแน่นอน",
    ces_low: "ไม่เห็นด้วยอย่างยิ่ง",
    ces_high: "เห็นด้วยอย่างยิ่ง",
    gap_low: "น้อยมาก",
    gap_high: "มากที่สุด",
    yes: "ใช่",
    no: "ไม่ใช่",
    consent: "ฉันยินยอมให้ติดต่อกลับ",
    name: "ชื่อ",
    email: "อีเมล",
    phone: "เบอร์โทรศัพท์",
    required: "โปรดตอบคำถามนี้",
    too_long: "โปรดตอบให้สั้นลง",
    check: "โปรดตรวจสอบคำตอบนี้",
    still_collecting: "กำลังรวบรวมความคิดเห็น",
    characters_left: "เหลืออีก {n} ตัวอักษร",
    summary_one: "{n} ความคิดเห็น · เฉลี่ย {mean} จาก 5",
    summary_other: "{n} ความคิดเห็น · เฉลี่ย {mean} จาก 5",
    satisfied: "พึงพอใจ {pct} (±{margin})",
    windows: WindowNames {
        days7: "7 วันที่ผ่านมา",
        days30: "30 วันที่ผ่านมา",
        days90: "90 วันที่ผ่านมา",
        all: "ทั้งหมด",
    },
    chart: "คะแนนที่ลูกค้าให้",
    bar: "{point}: {n}",
    verdicts: VerdictNames {
        exceeded: "เกินความคาดหวัง",
        met: "ตรงตามความคาดหวัง",
        fell_short: "ต่ำกว่าความคาดหวัง",
    },
    close: "ปิดแบบสำรวจ",
    tab: "ความคิดเห็น",
    queued: "ขอบคุณ! เราจะส่งความคิดเห็นของคุณทันทีที่การเชื่อมต่อกลับมา",
};

/// Latvian.
pub const LV: Strings = Strings {
    submit: "Nosūtīt atsauksmi",
    next: "Tālāk",
    back: "Atpakaļ",
    progress: "{i} no {n}",
    sending: "Sūta…",
    thanks: "Paldies par jūsu atsauksmi!",
    send_failed: "Atsauksmi neizdevās nosūtīt. Lūdzu, mēģiniet vēlreiz.",
    expected: "Ko jūs gaidījāt?",
    experienced: "Ko jūs saņēmāt?",
    csat_low: "Ļoti neapmierināts",
    csat_high: "Ļoti apmierināts",
    nps_low: "Noteikti neieteiktu",
    nps_high: "Noteikti ieteiktu",
    ces_low: "Pilnīgi nepiekrītu",
    ces_high: "Pilnīgi piekrītu",
    gap_low: "Ļoti maz",
    gap_high: "Ļoti daudz",
    yes: "Jā",
    no: "Nē",
    consent: "Jā, piekrītu, ka ar mani sazinās",
    name: "Vārds",
    email: "E-pasts",
    phone: "Tālrunis",
    required: "Lūdzu, atbildiet uz šo jautājumu.",
    too_long: "Lūdzu, saīsiniet atbildi.",
    check: "Lūdzu, pārbaudiet šo atbildi.",
    still_collecting: "Atsauksmes vēl tiek apkopotas",
    characters_left: "Atlikušās rakstzīmes: {n}",
    summary_one: "Atsauksmes: {n} · vidēji {mean} no 5",
    summary_other: "Atsauksmes: {n} · vidēji {mean} no 5",
    satisfied: "{pct} apmierināti (±{margin})",
    windows: WindowNames {
        days7: "pēdējās 7 dienas",
        days30: "pēdējās 30 dienas",
        days90: "pēdējās 90 dienas",
        all: "visu laiku",
    },
    chart: "Kā klienti mūs novērtēja",
    bar: "{point}: {n}",
    verdicts: VerdictNames {
        exceeded: "pārsniedza gaidīto",
        met: "atbilda gaidītajam",
        fell_short: "neattaisnoja gaidīto",
    },
    close: "Aizvērt aptauju",
    tab: "Atsauksmes",
    queued: "Paldies! Jūsu atsauksme tiks nosūtīta, tiklīdz savienojums atjaunosies.",
};

/// Greek.
pub const EL: Strings = Strings {
    submit: "Αποστολή σχολίων",
    next: "Επόμενο",
    back: "Πίσω",
    progress: "{i} από {n}",
    sending: "Αποστολή…",
    thanks: "Σας ευχαριστούμε για τα σχόλιά σας!",
    send_failed: "Δεν ήταν δυνατή η αποστολή. Παρακαλούμε δοκιμάστε ξανά.",
    expected: "Τι περιμένατε;",
    experienced: "Τι λάβατε;",
    csat_low: "Πολύ δυσαρεστημένος",
    csat_high: "Πολύ ικανοποιημένος",
    nps_low: "Καθόλου πιθανό",
    nps_high: "Εξαιρετικά πιθανό",
    ces_low: "Διαφωνώ απόλυτα",
    ces_high: "Συμφωνώ απόλυτα",
    gap_low: "Πολύ λίγα",
    gap_high: "Πάρα πολλά",
    yes: "Ναι",
    no: "Όχι",
    consent: "Ναι, συμφωνώ να επικοινωνήσετε μαζί μου",
    name: "Όνομα",
    email: "Email",
    phone: "Τηλέφωνο",
    required: "Παρακαλούμε απαντήστε σε αυτή την ερώτηση.",
    too_long: "Παρακαλούμε συντομεύστε την απάντησή σας.",
    check: "Παρακαλούμε ελέγξτε αυτή την απάντηση.",
    still_collecting: "Συλλέγουμε ακόμη απαντήσεις",
    characters_left: "Χαρακτήρες που απομένουν: {n}",
    summary_one: "{n} απάντηση · μέσος όρος {mean} / 5",
    summary_other: "{n} απαντήσεις · μέσος όρος {mean} / 5",
    satisfied: "{pct} ικανοποιημένοι (±{margin})",
    windows: WindowNames {
        days7: "τελευταίες 7 ημέρες",
        days30: "τελευταίες 30 ημέρες",
        days90: "τελευταίες 90 ημέρες",
        all: "από την αρχή",
    },
    chart: "Πώς μας βαθμολόγησαν οι πελάτες",
    bar: "{point}: {n}",
    verdicts: VerdictNames {
        exceeded: "ξεπέρασε τις προσδοκίες",
        met: "ανταποκρίθηκε στις προσδοκίες",
        fell_short: "υστέρησε των προσδοκιών",
    },
    close: "Κλείσιμο έρευνας",
    tab: "Σχόλια",
    queued: "Ευχαριστούμε! Τα σχόλιά σας θα σταλούν μόλις αποκατασταθεί η σύνδεση.",
};

/// Arabic.
pub const AR: Strings = Strings {
    submit: "إرسال الملاحظات",
    next: "التالي",
    back: "السابق",
    progress: "{i} من {n}",
    sending: "جارٍ الإرسال…",
    thanks: "شكرًا لك على ملاحظاتك!",
    send_failed: "تعذّر إرسال ملاحظاتك. يُرجى المحاولة مرة أخرى.",
    expected: "ماذا توقعت؟",
    experienced: "ماذا وجدت فعلًا؟",
    csat_low: "غير راضٍ إطلاقًا",
    csat_high: "راضٍ جدًا",
    nps_low: "غير مرجّح إطلاقًا",
    nps_high: "مرجّح للغاية",
    ces_low: "لا أوافق بشدة",
    ces_high: "أوافق بشدة",
    gap_low: "قليل جدًا",
    gap_high: "كثير جدًا",
    yes: "نعم",
    no: "لا",
    consent: "نعم، أوافق على أن يتم التواصل معي",
    name: "الاسم",
    email: "البريد الإلكتروني",
    phone: "الهاتف",
    required: "يُرجى الإجابة عن هذا السؤال.",
    too_long: "يُرجى تقصير إجابتك.",
    check: "يُرجى التحقق من هذه الإجابة.",
    still_collecting: "ما زلنا نجمع الردود",
    characters_left: "الأحرف المتبقية: {n}",
    summary_one: "عدد الردود: {n} · المتوسط {mean} من 5",
    summary_other: "عدد الردود: {n} · المتوسط {mean} من 5",
    satisfied: "{pct} راضون (±{margin})",
    windows: WindowNames {
        days7: "آخر 7 أيام",
        days30: "آخر 30 يومًا",
        days90: "آخر 90 يومًا",
        all: "كل الأوقات",
    },
    chart: "كيف قيّمنا العملاء",
    bar: "{point}: {n}",
    verdicts: VerdictNames {
        exceeded: "فاق التوقعات",
        met: "طابق التوقعات",
        fell_short: "دون التوقعات",
    },
    close: "إغلاق الاستبيان",
    tab: "ملاحظات",
    queued: "شكرًا لك! سنرسل ملاحظاتك فور عودة الاتصال.",
};

/// The interface texts for `locale` (its language), English otherwise.
pub fn strings(locale: &str) -> &'static Strings {
    match locale.split('-').next().unwrap_or("") {
        "th" => &TH,
        "lv" => &LV,
        "el" => &EL,
        "ar" => &AR,
        _ => &EN,
    }
}

/// The locale to show `survey` in: the survey's own setting, else the
/// page's `<html lang>`, else the browser's languages, else the survey's
/// default; only locales the survey has texts in count.
pub fn choose_locale(survey: &Survey) -> String {
    pick_locale(
        &survey.locales(),
        survey.settings.locale.as_deref(),
        &survey.default_locale,
    )
}

/// The locale to show a snapshot in, from the labels of its survey (as
/// [`choose_locale`]).
pub fn choose_snapshot_locale(labels: &candor_core::SurveyLabels) -> String {
    pick_locale(
        &labels.locales(),
        labels.settings.locale.as_deref(),
        &labels.default_locale,
    )
}

/// [`choose_locale`] from what it reads of a survey: the locales it has
/// texts in, its own setting and its default.
pub fn pick_locale(available: &[&str], forced: Option<&str>, default: &str) -> String {
    let usable = |tag: &str| {
        let tag = tag.trim();
        let language = tag.split('-').next().unwrap_or("");
        available
            .iter()
            .find(|l| l.eq_ignore_ascii_case(tag))
            .or_else(|| available.iter().find(|l| l.eq_ignore_ascii_case(language)))
            .map(|l| (*l).to_owned())
    };
    if let Some(forced) = forced.and_then(usable) {
        return forced;
    }
    let window = web_sys::window();
    let page = window
        .as_ref()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("lang"));
    if let Some(locale) = page.as_deref().and_then(usable) {
        return locale;
    }
    let browser = window
        .map(|w| w.navigator().languages())
        .map(|list| list.iter().filter_map(|v| v.as_string()).collect::<Vec<_>>());
    browser
        .unwrap_or_default()
        .iter()
        .find_map(|tag| usable(tag))
        .unwrap_or_else(|| default.to_owned())
}

/// Whether `locale` is written right to left.
pub fn direction(locale: &str) -> &'static str {
    if is_right_to_left(locale) { "rtl" } else { "ltr" }
}

/// `value` with `decimals` decimals, as `locale` writes numbers
/// (`4,1` in Latvian and Greek, `4.1` in English).
pub fn number(locale: &str, value: f64, decimals: u32) -> String {
    let fallback = || format!("{value:.*}", decimals as usize);
    // Only locales we ship reach Intl: an invalid tag would throw.
    let language = locale.split('-').next().unwrap_or("en");
    if !SUPPORTED.contains(&language) {
        return fallback();
    }
    let options = js_sys::Object::new();
    for key in ["minimumFractionDigits", "maximumFractionDigits"] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &JsValue::from(decimals));
    }
    let format = js_sys::Intl::NumberFormat::new(&js_sys::Array::of1(&language.into()), &options).format();
    format
        .call1(&JsValue::NULL, &JsValue::from(value))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(fallback)
}

/// `share` (0–1) as a whole percentage, as `locale` writes it.
pub fn percent(locale: &str, share: f64) -> String {
    let language = locale.split('-').next().unwrap_or("en");
    let fallback = || format!("{:.0}%", share * 100.0);
    if !SUPPORTED.contains(&language) {
        return fallback();
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"style".into(), &"percent".into());
    let _ = js_sys::Reflect::set(&options, &"maximumFractionDigits".into(), &JsValue::from(0));
    let format = js_sys::Intl::NumberFormat::new(&js_sys::Array::of1(&language.into()), &options).format();
    format
        .call1(&JsValue::NULL, &JsValue::from(share))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(fallback)
}

/// "12 responses · average 4.2 / 5", in `locale`.
pub fn summary(locale: &str, responses: u64, mean: f64) -> String {
    let strings = strings(locale);
    let template = if responses == 1 {
        strings.summary_one
    } else {
        strings.summary_other
    };
    template
        .replace("{n}", &number(locale, responses as f64, 0))
        .replace("{mean}", &number(locale, mean, 1))
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[wasm_bindgen_test]
    fn summary_rounds_to_one_decimal_and_pluralises() {
        assert_eq!(summary("en", 12, 4.25), "12 responses · average 4.3 / 5");
        assert_eq!(summary("en", 1, 5.0), "1 response · average 5.0 / 5");
    }

    #[wasm_bindgen_test]
    fn numbers_follow_the_locale() {
        assert_eq!(number("lv", 4.1, 1), "4,1");
        assert_eq!(number("el", 4.1, 1), "4,1");
        assert_eq!(number("en", 1234.0, 0), "1,234");
        assert_eq!(number("xx", 4.1, 1), "4.1");
    }

    #[wasm_bindgen_test]
    fn percentages_follow_the_locale() {
        assert_eq!(percent("en", 0.873), "87%");
        assert_eq!(percent("xx", 0.5), "50%");
    }

    #[wasm_bindgen_test]
    fn arabic_is_right_to_left() {
        assert_eq!(direction("ar"), "rtl");
        assert_eq!(direction("th"), "ltr");
    }

    #[wasm_bindgen_test]
    fn every_locale_has_every_text() {
        for locale in SUPPORTED {
            let s = strings(locale);
            for text in [
                s.submit,
                s.thanks,
                s.required,
                s.consent,
                s.summary_other,
                s.characters_left,
                s.close,
                s.tab,
                s.queued,
            ] {
                assert!(!text.is_empty(), "{locale}");
            }
            assert!(
                s.characters_left.contains("{n}") && s.summary_other.contains("{mean}"),
                "{locale}"
            );
        }
    }
}

//! The widget's own interface texts in every locale Candor ships (the
//! survey's texts come with the survey). Words follow docs/glossary.md.

use super::intl::Category::{One, Other};
use super::intl::Forms;

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
    /// `{n}` characters left, by plural category.
    pub characters_left: Forms,
    /// `{n}` responses and their `{mean}`, by plural category.
    pub summary: Forms,
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
    /// A multiple-choice question's "Other".
    pub other: &'static str,
    /// The accessible name of the text field "Other" opens.
    pub other_text: &'static str,
    /// Choose at most `{n}`.
    pub at_most: &'static str,
    /// Choose at least `{n}`.
    pub at_least: &'static str,
    /// The points of a 5-point agreement scale, from strongly disagree.
    pub agree5: [&'static str; 5],
    /// The points of a 7-point agreement scale, from strongly disagree.
    pub agree7: [&'static str; 7],
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
    characters_left: &[(One, "{n} character left"), (Other, "{n} characters left")],
    summary: &[
        (One, "{n} response · average {mean} / 5"),
        (Other, "{n} responses · average {mean} / 5"),
    ],
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
    other: "Other",
    other_text: "Other, in your own words",
    at_most: "Choose up to {n}",
    at_least: "Choose at least {n}",
    agree5: [
        "Strongly disagree",
        "Disagree",
        "Neither agree nor disagree",
        "Agree",
        "Strongly agree",
    ],
    agree7: [
        "Strongly disagree",
        "Disagree",
        "Somewhat disagree",
        "Neither agree nor disagree",
        "Somewhat agree",
        "Agree",
        "Strongly agree",
    ],
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
    characters_left: &[(Other, "เหลืออีก {n} ตัวอักษร")],
    summary: &[(Other, "คำตอบ {n} รายการ · เฉลี่ย {mean} จาก 5")],
    satisfied: "พึงพอใจ {pct} (±{margin})",
    windows: WindowNames {
        days7: "7 วันที่ผ่านมา",
        days30: "30 วันที่ผ่านมา",
        days90: "90 วันที่ผ่านมา",
        all: "ตั้งแต่เริ่มต้น",
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
    other: "อื่น ๆ",
    other_text: "อื่น ๆ โปรดระบุ",
    at_most: "เลือกได้ไม่เกิน {n} ข้อ",
    at_least: "เลือกอย่างน้อย {n} ข้อ",
    agree5: ["ไม่เห็นด้วยอย่างยิ่ง", "ไม่เห็นด้วย", "เป็นกลาง", "เห็นด้วย", "เห็นด้วยอย่างยิ่ง"],
    agree7: [
        "ไม่เห็นด้วยอย่างยิ่ง",
        "ไม่เห็นด้วย",
        "ค่อนข้างไม่เห็นด้วย",
        "เป็นกลาง",
        "ค่อนข้างเห็นด้วย",
        "เห็นด้วย",
        "เห็นด้วยอย่างยิ่ง",
    ],
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
    csat_low: "Ļoti neapmierina",
    csat_high: "Ļoti apmierina",
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
    characters_left: &[(Other, "Atlikušās rakstzīmes: {n}")],
    summary: &[(Other, "Atbildes: {n} · vidēji {mean} no 5")],
    satisfied: "{pct} apmierināti (±{margin})",
    windows: WindowNames {
        days7: "pēdējās 7 dienas",
        days30: "pēdējās 30 dienas",
        days90: "pēdējās 90 dienas",
        all: "visā periodā",
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
    other: "Cits",
    other_text: "Cits (lūdzu, norādiet)",
    at_most: "Izvēlieties ne vairāk kā {n}",
    at_least: "Izvēlieties vismaz {n}",
    agree5: [
        "Pilnīgi nepiekrītu",
        "Nepiekrītu",
        "Ne piekrītu, ne nepiekrītu",
        "Piekrītu",
        "Pilnīgi piekrītu",
    ],
    agree7: [
        "Pilnīgi nepiekrītu",
        "Nepiekrītu",
        "Drīzāk nepiekrītu",
        "Ne piekrītu, ne nepiekrītu",
        "Drīzāk piekrītu",
        "Piekrītu",
        "Pilnīgi piekrītu",
    ],
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
    csat_low: "Πολύ δυσαρεστημένος/-η",
    csat_high: "Πολύ ικανοποιημένος/-η",
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
    email: "Ηλεκτρονικό ταχυδρομείο",
    phone: "Τηλέφωνο",
    required: "Παρακαλούμε απαντήστε σε αυτή την ερώτηση.",
    too_long: "Παρακαλούμε συντομεύστε την απάντησή σας.",
    check: "Παρακαλούμε ελέγξτε αυτή την απάντηση.",
    still_collecting: "Συλλέγουμε ακόμη απαντήσεις",
    characters_left: &[(Other, "Χαρακτήρες που απομένουν: {n}")],
    summary: &[
        (One, "{n} απάντηση · μέσος όρος {mean} / 5"),
        (Other, "{n} απαντήσεις · μέσος όρος {mean} / 5"),
    ],
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
        fell_short: "υπολείφθηκε των προσδοκιών",
    },
    close: "Κλείσιμο έρευνας",
    tab: "Σχόλια",
    queued: "Ευχαριστούμε! Τα σχόλιά σας θα σταλούν μόλις αποκατασταθεί η σύνδεση.",
    other: "Άλλο",
    other_text: "Άλλο (διευκρινίστε)",
    at_most: "Επιλέξτε έως {n}",
    at_least: "Επιλέξτε τουλάχιστον {n}",
    agree5: [
        "Διαφωνώ απόλυτα",
        "Διαφωνώ",
        "Ούτε συμφωνώ ούτε διαφωνώ",
        "Συμφωνώ",
        "Συμφωνώ απόλυτα",
    ],
    agree7: [
        "Διαφωνώ απόλυτα",
        "Διαφωνώ",
        "Μάλλον διαφωνώ",
        "Ούτε συμφωνώ ούτε διαφωνώ",
        "Μάλλον συμφωνώ",
        "Συμφωνώ",
        "Συμφωνώ απόλυτα",
    ],
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
    csat_low: "استياء شديد",
    csat_high: "رضا تام",
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
    characters_left: &[(Other, "الأحرف المتبقية: {n}")],
    summary: &[(Other, "عدد الردود: {n} · المتوسط {mean} من 5")],
    satisfied: "{pct} راضون (±{margin})",
    windows: WindowNames {
        days7: "آخر 7 أيام",
        days30: "آخر 30 يومًا",
        days90: "آخر 90 يومًا",
        all: "منذ البداية",
    },
    chart: "تقييمات العملاء",
    bar: "{point}: {n}",
    verdicts: VerdictNames {
        exceeded: "فوق التوقعات",
        met: "بمستوى التوقعات",
        fell_short: "دون التوقعات",
    },
    close: "إغلاق الاستبيان",
    tab: "ملاحظات",
    queued: "شكرًا لك! سنرسل ملاحظاتك فور عودة الاتصال.",
    other: "غير ذلك",
    other_text: "غير ذلك (يُرجى التحديد)",
    at_most: "يمكن اختيار {n} كحدٍّ أقصى",
    at_least: "يُرجى اختيار {n} على الأقل",
    agree5: ["لا أوافق بشدة", "لا أوافق", "محايد", "أوافق", "أوافق بشدة"],
    agree7: [
        "لا أوافق بشدة",
        "لا أوافق",
        "لا أوافق إلى حدٍّ ما",
        "محايد",
        "أوافق إلى حدٍّ ما",
        "أوافق",
        "أوافق بشدة",
    ],
};

//! The templates' texts, in the order of `locale::SUPPORTED`:
//! English, Thai, Latvian, Greek, Arabic.

pub type Localized = [&'static str; 5];

pub const CHECKOUT_TITLE: Localized = [
    "How was your checkout?",
    "การสั่งซื้อครั้งนี้เป็นอย่างไรบ้าง",
    "Kā jums veicās ar pirkumu?",
    "Πώς σας φάνηκε η αγορά σας;",
    "كيف كانت تجربة الشراء؟",
];

pub const CHECKOUT_SATISFACTION: Localized = [
    "Overall, how satisfied are you with your order?",
    "โดยรวมแล้ว คุณพึงพอใจกับคำสั่งซื้อนี้มากน้อยเพียงใด",
    "Cik lielā mērā jūs kopumā apmierina jūsu pasūtījums?",
    "Συνολικά, πόσο ικανοποιημένοι είστε με την παραγγελία σας;",
    "بشكل عام، ما مدى رضاك عن طلبك؟",
];

pub const CHECKOUT_GAP: Localized = [
    "Delivery: what did you expect, and what did you get?",
    "การจัดส่ง: คุณคาดหวังไว้อย่างไร และได้รับจริงอย่างไร",
    "Piegāde: ko jūs gaidījāt un ko saņēmāt?",
    "Παράδοση: τι περιμένατε και τι λάβατε;",
    "التوصيل: ماذا توقعت، وماذا حصلت عليه فعلًا؟",
];

pub const DELIVERY_PROMISE: Localized = [
    "Keeping the promised delivery date",
    "การส่งของตรงตามวันที่สัญญาไว้",
    "Solītā piegādes datuma ievērošana",
    "Τήρηση της ημερομηνίας παράδοσης που υποσχεθήκαμε",
    "الالتزام بموعد التوصيل الموعود",
];

pub const CHECKOUT_COMMENT: Localized = [
    "Anything we could do better?",
    "มีอะไรที่เราควรปรับปรุงให้ดีขึ้นหรือไม่",
    "Vai ir kaut kas, ko mēs varētu darīt labāk?",
    "Υπάρχει κάτι που θα μπορούσαμε να κάνουμε καλύτερα;",
    "هل هناك ما يمكننا تحسينه؟",
];

pub const SERVICE_TITLE: Localized = [
    "How did we do?",
    "บริการของเราเป็นอย่างไรบ้าง",
    "Kā jūs vērtējat mūsu darbu?",
    "Πώς τα πήγαμε;",
    "كيف كان أداؤنا؟",
];

pub const SERVICE_SATISFACTION: Localized = [
    "Overall, how satisfied are you with our service?",
    "โดยรวมแล้ว คุณพึงพอใจกับบริการของเรามากน้อยเพียงใด",
    "Cik lielā mērā jūs kopumā apmierina mūsu apkalpošana?",
    "Συνολικά, πόσο ικανοποιημένοι είστε με την εξυπηρέτησή μας;",
    "بشكل عام، ما مدى رضاك عن خدمتنا؟",
];

pub const SERVICE_GAP: Localized = [
    "For each of these, what did you expect, and what did you get?",
    "ในแต่ละด้านต่อไปนี้ คุณคาดหวังไว้อย่างไร และได้รับจริงอย่างไร",
    "Ko jūs gaidījāt un ko saņēmāt katrā no šīm jomām?",
    "Για καθένα από τα παρακάτω, τι περιμένατε και τι λάβατε;",
    "في كل مما يلي، ماذا توقعت، وماذا حصلت عليه فعلًا؟",
];

/// The six service dimensions of DOMAIN.md, by id.
pub const DIMENSIONS: [(&str, Localized); 6] = [
    (
        "reliability",
        [
            "Reliability: the promised service, every time",
            "ความเชื่อถือได้: ได้รับบริการตามที่สัญญาไว้ทุกครั้ง",
            "Uzticamība: solītais pakalpojums katru reizi",
            "Αξιοπιστία: η υπηρεσία που υποσχεθήκαμε, κάθε φορά",
            "الموثوقية: الخدمة الموعودة في كل مرة",
        ],
    ),
    (
        "timeliness",
        [
            "Timeliness: how quickly your needs were met",
            "ความรวดเร็ว: คุณได้รับการตอบสนองรวดเร็วเพียงใด",
            "Ātrums: cik ātri tika apmierinātas jūsu vajadzības",
            "Ταχύτητα: πόσο γρήγορα καλύφθηκαν οι ανάγκες σας",
            "السرعة: مدى سرعة تلبية احتياجاتك",
        ],
    ),
    (
        "personal",
        [
            "Personal attention: treated as a person, not a number",
            "การดูแลเอาใจใส่: ได้รับการดูแลในฐานะบุคคล ไม่ใช่แค่ตัวเลข",
            "Personiska attieksme: pret jums izturējās kā pret cilvēku, nevis numuru",
            "Προσωπική φροντίδα: σας αντιμετώπισαν ως άνθρωπο, όχι ως αριθμό",
            "الاهتمام الشخصي: معاملتك كشخص لا كرقم",
        ],
    ),
    (
        "courtesy",
        [
            "Courtesy: friendly, patient and respectful staff",
            "ความสุภาพ: พนักงานเป็นมิตร อดทน และให้เกียรติ",
            "Pieklājība: draudzīgi, pacietīgi un cieņpilni darbinieki",
            "Ευγένεια: φιλικό, υπομονετικό και ευγενικό προσωπικό",
            "اللباقة: موظفون ودودون وصبورون ومحترمون",
        ],
    ),
    (
        "flexibility",
        [
            "Flexibility: willing to find another way instead of saying no",
            "ความยืดหยุ่น: พร้อมหาทางเลือกอื่นแทนการปฏิเสธ",
            "Elastība: gatavība meklēt citu risinājumu, nevis vienkārši atteikt",
            "Ευελιξία: διάθεση να βρεθεί άλλη λύση αντί για ένα σκέτο «όχι»",
            "المرونة: الاستعداد لإيجاد بديل بدلًا من الرفض",
        ],
    ),
    (
        "honesty",
        [
            "Realistic promises: honest about what could be done",
            "คำสัญญาที่เป็นจริง: บอกตรง ๆ ว่าทำอะไรได้บ้าง",
            "Reālistiski solījumi: godīgi par to, ko iespējams izdarīt",
            "Ρεαλιστικές υποσχέσεις: ειλικρίνεια για το τι μπορούσε να γίνει",
            "وعود واقعية: الصراحة بشأن ما يمكن تقديمه",
        ],
    ),
];

pub const RESOLVED: Localized = [
    "Was your issue resolved the first time you contacted us?",
    "ปัญหาของคุณได้รับการแก้ไขตั้งแต่การติดต่อครั้งแรกหรือไม่",
    "Vai jūsu jautājums tika atrisināts jau pirmajā saziņas reizē?",
    "Λύθηκε το θέμα σας από την πρώτη φορά που επικοινωνήσατε μαζί μας;",
    "هل حُلّت مشكلتك من أول تواصل معنا؟",
];

pub const SERVICE_COMMENT: Localized = [
    "What could we do better?",
    "มีอะไรที่เราควรทำให้ดีขึ้นบ้าง",
    "Ko mēs varētu darīt labāk?",
    "Τι θα μπορούσαμε να κάνουμε καλύτερα;",
    "ما الذي يمكننا فعله بشكل أفضل؟",
];

pub const CONTACT: Localized = [
    "Would you like someone from our team to contact you?",
    "คุณต้องการให้ทีมงานของเราติดต่อกลับหรือไม่",
    "Vai vēlaties, lai kāds no mūsu komandas ar jums sazinās?",
    "Θα θέλατε να επικοινωνήσει μαζί σας κάποιος από την ομάδα μας;",
    "هل يناسبك أن يتواصل معك أحد أعضاء فريقنا؟",
];

pub const SUPPORT_TITLE: Localized = [
    "How was your support conversation?",
    "การติดต่อฝ่ายบริการลูกค้าครั้งนี้เป็นอย่างไรบ้าง",
    "Kā jums patika saruna ar atbalsta dienestu?",
    "Πώς σας φάνηκε η επικοινωνία με την υποστήριξη;",
    "كيف كانت محادثتك مع فريق الدعم؟",
];

pub const SUPPORT_SATISFACTION: Localized = [
    "How satisfied are you with the help you received?",
    "คุณพึงพอใจกับความช่วยเหลือที่ได้รับมากน้อยเพียงใด",
    "Cik lielā mērā jūs apmierina saņemtā palīdzība?",
    "Πόσο ικανοποιημένοι είστε με τη βοήθεια που λάβατε;",
    "ما مدى رضاك عن المساعدة التي تلقيتها؟",
];

pub const SUPPORT_EFFORT: Localized = [
    "It was easy to get what I needed.",
    "ฉันได้รับสิ่งที่ต้องการได้อย่างง่ายดาย",
    "Bija viegli saņemt to, kas man bija vajadzīgs.",
    "Ήταν εύκολο να πάρω αυτό που χρειαζόμουν.",
    "كان من السهل الحصول على ما احتجت إليه.",
];

pub const SUPPORT_RECOMMEND: Localized = [
    "How likely are you to recommend us to a friend or colleague?",
    "คุณมีแนวโน้มจะแนะนำเราให้เพื่อนหรือเพื่อนร่วมงานมากน้อยเพียงใด",
    "Cik ticams, ka jūs mūs ieteiktu draugam vai kolēģim?",
    "Πόσο πιθανό είναι να μας προτείνετε σε έναν φίλο ή συνάδελφο;",
    "ما مدى احتمال توصيتك بنا لصديق أو زميل؟",
];

pub const SUPPORT_COMMENT: Localized = [
    "Anything else you would like to tell us?",
    "มีอะไรที่อยากบอกเราเพิ่มเติมหรือไม่",
    "Vai vēlaties mums vēl ko pastāstīt?",
    "Θέλετε να μας πείτε κάτι ακόμα;",
    "هل من شيء آخر يمكنك إخبارنا به؟",
];

pub const SUPPORT_WRONG: Localized = [
    "What went wrong?",
    "เกิดปัญหาอะไรขึ้น",
    "Kas nogāja greizi?",
    "Τι πήγε στραβά;",
    "ما الذي لم يسر على ما يرام؟",
];

pub const SUPPORT_IMPROVE: Localized = [
    "What should we do better next time?",
    "ครั้งหน้าเราควรปรับปรุงเรื่องใด",
    "Ko mums nākamreiz vajadzētu darīt labāk?",
    "Τι πρέπει να κάνουμε καλύτερα την επόμενη φορά;",
    "ما الذي ينبغي أن نحسّنه في المرة القادمة؟",
];

pub const SUPPORT_PRAISE: Localized = [
    "What did we do well?",
    "เราทำสิ่งใดได้ดี",
    "Kas mums izdevās labi?",
    "Τι κάναμε καλά;",
    "ما الذي أحسنّا فيه؟",
];

pub const BLANK_TITLE: Localized = [
    "New survey",
    "แบบสำรวจใหม่",
    "Jauna aptauja",
    "Νέα έρευνα",
    "استبيان جديد",
];

pub const CHOICE: Localized = [
    "Which of these fits best?",
    "ข้อใดตรงกับคุณมากที่สุด",
    "Kurš no šiem atbilst vislabāk?",
    "Ποιο από αυτά ταιριάζει καλύτερα;",
    "أيّ من هذه ينطبق عليك أكثر؟",
];

pub const OPTION_FIRST: Localized = [
    "First option",
    "ตัวเลือกที่ 1",
    "Pirmais variants",
    "Πρώτη επιλογή",
    "الخيار الأول",
];

pub const OPTION_SECOND: Localized = [
    "Second option",
    "ตัวเลือกที่ 2",
    "Otrais variants",
    "Δεύτερη επιλογή",
    "الخيار الثاني",
];

pub const IMPROVE_CHOICES: Localized = [
    "What could we improve? Choose all that apply.",
    "เราควรปรับปรุงเรื่องใดบ้าง เลือกได้ทุกข้อที่ตรงกับคุณ",
    "Ko mēs varētu uzlabot? Atzīmējiet visu, kas attiecas.",
    "Τι θα μπορούσαμε να βελτιώσουμε; Επιλέξτε όσα ισχύουν.",
    "ما الذي يمكننا تحسينه؟ يمكن اختيار كل ما ينطبق.",
];

pub const IMPROVE_OPTIONS: [(&str, Localized); 3] = [
    (
        "speed",
        [
            "Speed of service",
            "ความรวดเร็วในการให้บริการ",
            "Apkalpošanas ātrums",
            "Ταχύτητα εξυπηρέτησης",
            "سرعة الخدمة",
        ],
    ),
    (
        "updates",
        [
            "Keeping you informed",
            "การแจ้งความคืบหน้าให้คุณทราบ",
            "Informēšana par norisi",
            "Ενημέρωση για την πορεία",
            "إبقاؤك على اطلاع",
        ],
    ),
    (
        "staff",
        [
            "Friendliness of staff",
            "ความเป็นมิตรของพนักงาน",
            "Darbinieku laipnība",
            "Φιλικότητα του προσωπικού",
            "لطف الموظفين",
        ],
    ),
];

pub const AGREEMENT: Localized = [
    "How far do you agree with each statement?",
    "คุณเห็นด้วยกับข้อความแต่ละข้อมากน้อยเพียงใด",
    "Cik lielā mērā jūs piekrītat katram apgalvojumam?",
    "Πόσο συμφωνείτε με καθεμία από τις παρακάτω δηλώσεις;",
    "ما مدى موافقتك على كل عبارة مما يلي؟",
];

pub const AGREEMENT_STATEMENTS: [(&str, Localized); 2] = [
    (
        "understood",
        [
            "The staff understood what I needed",
            "พนักงานเข้าใจสิ่งที่ฉันต้องการ",
            "Darbinieki saprata, kas man vajadzīgs",
            "Το προσωπικό κατάλαβε τι χρειαζόμουν",
            "فهم الموظفون ما أحتاج إليه",
        ],
    ),
    (
        "easy",
        [
            "It was easy to get help",
            "ขอความช่วยเหลือได้ง่าย",
            "Bija viegli saņemt palīdzību",
            "Ήταν εύκολο να βρω βοήθεια",
            "كان الحصول على المساعدة سهلًا",
        ],
    ),
];

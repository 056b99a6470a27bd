//! English → [Thai, Latvian, Greek, Arabic], sorted by the English.

pub static TABLE: &[(&str, [&str; 4])] = &[
    (
        " (draft waiting)",
        [
            " (มีฉบับร่างรออยู่)",
            " (gaida melnraksts)",
            " (εκκρεμεί πρόχειρο)",
            " (توجد مسودة بانتظار النشر)",
        ],
    ),
    (
        " ({low} to {high})",
        [
            " ({low} ถึง {high})",
            " (no {low} līdz {high})",
            " ({low} έως {high})",
            " (من {low} إلى {high})",
        ],
    ),
    (
        " {low} low · {high} high",
        [
            " ต่ำ {low} · สูง {high}",
            " {low} zemi · {high} augsti",
            " {low} χαμηλές · {high} υψηλές",
            " {low} منخفضة · {high} مرتفعة",
        ],
    ),
    (
        "Add option",
        [
            "เพิ่มตัวเลือก",
            "Pievienot variantu",
            "Προσθήκη επιλογής",
            "إضافة خيار",
        ],
    ),
    (
        "Add question",
        [
            "เพิ่มคำถาม",
            "Pievienot jautājumu",
            "Προσθήκη ερώτησης",
            "إضافة سؤال",
        ],
    ),
    (
        "Admin token",
        [
            "โทเค็นผู้ดูแลระบบ",
            "Administratora marķieris",
            "Διακριτικό διαχειριστή",
            "رمز المسؤول",
        ],
    ),
    (
        "After scrolling",
        [
            "หลังจากเลื่อนหน้า",
            "Pēc ritināšanas",
            "Μετά από κύλιση",
            "بعد التمرير",
        ],
    ),
    (
        "After some seconds",
        [
            "หลังจากผ่านไปไม่กี่วินาที",
            "Pēc dažām sekundēm",
            "Μετά από μερικά δευτερόλεπτα",
            "بعد بضع ثوانٍ",
        ],
    ),
    (
        "All time",
        ["ตั้งแต่เริ่มต้น", "Viss periods", "Από την αρχή", "منذ البداية"],
    ),
    ("Answers", ["คำตอบ", "Atbildes", "Απαντήσεις", "الإجابات"]),
    ("Any", ["ทั้งหมด", "Jebkura", "Όλα", "الكل"]),
    (
        "Asked (UTC)",
        [
            "ขอเมื่อ (UTC)",
            "Pieprasīts (UTC)",
            "Αίτημα (UTC)",
            "وقت الطلب (UTC)",
        ],
    ),
    ("At once", ["ทันที", "Uzreiz", "Αμέσως", "فورًا"]),
    ("Comment", ["ความคิดเห็น", "Komentārs", "Σχόλιο", "تعليق"]),
    ("Comments", ["ความคิดเห็น", "Komentāri", "Σχόλια", "التعليقات"]),
    (
        "Contact request",
        [
            "คำขอให้ติดต่อกลับ",
            "Lūgums sazināties",
            "Αίτημα επικοινωνίας",
            "طلب تواصل",
        ],
    ),
    (
        "Contact requests",
        [
            "คำขอให้ติดต่อกลับ",
            "Lūgumi sazināties",
            "Αιτήματα επικοινωνίας",
            "طلبات التواصل",
        ],
    ),
    ("Copied", ["คัดลอกแล้ว", "Nokopēts", "Αντιγράφηκε", "تم النسخ"]),
    (
        "Copy the snippet",
        ["คัดลอกโค้ด", "Kopēt kodu", "Αντιγραφή του κώδικα", "نسخ المقتطف"],
    ),
    (
        "Corner card (popover)",
        [
            "การ์ดที่มุมจอ (ป๊อปโอเวอร์)",
            "Kartīte stūrī (uznirstošā)",
            "Κάρτα στη γωνία (αναδυόμενη)",
            "بطاقة في الزاوية (منبثقة)",
        ],
    ),
    (
        "Could not compare words: {error}.",
        [
            "เปรียบเทียบคำไม่ได้: {error}",
            "Neizdevās salīdzināt vārdus: {error}.",
            "Δεν ήταν δυνατή η σύγκριση λέξεων: {error}.",
            "تعذّرت مقارنة الكلمات: {error}.",
        ],
    ),
    (
        "Could not load the comments: {error}.",
        [
            "โหลดความคิดเห็นไม่ได้: {error}",
            "Neizdevās ielādēt komentārus: {error}.",
            "Δεν ήταν δυνατή η φόρτωση των σχολίων: {error}.",
            "تعذّر تحميل التعليقات: {error}.",
        ],
    ),
    (
        "Could not load the draft: {error}.",
        [
            "โหลดฉบับร่างไม่ได้: {error}",
            "Neizdevās ielādēt melnrakstu: {error}.",
            "Δεν ήταν δυνατή η φόρτωση του πρόχειρου: {error}.",
            "تعذّر تحميل المسودة: {error}.",
        ],
    ),
    (
        "Could not load the figures: {error}. Retrying.",
        [
            "โหลดตัวเลขไม่ได้: {error} กำลังลองใหม่",
            "Neizdevās ielādēt rādītājus: {error}. Mēģinām vēlreiz.",
            "Δεν ήταν δυνατή η φόρτωση των μεγεθών: {error}. Νέα προσπάθεια.",
            "تعذّر تحميل الأرقام: {error}. تجري إعادة المحاولة.",
        ],
    ),
    (
        "Could not load the queue: {error}.",
        [
            "โหลดรายการคำขอไม่ได้: {error}",
            "Neizdevās ielādēt rindu: {error}.",
            "Δεν ήταν δυνατή η φόρτωση της ουράς: {error}.",
            "تعذّر تحميل قائمة الانتظار: {error}.",
        ],
    ),
    (
        "Could not load the survey: {error}.",
        [
            "โหลดแบบสำรวจไม่ได้: {error}",
            "Neizdevās ielādēt aptauju: {error}.",
            "Δεν ήταν δυνατή η φόρτωση της έρευνας: {error}.",
            "تعذّر تحميل الاستبيان: {error}.",
        ],
    ),
    (
        "Could not load the surveys: {error}.",
        [
            "โหลดแบบสำรวจไม่ได้: {error}",
            "Neizdevās ielādēt aptaujas: {error}.",
            "Δεν ήταν δυνατή η φόρτωση των ερευνών: {error}.",
            "تعذّر تحميل الاستبيانات: {error}.",
        ],
    ),
    (
        "Could not sign in: {error}.",
        [
            "เข้าสู่ระบบไม่ได้: {error}",
            "Neizdevās pieteikties: {error}.",
            "Δεν ήταν δυνατή η σύνδεση: {error}.",
            "تعذّر تسجيل الدخول: {error}.",
        ],
    ),
    ("Create", ["สร้าง", "Izveidot", "Δημιουργία", "إنشاء"]),
    (
        "Daily trend from {first} to {last}",
        [
            "แนวโน้มรายวันตั้งแต่ {first} ถึง {last}",
            "Dienas tendence no {first} līdz {last}",
            "Ημερήσια τάση από {first} έως {last}",
            "الاتجاه اليومي من {first} إلى {last}",
        ],
    ),
    (
        "Daily, {first} to {last}; a ringed day differs significantly from the {days} days before it",
        [
            "รายวัน {first} ถึง {last} วันที่มีวงกลมล้อมต่างจาก {days} วันก่อนหน้าอย่างมีนัยสำคัญ",
            "Pa dienām, no {first} līdz {last}; apvilktā diena būtiski atšķiras no {days} dienām pirms tās",
            "Ημερήσια, {first} έως {last}· μια κυκλωμένη ημέρα διαφέρει σημαντικά από τις {days} προηγούμενες ημέρες",
            "يوميًا، من {first} إلى {last}؛ اليوم المحاط بدائرة يختلف اختلافًا ذا دلالة عن الأيام الـ{days} السابقة له",
        ],
    ),
    (
        "Dashboard",
        [
            "แดชบอร์ด",
            "Informācijas panelis",
            "Πίνακας ελέγχου",
            "لوحة المعلومات",
        ],
    ),
    (
        "Dashboard language",
        [
            "ภาษาของแดชบอร์ด",
            "Informācijas paneļa valoda",
            "Γλώσσα του πίνακα ελέγχου",
            "لغة لوحة المعلومات",
        ],
    ),
    ("Dimension", ["มิติ", "Dimensija", "Διάσταση", "البُعد"]),
    (
        "Dimension {n}",
        ["มิติที่ {n}", "{n}. dimensija", "Διάσταση {n}", "البُعد {n}"],
    ),
    ("Display", ["การแสดงผล", "Attēlojums", "Εμφάνιση", "طريقة العرض"]),
    ("Done", ["เสร็จแล้ว", "Pabeigti", "Ολοκληρωμένα", "منجزة"]),
    (
        "Draft saved. Publish it to show it to respondents.",
        [
            "บันทึกฉบับร่างแล้ว เผยแพร่เพื่อให้ผู้ตอบเห็น",
            "Melnraksts saglabāts. Publicējiet to, lai respondenti to redzētu.",
            "Το πρόχειρο αποθηκεύτηκε. Δημοσιεύστε το για να το δουν οι ερωτώμενοι.",
            "حُفظت المسودة. لن يراها المجيبون قبل نشرها.",
        ],
    ),
    (
        "Drawn as",
        ["แสดงเป็น", "Attēlot kā", "Εμφάνιση ως", "تُعرض على شكل"],
    ),
    ("Edit", ["แก้ไข", "Rediģēt", "Επεξεργασία", "تحرير"]),
    (
        "Editing texts in",
        [
            "กำลังแก้ไขข้อความภาษา",
            "Rediģē tekstus valodā",
            "Επεξεργασία κειμένων στα",
            "تحرير النصوص باللغة",
        ],
    ),
    (
        "Effort (CES)",
        [
            "ความง่าย (CES)",
            "Piepūle (CES)",
            "Προσπάθεια (CES)",
            "الجهد (CES)",
        ],
    ),
    (
        "Email",
        ["อีเมล", "E-pasts", "Ηλεκτρονικό ταχυδρομείο", "البريد الإلكتروني"],
    ),
    ("Embed", ["ฝังในเว็บไซต์", "Iegult", "Ενσωμάτωση", "التضمين"]),
    (
        "Event name",
        ["ชื่อเหตุการณ์", "Notikuma nosaukums", "Όνομα συμβάντος", "اسم الحدث"],
    ),
    (
        "Expectation vs experience",
        [
            "ความคาดหวังเทียบกับประสบการณ์",
            "Gaidas pret pieredzi",
            "Προσδοκία έναντι εμπειρίας",
            "التوقعات مقابل التجربة",
        ],
    ),
    (
        "Expectation vs experience · n = {n}",
        [
            "ความคาดหวังเทียบกับประสบการณ์ · n = {n}",
            "Gaidas pret pieredzi · n = {n}",
            "Προσδοκία έναντι εμπειρίας · n = {n}",
            "التوقعات مقابل التجربة · \u{2066}n = {n}\u{2069}",
        ],
    ),
    ("Expected", ["คาดหวัง", "Gaidīts", "Αναμενόμενο", "المتوقع"]),
    (
        "Experience minus expectation, per dimension: {description}",
        [
            "ประสบการณ์ลบความคาดหวัง แยกตามมิติ: {description}",
            "Pieredze mīnus gaidas pa dimensijām: {description}",
            "Εμπειρία μείον προσδοκία, ανά διάσταση: {description}",
            "التجربة ناقص التوقع لكل بُعد: {description}",
        ],
    ),
    ("Experienced", ["ได้รับจริง", "Piedzīvots", "Βιωμένο", "الفعلي"]),
    (
        "Export CSV",
        ["ส่งออก CSV", "Eksportēt CSV", "Εξαγωγή CSV", "تصدير CSV"],
    ),
    (
        "Export NDJSON",
        [
            "ส่งออก NDJSON",
            "Eksportēt NDJSON",
            "Εξαγωγή NDJSON",
            "تصدير NDJSON",
        ],
    ),
    ("Faces", ["ใบหน้า", "Sejiņas", "Φατσούλες", "وجوه"]),
    (
        "Feedback tab",
        [
            "แท็บความคิดเห็น",
            "Atsauksmju cilne",
            "Καρτέλα σχολίων",
            "تبويب الملاحظات",
        ],
    ),
    (
        "Fell short on {dimension}",
        [
            "ต่ำกว่าที่คาดด้าน {dimension}",
            "Neattaisnoja gaidas: {dimension}",
            "Υστέρησε σε: {dimension}",
            "دون التوقعات في: {dimension}",
        ],
    ),
    ("Figures", ["ตัวเลข", "Rādītāji", "Μεγέθη", "الأرقام"]),
    (
        "Filter responses",
        [
            "กรองคำตอบ",
            "Filtrēt atbildes",
            "Φιλτράρισμα απαντήσεων",
            "تصفية الردود",
        ],
    ),
    (
        "From {low} low-rated and {high} high-rated comments; choose one to filter.",
        [
            "จากความคิดเห็นคะแนนต่ำ {low} รายการและคะแนนสูง {high} รายการ เลือกคำเพื่อกรอง",
            "No {low} zemi un {high} augsti vērtētiem komentāriem; izvēlieties vārdu, lai filtrētu.",
            "Από {low} σχόλια με χαμηλή και {high} με υψηλή βαθμολογία· επιλέξτε μία λέξη για φιλτράρισμα.",
            "من {low} تعليقات منخفضة التقييم و{high} مرتفعة التقييم؛ يمكن اختيار كلمة للتصفية.",
        ],
    ),
    (
        "Gap (95% CI)",
        [
            "ส่วนต่าง (ช่วงความเชื่อมั่น 95%)",
            "Starpība (95% TI)",
            "Απόκλιση (95% ΔΕ)",
            "الفجوة (فاصل ثقة 95%)",
        ],
    ),
    ("Id", ["รหัส", "Identifikators", "Αναγνωριστικό", "المعرّف"]),
    (
        "In the page",
        ["ในหน้าเว็บ", "Lapā", "Μέσα στη σελίδα", "داخل الصفحة"],
    ),
    ("Language", ["ภาษา", "Valoda", "Γλώσσα", "اللغة"]),
    (
        "Last 30 days",
        [
            "30 วันล่าสุด",
            "Pēdējās 30 dienas",
            "Τελευταίες 30 ημέρες",
            "آخر 30 يومًا",
        ],
    ),
    (
        "Last 7 days",
        [
            "7 วันล่าสุด",
            "Pēdējās 7 dienas",
            "Τελευταίες 7 ημέρες",
            "آخر 7 أيام",
        ],
    ),
    (
        "Last 90 days",
        [
            "90 วันล่าสุด",
            "Pēdējās 90 dienas",
            "Τελευταίες 90 ημέρες",
            "آخر 90 يومًا",
        ],
    ),
    (
        "Load older responses",
        [
            "โหลดคำตอบที่เก่ากว่า",
            "Ielādēt vecākas atbildes",
            "Φόρτωση παλαιότερων απαντήσεων",
            "تحميل ردود أقدم",
        ],
    ),
    (
        "Loading figures…",
        [
            "กำลังโหลดตัวเลข…",
            "Ielādē rādītājus…",
            "Φόρτωση μεγεθών…",
            "جارٍ تحميل الأرقام…",
        ],
    ),
    (
        "Loading surveys…",
        [
            "กำลังโหลดแบบสำรวจ…",
            "Ielādē aptaujas…",
            "Φόρτωση ερευνών…",
            "جارٍ تحميل الاستبيانات…",
        ],
    ),
    ("Loading…", ["กำลังโหลด…", "Ielādē…", "Φόρτωση…", "جارٍ التحميل…"]),
    (
        "Met or exceeded",
        [
            "ตรงหรือเกินความคาดหวัง",
            "Atbilda vai pārspēja",
            "Καλύφθηκε ή ξεπεράστηκε",
            "حُقّقت أو تُجووزت",
        ],
    ),
    (
        "Minimum sample before figures are public",
        [
            "จำนวนคำตอบขั้นต่ำก่อนเปิดเผยตัวเลข",
            "Minimālā izlase, pirms rādītāji ir publiski",
            "Ελάχιστο δείγμα πριν τη δημοσιοποίηση των μεγεθών",
            "الحد الأدنى للعينة قبل نشر الأرقام",
        ],
    ),
    (
        "Move question {n} down",
        [
            "ย้ายคำถามที่ {n} ลง",
            "Pārvietot {n}. jautājumu uz leju",
            "Μετακίνηση της ερώτησης {n} κάτω",
            "نقل السؤال {n} إلى الأسفل",
        ],
    ),
    (
        "Move question {n} up",
        [
            "ย้ายคำถามที่ {n} ขึ้น",
            "Pārvietot {n}. jautājumu uz augšu",
            "Μετακίνηση της ερώτησης {n} πάνω",
            "نقل السؤال {n} إلى الأعلى",
        ],
    ),
    (
        "NPS {score} ({low} to {high}) · n = {n}",
        [
            "NPS {score} ({low} ถึง {high}) · n = {n}",
            "NPS {score} (no {low} līdz {high}) · n = {n}",
            "NPS {score} ({low} έως {high}) · n = {n}",
            "NPS {score} (من {low} إلى {high}) · \u{2066}n = {n}\u{2069}",
        ],
    ),
    ("Name", ["ชื่อ", "Vārds", "Όνομα", "الاسم"]),
    (
        "New question",
        ["คำถามใหม่", "Jauns jautājums", "Νέα ερώτηση", "سؤال جديد"],
    ),
    (
        "New survey",
        ["แบบสำรวจใหม่", "Jauna aptauja", "Νέα έρευνα", "استبيان جديد"],
    ),
    (
        "No answers yet",
        [
            "ยังไม่มีคำตอบ",
            "Vēl nav atbilžu",
            "Καμία απάντηση ακόμη",
            "لا توجد إجابات بعد",
        ],
    ),
    (
        "No such survey.",
        [
            "ไม่พบแบบสำรวจนี้",
            "Tādas aptaujas nav.",
            "Δεν υπάρχει τέτοια έρευνα.",
            "لا يوجد استبيان بهذا المعرّف.",
        ],
    ),
    (
        "No word stands out yet (low-rated comments: {low}, high-rated comments: {high}).",
        [
            "ยังไม่มีคำที่โดดเด่น (ความคิดเห็นคะแนนต่ำ: {low}, ความคิดเห็นคะแนนสูง: {high})",
            "Vēl neviens vārds neizceļas (zemu vērtēti komentāri: {low}, augstu vērtēti komentāri: {high}).",
            "Καμία λέξη δεν ξεχωρίζει ακόμη (σχόλια με χαμηλή βαθμολογία: {low}, με υψηλή βαθμολογία: {high}).",
            "لا تبرز أي كلمة بعد (تعليقات منخفضة التقييم: {low}، تعليقات مرتفعة التقييم: {high}).",
        ],
    ),
    (
        "Nobody is waiting.",
        [
            "ไม่มีใครรออยู่",
            "Neviens negaida.",
            "Δεν περιμένει κανείς.",
            "لا أحد في الانتظار.",
        ],
    ),
    (
        "Not created: {error}.",
        [
            "สร้างไม่สำเร็จ: {error}",
            "Nav izveidots: {error}.",
            "Δεν δημιουργήθηκε: {error}.",
            "لم يُنشأ: {error}.",
        ],
    ),
    (
        "Not saved: {error}.",
        [
            "บันทึกไม่สำเร็จ: {error}",
            "Nav saglabāts: {error}.",
            "Δεν αποθηκεύτηκε: {error}.",
            "لم يُحفظ: {error}.",
        ],
    ),
    ("Now", ["ตอนนี้", "Tagad", "Τώρα", "الآن"]),
    ("Numbers", ["ตัวเลข", "Skaitļi", "Αριθμοί", "أرقام"]),
    (
        "the survey is not open now",
        [
            "แบบสำรวจยังไม่เปิดหรือปิดแล้ว",
            "aptauja pašlaik nav atvērta",
            "η έρευνα δεν είναι ανοιχτή τώρα",
            "الاستبيان غير متاح الآن",
        ],
    ),
    (
        "Who sees it",
        ["ใครจะเห็น", "Kas to redz", "Ποιοι τη βλέπουν", "من يراه"],
    ),
    (
        "Offer it with the site-wide script, on the pages below",
        [
            "แสดงผ่านสคริปต์ของทั้งเว็บไซต์ ในหน้าด้านล่าง",
            "Piedāvāt ar visas vietnes skriptu zemāk norādītajās lapās",
            "Να προσφέρεται με το σενάριο όλου του ιστότοπου, στις παρακάτω σελίδες",
            "عرضه عبر برنامج الموقع كله، في الصفحات أدناه",
        ],
    ),
    (
        "Only on these pages (one per line; * for any part)",
        [
            "เฉพาะหน้าเหล่านี้ (บรรทัดละหนึ่งหน้า; * แทนส่วนใดก็ได้)",
            "Tikai šajās lapās (pa vienai rindā; * nozīmē jebkuru daļu)",
            "Μόνο σε αυτές τις σελίδες (μία ανά γραμμή· * για οποιοδήποτε τμήμα)",
            "في هذه الصفحات فقط (صفحة في كل سطر؛ * لأي جزء)",
        ],
    ),
    (
        "Never on these pages",
        [
            "ไม่แสดงในหน้าเหล่านี้",
            "Nekad šajās lapās",
            "Ποτέ σε αυτές τις σελίδες",
            "ليس في هذه الصفحات أبدًا",
        ],
    ),
    (
        "Opens (UTC)",
        ["เปิด (UTC)", "Atveras (UTC)", "Ανοίγει (UTC)", "يبدأ (UTC)"],
    ),
    (
        "Closes (UTC)",
        ["ปิด (UTC)", "Aizveras (UTC)", "Κλείνει (UTC)", "ينتهي (UTC)"],
    ),
    (
        "Only identified visitors with (one rule per line: plan = pro, orders >= 3)",
        [
            "เฉพาะผู้เข้าชมที่ระบุตัวตนแล้วซึ่งมี (บรรทัดละหนึ่งกฎ: plan = pro, orders >= 3)",
            "Tikai identificētiem apmeklētājiem, kuriem (pa vienam nosacījumam rindā: plan = pro, orders >= 3)",
            "Μόνο σε ταυτοποιημένους επισκέπτες με (ένας κανόνας ανά γραμμή: plan = pro, orders >= 3)",
            "للزوار المعرَّفين فقط ممن لديهم (قاعدة واحدة في كل سطر: plan = pro، orders >= 3)",
        ],
    ),
    (
        "“{rule}” is not an audience rule: write one such as plan = pro or orders >= 3.",
        [
            "“{rule}” ไม่ใช่กฎของกลุ่มเป้าหมาย: เขียนเช่น plan = pro หรือ orders >= 3",
            "“{rule}” nav mērķauditorijas nosacījums: rakstiet, piemēram, plan = pro vai orders >= 3.",
            "Το «{rule}» δεν είναι κανόνας κοινού: γράψτε έναν όπως plan = pro ή orders >= 3.",
            "«{rule}» ليست قاعدة جمهور: اكتب قاعدة مثل plan = pro أو orders >= 3.",
        ],
    ),
    (
        "{attribute} is {value}",
        [
            "{attribute} เป็น {value}",
            "{attribute} ir {value}",
            "{attribute} είναι {value}",
            "{attribute} هو {value}",
        ],
    ),
    (
        "{attribute} is not {value}",
        [
            "{attribute} ไม่ใช่ {value}",
            "{attribute} nav {value}",
            "{attribute} δεν είναι {value}",
            "{attribute} ليس {value}",
        ],
    ),
    (
        "{attribute} at least {value}",
        [
            "{attribute} อย่างน้อย {value}",
            "{attribute} vismaz {value}",
            "{attribute} τουλάχιστον {value}",
            "{attribute} على الأقل {value}",
        ],
    ),
    (
        "{attribute} at most {value}",
        [
            "{attribute} ไม่เกิน {value}",
            "{attribute} ne vairāk kā {value}",
            "{attribute} το πολύ {value}",
            "{attribute} على الأكثر {value}",
        ],
    ),
    (
        "Ask again after an answer (days)",
        [
            "ถามอีกครั้งหลังได้คำตอบ (วัน)",
            "Jautāt atkal pēc atbildes (dienas)",
            "Νέα ερώτηση μετά από απάντηση (ημέρες)",
            "السؤال مجددًا بعد الإجابة (أيام)",
        ],
    ),
    (
        "Ask again after a dismissal (days)",
        [
            "ถามอีกครั้งหลังถูกปิด (วัน)",
            "Jautāt atkal pēc aizvēršanas (dienas)",
            "Νέα ερώτηση μετά από κλείσιμο (ημέρες)",
            "السؤال مجددًا بعد الإغلاق (أيام)",
        ],
    ),
    (
        "{days} before asking again",
        [
            "{days} ก่อนถามอีกครั้ง",
            "{days} līdz nākamajam jautājumam",
            "{days} έως την επόμενη ερώτηση",
            "{days} قبل السؤال مرة أخرى",
        ],
    ),
    (
        "Closes after this many responses",
        [
            "ปิดเมื่อได้คำตอบครบจำนวนนี้",
            "Aizveras pēc šāda atbilžu skaita",
            "Κλείνει μετά από τόσες απαντήσεις",
            "ينتهي بعد هذا العدد من الردود",
        ],
    ),
    (
        "“{rule}” is not a page rule: write a path such as /orders/*.",
        [
            "“{rule}” ไม่ใช่กฎของหน้า: เขียนเส้นทาง เช่น /orders/*",
            "“{rule}” nav lapas noteikums: rakstiet ceļu, piemēram, /orders/*.",
            "Το «{rule}» δεν είναι κανόνας σελίδας: γράψτε μια διαδρομή όπως /orders/*.",
            "«{rule}» ليست قاعدة صفحة: اكتب مسارًا مثل /orders/*.",
        ],
    ),
    (
        "Only where a page names it",
        [
            "เฉพาะในหน้าที่ระบุแบบสำรวจนี้",
            "Tikai lapās, kas to norāda",
            "Μόνο όπου μια σελίδα την ορίζει",
            "فقط حيث تحدده الصفحة",
        ],
    ),
    (
        "On every page",
        ["ในทุกหน้า", "Visās lapās", "Σε κάθε σελίδα", "في كل الصفحات"],
    ),
    (
        "On {pages}",
        [
            "ในหน้า {pages}",
            "Lapās {pages}",
            "Στις σελίδες {pages}",
            "في الصفحات {pages}",
        ],
    ),
    (
        "not on {pages}",
        [
            "ยกเว้น {pages}",
            "izņemot {pages}",
            "εκτός από {pages}",
            "باستثناء {pages}",
        ],
    ),
    (
        "from page view {count} of a visit",
        [
            "ตั้งแต่การเปิดหน้าครั้งที่ {count} ของการเข้าชม",
            "no {count}. lapas skatījuma apmeklējumā",
            "από την προβολή σελίδας {count} της επίσκεψης",
            "من مشاهدة الصفحة رقم {count} في الزيارة",
        ],
    ),
    (
        "when {selector} is clicked",
        [
            "เมื่อคลิก {selector}",
            "kad noklikšķina uz {selector}",
            "όταν πατηθεί το {selector}",
            "عند النقر على {selector}",
        ],
    ),
    (
        "{percent} of visitors",
        [
            "{percent} ของผู้เข้าชม",
            "{percent} apmeklētāju",
            "το {percent} των επισκεπτών",
            "{percent} من الزوار",
        ],
    ),
    (
        "from {time}",
        ["ตั้งแต่ {time}", "no {time}", "από {time}", "من {time}"],
    ),
    (
        "until {time}",
        ["จนถึง {time}", "līdz {time}", "έως {time}", "حتى {time}"],
    ),
    (
        "closes at {responses}",
        [
            "ปิดเมื่อได้ {responses}",
            "aizveras pie {responses}",
            "κλείνει στις {responses}",
            "ينتهي عند {responses}",
        ],
    ),
    (
        "On a click",
        ["เมื่อคลิกองค์ประกอบ", "Pēc klikšķa", "Με ένα κλικ", "عند النقر"],
    ),
    (
        "On a later page view",
        [
            "เมื่อเปิดหน้าถึงครั้งที่กำหนด",
            "Pēc vairākiem lapas skatījumiem",
            "Μετά από αρκετές προβολές σελίδας",
            "بعد عدد من مشاهدات الصفحة",
        ],
    ),
    (
        "Element clicked (CSS selector)",
        [
            "องค์ประกอบที่คลิก (ตัวเลือก CSS)",
            "Noklikšķinātais elements (CSS selektors)",
            "Στοιχείο που πατήθηκε (επιλογέας CSS)",
            "العنصر الذي يُنقر (محدِّد CSS)",
        ],
    ),
    (
        "Page view in the visit",
        [
            "ลำดับการเปิดหน้าในการเข้าชม",
            "Lapas skatījums apmeklējumā pēc kārtas",
            "Προβολή σελίδας της επίσκεψης",
            "ترتيب مشاهدة الصفحة في الزيارة",
        ],
    ),
    (
        "On a page event",
        [
            "เมื่อเกิดเหตุการณ์ในหน้า",
            "Pēc lapas notikuma",
            "Σε συμβάν της σελίδας",
            "عند حدث في الصفحة",
        ],
    ),
    (
        "On exit intent",
        [
            "เมื่อผู้ใช้กำลังจะออกจากหน้า",
            "Kad apmeklētājs grasās aiziet",
            "Όταν ο επισκέπτης ετοιμάζεται να φύγει",
            "عند نية المغادرة",
        ],
    ),
    (
        "One choice of several",
        [
            "เลือกหนึ่งข้อจากหลายข้อ",
            "Viena izvēle no vairākām",
            "Μία επιλογή από πολλές",
            "خيار واحد من عدة خيارات",
        ],
    ),
    (
        "Only through Candor.show()",
        [
            "ผ่าน Candor.show() เท่านั้น",
            "Tikai ar Candor.show()",
            "Μόνο μέσω Candor.show()",
            "فقط عبر Candor.show()",
        ],
    ),
    ("Open", ["เปิดอยู่", "Atvērti", "Ανοιχτά", "مفتوحة"]),
    (
        "Option {n}",
        ["ตัวเลือกที่ {n}", "{n}. variants", "Επιλογή {n}", "الخيار {n}"],
    ),
    ("Page", ["หน้า", "Lapa", "Σελίδα", "الصفحة"]),
    (
        "Panel from the side",
        [
            "แผงจากด้านข้าง",
            "Panelis no malas",
            "Πλαίσιο από το πλάι",
            "لوحة من الجانب",
        ],
    ),
    (
        "Percent of the page",
        [
            "เปอร์เซ็นต์ของหน้า",
            "Lapas procenti",
            "Ποσοστό της σελίδας",
            "النسبة المئوية من الصفحة",
        ],
    ),
    ("Phone", ["โทรศัพท์", "Tālrunis", "Τηλέφωνο", "الهاتف"]),
    (
        "Preview",
        ["ตัวอย่าง", "Priekšskatījums", "Προεπισκόπηση", "معاينة"],
    ),
    (
        "Promoters {promoters} · passives {passives} · detractors {detractors}",
        [
            "ผู้สนับสนุน {promoters} · ผู้เฉยๆ {passives} · ผู้ไม่สนับสนุน {detractors}",
            "Atbalstītāji {promoters} · pasīvie {passives} · kritiķi {detractors}",
            "Υποστηρικτές {promoters} · ουδέτεροι {passives} · επικριτές {detractors}",
            "المروّجون {promoters} · المحايدون {passives} · المنتقدون {detractors}",
        ],
    ),
    ("Publish", ["เผยแพร่", "Publicēt", "Δημοσίευση", "نشر"]),
    (
        "Published as version {version}.",
        [
            "เผยแพร่เป็นเวอร์ชัน {version} แล้ว",
            "Publicēts kā {version}. versija.",
            "Δημοσιεύτηκε ως έκδοση {version}.",
            "نُشر بوصفه الإصدار {version}.",
        ],
    ),
    ("Question", ["คำถาม", "Jautājums", "Ερώτηση", "سؤال"]),
    (
        "Question {n}: {kind}",
        [
            "คำถามที่ {n}: {kind}",
            "{n}. jautājums: {kind}",
            "Ερώτηση {n}: {kind}",
            "السؤال {n}: {kind}",
        ],
    ),
    (
        "Rated {rating} · ",
        [
            "ให้คะแนน {rating} · ",
            "Vērtējums {rating} · ",
            "Βαθμολογία {rating} · ",
            "التقييم {rating} · ",
        ],
    ),
    ("Rating", ["คะแนน", "Vērtējums", "Βαθμολογία", "التقييم"]),
    ("Ratings", ["คะแนน", "Vērtējumi", "Βαθμολογίες", "التقييمات"]),
    (
        "Recommendation (NPS)",
        [
            "การแนะนำ (NPS)",
            "Ieteikšana (NPS)",
            "Σύσταση (NPS)",
            "التوصية (NPS)",
        ],
    ),
    ("Remove", ["ลบ", "Noņemt", "Αφαίρεση", "إزالة"]),
    (
        "Remove option {n}",
        [
            "ลบตัวเลือกที่ {n}",
            "Noņemt {n}. variantu",
            "Αφαίρεση της επιλογής {n}",
            "إزالة الخيار {n}",
        ],
    ),
    (
        "Remove question {n}",
        [
            "ลบคำถามที่ {n}",
            "Noņemt {n}. jautājumu",
            "Αφαίρεση της ερώτησης {n}",
            "إزالة السؤال {n}",
        ],
    ),
    ("Required", ["จำเป็นต้องตอบ", "Obligāts", "Υποχρεωτική", "إلزامي"]),
    ("Responses", ["คำตอบ", "Atbildes", "Απαντήσεις", "الردود"]),
    (
        "Satisfaction (CSAT)",
        [
            "ความพึงพอใจ (CSAT)",
            "Apmierinātība (CSAT)",
            "Ικανοποίηση (CSAT)",
            "الرضا (CSAT)",
        ],
    ),
    (
        "Save draft",
        [
            "บันทึกฉบับร่าง",
            "Saglabāt melnrakstu",
            "Αποθήκευση πρόχειρου",
            "حفظ المسودة",
        ],
    ),
    ("Scale", ["มาตรวัด", "Skala", "Κλίμακα", "المقياس"]),
    ("Scores", ["คะแนน", "Punkti", "Βαθμοί", "الدرجات"]),
    ("Seconds", ["วินาที", "Sekundes", "Δευτερόλεπτα", "الثواني"]),
    (
        "Share of visitors asked (%)",
        [
            "สัดส่วนผู้เยี่ยมชมที่ถูกถาม (%)",
            "Aptaujāto apmeklētāju daļa (%)",
            "Ποσοστό επισκεπτών που ερωτώνται (%)",
            "نسبة الزوار الذين يُسألون (%)",
        ],
    ),
    ("Show", ["แสดง", "Rādīt", "Εμφάνιση", "عرض"]),
    (
        "Show aggregates to respondents and on snapshots",
        [
            "แสดงผลรวมแก่ผู้ตอบและในสรุปผล",
            "Rādīt kopsavilkumus respondentiem un momentuzņēmumos",
            "Εμφάνιση συγκεντρωτικών στους ερωτώμενους και στα στιγμιότυπα",
            "عرض النتائج المجمّعة للمجيبين وفي اللقطات",
        ],
    ),
    (
        "Show all responses",
        [
            "แสดงคำตอบทั้งหมด",
            "Rādīt visas atbildes",
            "Εμφάνιση όλων των απαντήσεων",
            "عرض كل الردود",
        ],
    ),
    ("Sign in", ["เข้าสู่ระบบ", "Pieteikties", "Σύνδεση", "تسجيل الدخول"]),
    (
        "Sign in to the dashboard",
        [
            "เข้าสู่ระบบแดชบอร์ด",
            "Pieteikties informācijas panelī",
            "Σύνδεση στον πίνακα ελέγχου",
            "تسجيل الدخول إلى لوحة المعلومات",
        ],
    ),
    ("Sign out", ["ออกจากระบบ", "Iziet", "Αποσύνδεση", "تسجيل الخروج"]),
    (
        "Signing in…",
        ["กำลังเข้าสู่ระบบ…", "Piesakās…", "Σύνδεση…", "جارٍ تسجيل الدخول…"],
    ),
    ("Stars", ["ดาว", "Zvaigznes", "Αστέρια", "نجوم"]),
    ("Survey", ["แบบสำรวจ", "Aptauja", "Έρευνα", "الاستبيان"]),
    ("Surveys", ["แบบสำรวจ", "Aptaujas", "Έρευνες", "الاستبيانات"]),
    ("Template", ["แม่แบบ", "Veidne", "Πρότυπο", "القالب"]),
    ("Text", ["ข้อความ", "Teksts", "Κείμενο", "النص"]),
    (
        "That is not the admin token.",
        [
            "นี่ไม่ใช่โทเค็นผู้ดูแลระบบ",
            "Tas nav administratora marķieris.",
            "Αυτό δεν είναι το διακριτικό διαχειριστή.",
            "هذا ليس رمز المسؤول.",
        ],
    ),
    (
        "The browser refused the download.",
        [
            "เบราว์เซอร์ปฏิเสธการดาวน์โหลด",
            "Pārlūks atteica lejupielādi.",
            "Το πρόγραμμα περιήγησης αρνήθηκε τη λήψη.",
            "رفض المتصفح التنزيل.",
        ],
    ),
    (
        "The collector writes it to a file at its first start (data/admin-token unless set otherwise), or reads it from CANDOR_ADMIN_TOKEN.",
        [
            "ตัวรวบรวมเขียนโทเค็นนี้ลงไฟล์เมื่อเริ่มทำงานครั้งแรก (data/admin-token หากไม่ได้กำหนดไว้เป็นอย่างอื่น) หรืออ่านจาก CANDOR_ADMIN_TOKEN",
            "Savācējs to pirmajā palaišanas reizē ieraksta failā (data/admin-token, ja nav norādīts cits) vai nolasa no CANDOR_ADMIN_TOKEN.",
            "Ο συλλέκτης το γράφει σε αρχείο στην πρώτη εκκίνηση (data/admin-token, αν δεν οριστεί άλλο) ή το διαβάζει από το CANDOR_ADMIN_TOKEN.",
            "يكتبه المُجمِّع في ملف عند تشغيله أول مرة (data/admin-token ما لم يُحدَّد غيره)، أو يقرؤه من CANDOR_ADMIN_TOKEN.",
        ],
    ),
    ("Title", ["ชื่อเรื่อง", "Nosaukums", "Τίτλος", "العنوان"]),
    ("Trigger", ["ตัวกระตุ้น", "Palaišana", "Ενεργοποίηση", "المُشغِّل"]),
    ("Version", ["เวอร์ชัน", "Versija", "Έκδοση", "الإصدار"]),
    (
        "Where and when",
        ["ที่ไหนและเมื่อไร", "Kur un kad", "Πού και πότε", "أين ومتى"],
    ),
    ("Window", ["ช่วงเวลา", "Periods", "Διάστημα", "الفترة"]),
    ("Words", ["คำ", "Vārdi", "Λέξεις", "الكلمات"]),
    (
        "Words typical of low-rated comments",
        [
            "คำที่พบบ่อยในความคิดเห็นคะแนนต่ำ",
            "Zemi vērtētiem komentāriem raksturīgi vārdi",
            "Λέξεις χαρακτηριστικές των σχολίων με χαμηλή βαθμολογία",
            "كلمات مميِّزة للتعليقات منخفضة التقييم",
        ],
    ),
    ("Yes or no", ["ใช่หรือไม่ใช่", "Jā vai nē", "Ναι ή όχι", "نعم أو لا"]),
    ("agreeing", ["เห็นด้วย", "piekrīt", "συμφωνούν", "الموافقون"]),
    (
        "as expected",
        ["ตามที่คาด", "kā gaidīts", "όπως αναμενόταν", "كما هو متوقع"],
    ),
    (
        "blank (build it from scratch)",
        [
            "ว่างเปล่า (สร้างเองตั้งแต่ต้น)",
            "tukša (veidot no nulles)",
            "κενό (δημιουργία από την αρχή)",
            "فارغ (إنشاء من الصفر)",
        ],
    ),
    ("detractors", ["ผู้ไม่สนับสนุน", "kritiķi", "επικριτές", "المنتقدون"]),
    (
        "language {locale}",
        [
            "ภาษา {locale}",
            "valoda {locale}",
            "γλώσσα {locale}",
            "اللغة {locale}",
        ],
    ),
    ("mean", ["ค่าเฉลี่ย", "vidējais", "μέσος όρος", "المتوسط"]),
    (
        "mean gap",
        ["ส่วนต่างเฉลี่ย", "vidējā starpība", "μέση απόκλιση", "متوسط الفجوة"],
    ),
    (
        "mean gap {gap}",
        [
            "ส่วนต่างเฉลี่ย {gap}",
            "vidējā starpība {gap}",
            "μέση απόκλιση {gap}",
            "متوسط الفجوة {gap}",
        ],
    ),
    (
        "mean {mean}",
        [
            "ค่าเฉลี่ย {mean}",
            "vidēji {mean}",
            "μέσος όρος {mean}",
            "المتوسط {mean}",
        ],
    ),
    (
        "met or exceeded",
        [
            "ตรงหรือเกินความคาดหวัง",
            "atbilda vai pārspēja",
            "καλύφθηκε ή ξεπεράστηκε",
            "حُقّقت أو تُجووزت",
        ],
    ),
    (
        "page {page}",
        ["หน้า {page}", "lapa {page}", "σελίδα {page}", "الصفحة {page}"],
    ),
    (
        "promoters",
        ["ผู้สนับสนุน", "atbalstītāji", "υποστηρικτές", "المروّجون"],
    ),
    (
        "satisfied",
        ["พึงพอใจ", "apmierināti", "ικανοποιημένοι", "الراضون"],
    ),
    ("yes", ["ใช่", "jā", "ναι", "نعم"]),
    ("{p} only", ["{p} เท่านั้น", "tikai {p}", "μόνο {p}", "{p} فقط"]),
    (
        "{share} found it easy",
        [
            "{share} รู้สึกว่าง่าย",
            "{share} uzskatīja, ka tas bija viegli",
            "{share} το βρήκαν εύκολο",
            "{share} وجدوه سهلًا",
        ],
    ),
    (
        "{share} found it easy · mean {mean} / 7 · n = {n}",
        [
            "{share} รู้สึกว่าง่าย · ค่าเฉลี่ย {mean} / 7 · n = {n}",
            "{share} uzskatīja, ka tas bija viegli · vidēji {mean} / 7 · n = {n}",
            "{share} το βρήκαν εύκολο · μέσος όρος {mean} / 7 · n = {n}",
            "{share} وجدوه سهلًا · المتوسط \u{2066}{mean} / 7\u{2069} · \u{2066}n = {n}\u{2069}",
        ],
    ),
    (
        "{share} satisfied",
        [
            "{share} พึงพอใจ",
            "{share} apmierināti",
            "{share} ικανοποιημένοι",
            "{share} راضون",
        ],
    ),
    (
        "{share} satisfied · mean {mean} / {points} · n = {n}",
        [
            "{share} พึงพอใจ · ค่าเฉลี่ย {mean} / {points} · n = {n}",
            "{share} apmierināti · vidēji {mean} / {points} · n = {n}",
            "{share} ικανοποιημένοι · μέσος όρος {mean} / {points} · n = {n}",
            "{share} راضون · المتوسط \u{2066}{mean} / {points}\u{2069} · \u{2066}n = {n}\u{2069}",
        ],
    ),
    (
        "{share} yes",
        ["{share} ใช่", "{share} jā", "{share} ναι", "{share} نعم"],
    ),
    (
        "{share} yes · n = {n}",
        [
            "{share} ใช่ · n = {n}",
            "{share} jā · n = {n}",
            "{share} ναι · n = {n}",
            "{share} نعم · \u{2066}n = {n}\u{2069}",
        ],
    ),
    (
        "Comments shown: {shown} · responses loaded: {loaded}",
        [
            "ความคิดเห็นที่แสดง: {shown} · คำตอบที่โหลด: {loaded}",
            "Parādītie komentāri: {shown} · ielādētās atbildes: {loaded}",
            "Σχόλια που εμφανίζονται: {shown} · απαντήσεις που φορτώθηκαν: {loaded}",
            "التعليقات المعروضة: {shown} · الردود المحمّلة: {loaded}",
        ],
    ),
    (
        "← All surveys",
        [
            "← แบบสำรวจทั้งหมด",
            "← Visas aptaujas",
            "← Όλες οι έρευνες",
            "→ كل الاستبيانات",
        ],
    ),
    ("↑ Up", ["↑ ขึ้น", "↑ Augšup", "↑ Πάνω", "↑ لأعلى"]),
    ("↓ Down", ["↓ ลง", "↓ Lejup", "↓ Κάτω", "↓ لأسفل"]),
    (
        "▲ Higher on {day}: {value} against {baseline} over the {days} days before (p = {p}, n = {n})",
        [
            "▲ สูงขึ้นเมื่อ {day}: {value} เทียบกับ {baseline} ใน {days} วันก่อนหน้า (p = {p}, n = {n})",
            "▲ Augstāk {day}: {value} pret {baseline} iepriekšējās {days} dienās (p = {p}, n = {n})",
            "▲ Υψηλότερο στις {day}: {value} έναντι {baseline} τις {days} προηγούμενες ημέρες (p = {p}, n = {n})",
            "▲ أعلى في {day}: {value} مقابل {baseline} في الأيام الـ{days} السابقة (\u{2066}p = {p}\u{2069}، \u{2066}n = {n}\u{2069})",
        ],
    ),
    (
        "▲ Significantly higher {metric}: {previous} → {current} against the window before (p = {p})",
        [
            "▲ {metric} สูงขึ้นอย่างมีนัยสำคัญ: {previous} → {current} เทียบกับช่วงก่อนหน้า (p = {p})",
            "▲ Būtiski augstāks rādītājs „{metric}”: {previous} → {current} salīdzinājumā ar iepriekšējo periodu (p = {p})",
            "▲ Σημαντικά υψηλότερο ({metric}): {previous} → {current} έναντι του προηγούμενου διαστήματος (p = {p})",
            "▲ {metric} أعلى بدلالة: {previous} ← {current} مقارنةً بالفترة السابقة (\u{2066}p = {p}\u{2069})",
        ],
    ),
    (
        "▼ Lower on {day}: {value} against {baseline} over the {days} days before (p = {p}, n = {n})",
        [
            "▼ ต่ำลงเมื่อ {day}: {value} เทียบกับ {baseline} ใน {days} วันก่อนหน้า (p = {p}, n = {n})",
            "▼ Zemāk {day}: {value} pret {baseline} iepriekšējās {days} dienās (p = {p}, n = {n})",
            "▼ Χαμηλότερο στις {day}: {value} έναντι {baseline} τις {days} προηγούμενες ημέρες (p = {p}, n = {n})",
            "▼ أدنى في {day}: {value} مقابل {baseline} في الأيام الـ{days} السابقة (\u{2066}p = {p}\u{2069}، \u{2066}n = {n}\u{2069})",
        ],
    ),
    (
        "▼ Significantly lower {metric}: {previous} → {current} against the window before (p = {p})",
        [
            "▼ {metric} ต่ำลงอย่างมีนัยสำคัญ: {previous} → {current} เทียบกับช่วงก่อนหน้า (p = {p})",
            "▼ Būtiski zemāks rādītājs „{metric}”: {previous} → {current} salīdzinājumā ar iepriekšējo periodu (p = {p})",
            "▼ Σημαντικά χαμηλότερο ({metric}): {previous} → {current} έναντι του προηγούμενου διαστήματος (p = {p})",
            "▼ {metric} أدنى بدلالة: {previous} ← {current} مقارنةً بالفترة السابقة (\u{2066}p = {p}\u{2069})",
        ],
    ),
    ("● Live", ["● สด", "● Tiešraide", "● Ζωντανά", "● مباشر"]),
    // The editor's logic.
    (
        "A nested condition, kept as written.",
        [
            "เงื่อนไขซ้อน เก็บไว้ตามที่เขียน",
            "Ligzdots nosacījums, saglabāts, kā uzrakstīts.",
            "Εμφωλευμένη συνθήκη, διατηρείται όπως γράφτηκε.",
            "شرط متداخل، محفوظ كما كُتب.",
        ],
    ),
    (
        "Add condition",
        [
            "เพิ่มเงื่อนไข",
            "Pievienot nosacījumu",
            "Προσθήκη συνθήκης",
            "إضافة شرط",
        ],
    ),
    (
        "Add jump",
        [
            "เพิ่มการข้าม",
            "Pievienot pāreju",
            "Προσθήκη μετάβασης",
            "إضافة انتقال",
        ],
    ),
    (
        "After this question",
        [
            "หลังจากคำถามนี้",
            "Pēc šī jautājuma",
            "Μετά από αυτή την ερώτηση",
            "بعد هذا السؤال",
        ],
    ),
    ("Always", ["ทุกครั้ง", "Vienmēr", "Πάντα", "دائمًا"]),
    (
        "Ask this question",
        [
            "ถามคำถามนี้",
            "Uzdot šo jautājumu",
            "Να γίνεται αυτή η ερώτηση",
            "اطرح هذا السؤال",
        ],
    ),
    (
        "Condition {n}",
        ["เงื่อนไข {n}", "Nosacījums {n}", "Συνθήκη {n}", "الشرط {n}"],
    ),
    (
        "Jump {n}",
        ["การข้าม {n}", "Pāreja {n}", "Μετάβαση {n}", "الانتقال {n}"],
    ),
    ("No", ["ไม่ใช่", "Nē", "Όχι", "لا"]),
    (
        "Only when all of these hold",
        [
            "เฉพาะเมื่อตรงทุกเงื่อนไขต่อไปนี้",
            "Tikai tad, ja izpildās visi šie nosacījumi",
            "Μόνο όταν ισχύουν όλα αυτά",
            "فقط عندما تتحقق كل هذه الشروط",
        ],
    ),
    (
        "Only when any of these holds",
        [
            "เฉพาะเมื่อตรงเงื่อนไขใดเงื่อนไขหนึ่งต่อไปนี้",
            "Tikai tad, ja izpildās kāds no šiem nosacījumiem",
            "Μόνο όταν ισχύει οποιοδήποτε από αυτά",
            "فقط عندما يتحقق أيٌّ من هذه الشروط",
        ],
    ),
    (
        "Remove condition {n}",
        [
            "นำเงื่อนไข {n} ออก",
            "Noņemt nosacījumu {n}",
            "Αφαίρεση συνθήκης {n}",
            "إزالة الشرط {n}",
        ],
    ),
    (
        "Remove jump {n}",
        [
            "นำการข้าม {n} ออก",
            "Noņemt pāreju {n}",
            "Αφαίρεση μετάβασης {n}",
            "إزالة الانتقال {n}",
        ],
    ),
    (
        "Values, separated by commas",
        [
            "ค่าต่าง ๆ คั่นด้วยจุลภาค",
            "Vērtības, atdalītas ar komatiem",
            "Τιμές, χωρισμένες με κόμματα",
            "قيم مفصولة بفواصل",
        ],
    ),
    ("Yes", ["ใช่", "Jā", "Ναι", "نعم"]),
    (
        "comparison",
        ["การเปรียบเทียบ", "salīdzinājums", "σύγκριση", "المقارنة"],
    ),
    ("go to", ["ไปที่", "pāriet uz", "μετάβαση σε", "انتقل إلى"]),
    ("is", ["เป็น", "ir", "είναι", "يساوي"]),
    (
        "is answered",
        ["ได้รับคำตอบแล้ว", "ir atbildēts", "έχει απαντηθεί", "تمت الإجابة عنه"],
    ),
    (
        "is at least",
        ["อย่างน้อย", "ir vismaz", "είναι τουλάχιστον", "لا يقل عن"],
    ),
    (
        "is at most",
        ["ไม่เกิน", "ir ne vairāk kā", "είναι το πολύ", "لا يزيد على"],
    ),
    (
        "is not answered",
        [
            "ยังไม่ได้รับคำตอบ",
            "nav atbildēts",
            "δεν έχει απαντηθεί",
            "لم تتم الإجابة عنه",
        ],
    ),
    (
        "is one of",
        ["เป็นหนึ่งใน", "ir viens no", "είναι ένα από", "يساوي أحد"],
    ),
    ("question", ["คำถาม", "jautājums", "ερώτηση", "السؤال"]),
    (
        "the end",
        ["จบแบบสำรวจ", "aptaujas beigas", "το τέλος", "النهاية"],
    ),
    ("value", ["ค่า", "vērtība", "τιμή", "القيمة"]),
    (
        "This condition reads a question that is no longer asked before it: remove it, or move the question back.",
        [
            "เงื่อนไขนี้อ้างถึงคำถามที่ไม่ได้อยู่ก่อนหน้าแล้ว: นำเงื่อนไขออก หรือย้ายคำถามกลับไป",
            "Šis nosacījums attiecas uz jautājumu, kas vairs netiek uzdots pirms tā: noņemiet to vai pārvietojiet jautājumu atpakaļ.",
            "Αυτή η συνθήκη αφορά μια ερώτηση που δεν τίθεται πια πριν από αυτήν: αφαιρέστε τη ή μετακινήστε την ερώτηση πίσω.",
            "يعتمد هذا الشرط على سؤال لم يعد يُطرح قبله: يُرجى حذفه أو إعادة السؤال إلى مكانه.",
        ],
    ),
    (
        "Add statement",
        [
            "เพิ่มข้อความ",
            "Pievienot apgalvojumu",
            "Προσθήκη δήλωσης",
            "إضافة عبارة",
        ],
    ),
    (
        "Agree (95% CI)",
        [
            "เห็นด้วย (ช่วงความเชื่อมั่น 95%)",
            "Piekrīt (95% TI)",
            "Συμφωνούν (95% ΔΕ)",
            "موافقون (فاصل ثقة 95%)",
        ],
    ),
    (
        "Agreement with statements (Likert)",
        [
            "ระดับความเห็นด้วยกับข้อความ (ลิเคิร์ต)",
            "Piekrišana apgalvojumiem (Likerta skala)",
            "Συμφωνία με δηλώσεις (Likert)",
            "الموافقة على العبارات (مقياس ليكرت)",
        ],
    ),
    (
        "Agreement · n = {n}",
        [
            "ระดับความเห็นด้วย · n = {n}",
            "Piekrišana · n = {n}",
            "Συμφωνία · n = {n}",
            "الموافقة · \u{2066}n = {n}\u{2069}",
        ],
    ),
    (
        "Any number",
        ["ไม่จำกัด", "Jebkurš skaits", "Οποιοσδήποτε αριθμός", "أي عدد"],
    ),
    (
        "Fewest choices",
        [
            "เลือกอย่างน้อย",
            "Mazākais izvēļu skaits",
            "Ελάχιστες επιλογές",
            "أقل عدد من الاختيارات",
        ],
    ),
    (
        "Mean (95% CI)",
        [
            "ค่าเฉลี่ย (ช่วงความเชื่อมั่น 95%)",
            "Vidējais (95% TI)",
            "Μέσος όρος (95% ΔΕ)",
            "المتوسط (فاصل ثقة 95%)",
        ],
    ),
    (
        "Most choices",
        [
            "เลือกได้มากที่สุด",
            "Lielākais izvēļu skaits",
            "Μέγιστες επιλογές",
            "أكبر عدد من الاختيارات",
        ],
    ),
    (
        "Offer “Other” with the respondent’s own words",
        [
            "มีตัวเลือก “อื่น ๆ” ให้ผู้ตอบระบุเอง",
            "Piedāvāt “Cits” ar respondenta paša vārdiem",
            "Επιλογή «Άλλο» με τα λόγια του ερωτώμενου",
            "إتاحة خيار «غير ذلك» بكلمات المجيب نفسه",
        ],
    ),
    ("Other", ["อื่น ๆ", "Cits", "Άλλο", "غير ذلك"]),
    (
        "Remove statement {n}",
        [
            "ลบข้อความที่ {n}",
            "Noņemt {n}. apgalvojumu",
            "Αφαίρεση της δήλωσης {n}",
            "إزالة العبارة {n}",
        ],
    ),
    (
        "Several choices (checkboxes)",
        [
            "เลือกได้หลายข้อ (ช่องทำเครื่องหมาย)",
            "Vairākas izvēles (izvēles rūtiņas)",
            "Πολλαπλές επιλογές (πλαίσια ελέγχου)",
            "اختيارات متعددة (مربعات اختيار)",
        ],
    ),
    ("Statement", ["ข้อความ", "Apgalvojums", "Δήλωση", "العبارة"]),
    (
        "Statement {n}",
        ["ข้อความที่ {n}", "{n}. apgalvojums", "Δήλωση {n}", "العبارة {n}"],
    ),
    ("includes", ["มี", "ietver", "περιλαμβάνει", "يتضمن"]),
    (
        "includes any of",
        [
            "มีข้อใดข้อหนึ่งใน",
            "ietver kādu no",
            "περιλαμβάνει κάποιο από",
            "يتضمن أيًّا من",
        ],
    ),
    (
        "Most chosen: {option}, {share} · n = {n}",
        [
            "เลือกมากที่สุด: {option}, {share} · n = {n}",
            "Visbiežāk izvēlēts: {option}, {share} · n = {n}",
            "Πιο συχνή επιλογή: {option}, {share} · n = {n}",
            "الأكثر اختيارًا: {option}، {share} · \u{2066}n = {n}\u{2069}",
        ],
    ),
    (
        "Each respondent may choose several, so the shares add up to more than 100%.",
        [
            "ผู้ตอบแต่ละคนเลือกได้หลายข้อ สัดส่วนรวมกันจึงเกิน 100%",
            "Katrs respondents var izvēlēties vairākus variantus, tāpēc daļu summa pārsniedz 100%.",
            "Κάθε ερωτώμενος μπορεί να επιλέξει περισσότερα από ένα, οπότε τα ποσοστά αθροίζουν πάνω από 100%.",
            "يمكن لكل مجيب اختيار أكثر من خيار، لذا يتجاوز مجموع النسب 100%.",
        ],
    ),
    (
        "Count unfinished responses (partial saves) in the figures",
        [
            "นับคำตอบที่ยังไม่เสร็จ (บันทึกบางส่วน) ในตัวเลข",
            "Skaitļos ieskaitīt nepabeigtās atbildes (daļējos saglabājumus)",
            "Συμπερίληψη μη ολοκληρωμένων απαντήσεων (μερικές αποθηκεύσεις) στα στοιχεία",
            "احتساب الردود غير المكتملة (الحفظ الجزئي) في الأرقام",
        ],
    ),
    (
        "(not told)",
        ["(ไม่ระบุ)", "(nav norādīts)", "(δεν δηλώθηκε)", "(غير محدد)"],
    ),
    ("Answered", ["ตอบแล้ว", "Atbildēja", "Απάντησαν", "أجابوا"]),
    ("Completed", ["เสร็จสมบูรณ์", "Pabeigtas", "Ολοκληρώθηκαν", "مكتملة"]),
    (
        "Could not load the funnel: {error}.",
        [
            "โหลดข้อมูลช่องทางการตอบไม่สำเร็จ: {error}",
            "Neizdevās ielādēt piltuvi: {error}.",
            "Δεν ήταν δυνατή η φόρτωση της χοάνης: {error}.",
            "تعذّر تحميل مسار الاستجابة: {error}.",
        ],
    ),
    (
        "Left after it",
        [
            "ออกหลังข้อนี้",
            "Pameta pēc tā",
            "Αποχώρησαν μετά από αυτήν",
            "غادروا بعده",
        ],
    ),
    ("Pages", ["หน้า", "Lapas", "Σελίδες", "الصفحات"]),
    (
        "Response funnel",
        [
            "ช่องทางการตอบแบบสำรวจ",
            "Atbilžu piltuve",
            "Χοάνη απαντήσεων",
            "مسار الاستجابة",
        ],
    ),
    (
        "Response rate",
        [
            "อัตราการตอบ",
            "Atbilžu īpatsvars",
            "Ποσοστό απόκρισης",
            "معدل الاستجابة",
        ],
    ),
    (
        "Response rate {rate} · start rate {start}",
        [
            "อัตราการตอบ {rate} · อัตราการเริ่มตอบ {start}",
            "Atbilžu īpatsvars {rate} · sākšanas īpatsvars {start}",
            "Ποσοστό απόκρισης {rate} · ποσοστό έναρξης {start}",
            "معدل الاستجابة {rate} · معدل البدء {start}",
        ],
    ),
    ("Shown", ["แสดงแล้ว", "Parādīta", "Εμφανίστηκε", "عُرض"]),
    (
        "Shown {shown} · started {started} · completed {completed} · dismissed {dismissed} · unfinished {unfinished}",
        [
            "แสดง {shown} · เริ่มตอบ {started} · ตอบเสร็จ {completed} · ปิด {dismissed} · ยังไม่เสร็จ {unfinished}",
            "Parādīta: {shown} · sākta: {started} · pabeigta: {completed} · aizvērta: {dismissed} · nepabeigta: {unfinished}",
            "Εμφανίστηκε: {shown} · ξεκίνησε: {started} · ολοκληρώθηκε: {completed} · απορρίφθηκε: {dismissed} · μη ολοκληρωμένες: {unfinished}",
            "عُرض: {shown} · بدأ: {started} · اكتمل: {completed} · أُغلق: {dismissed} · غير مكتمل: {unfinished}",
        ],
    ),
    (
        "Where respondents stopped",
        [
            "ผู้ตอบหยุดที่ใด",
            "Kur respondenti apstājās",
            "Πού σταμάτησαν οι ερωτώμενοι",
            "أين توقف المجيبون",
        ],
    ),
    (
        "In the window",
        ["ในช่วงเวลานี้", "Periodā", "Στο διάστημα", "في الفترة"],
    ),
    (
        "Open contact requests",
        [
            "คำขอให้ติดต่อที่ยังเปิดอยู่",
            "Atvērtie saziņas pieprasījumi",
            "Ανοιχτά αιτήματα επικοινωνίας",
            "طلبات التواصل المفتوحة",
        ],
    ),
    ("Trend", ["แนวโน้ม", "Tendence", "Τάση", "الاتجاه"]),
    (
        "{survey}: daily trend of the headline figure",
        [
            "{survey}: แนวโน้มรายวันของตัวเลขหลัก",
            "{survey}: galvenā rādītāja dienas tendence",
            "{survey}: ημερήσια τάση του κύριου δείκτη",
            "{survey}: الاتجاه اليومي للرقم الرئيسي",
        ],
    ),
    (
        " (fewer than {minimum})",
        [
            " (น้อยกว่า {minimum})",
            " (mazāk nekā {minimum})",
            " (λιγότερες από {minimum})",
            " (أقل من {minimum})",
        ],
    ),
    (
        "that is not the admin token",
        [
            "นี่ไม่ใช่โทเค็นผู้ดูแลระบบ",
            "tas nav administratora marķieris",
            "αυτό δεν είναι το διακριτικό διαχειριστή",
            "هذا ليس رمز المسؤول",
        ],
    ),
    (
        "the collector answered {status}",
        [
            "ตัวรวบรวมตอบกลับด้วยรหัส {status}",
            "savācējs atbildēja ar kodu {status}",
            "ο συλλέκτης απάντησε με κωδικό {status}",
            "ردّ المُجمِّع بالرمز {status}",
        ],
    ),
    (
        "the collector did not answer",
        [
            "ตัวรวบรวมไม่ตอบสนอง",
            "savācējs neatbildēja",
            "ο συλλέκτης δεν απάντησε",
            "لم يستجب المُجمِّع",
        ],
    ),
    (
        "the collector's answer could not be read",
        [
            "อ่านคำตอบของตัวรวบรวมไม่ได้",
            "savācēja atbildi neizdevās nolasīt",
            "δεν ήταν δυνατή η ανάγνωση της απάντησης του συλλέκτη",
            "تعذّرت قراءة ردّ المُجمِّع",
        ],
    ),
    (
        "{problem} ({field})",
        [
            "{problem} ({field})",
            "{problem} ({field})",
            "{problem} ({field})",
            "{problem} ({field})",
        ],
    ),
    (
        "the request is not valid JSON",
        [
            "คำขอไม่ใช่ JSON ที่ถูกต้อง",
            "pieprasījums nav derīgs JSON",
            "το αίτημα δεν είναι έγκυρο JSON",
            "الطلب ليس JSON صالحًا",
        ],
    ),
    (
        "a value has the wrong type",
        [
            "ค่ามีชนิดข้อมูลไม่ถูกต้อง",
            "vērtībai ir nepareizs tips",
            "μια τιμή έχει λάθος τύπο",
            "نوع إحدى القيم غير صحيح",
        ],
    ),
    (
        "a number is outside its scale",
        [
            "ตัวเลขอยู่นอกช่วงของมาตรวัด",
            "skaitlis ir ārpus skalas",
            "ένας αριθμός είναι εκτός κλίμακας",
            "رقم خارج نطاق المقياس",
        ],
    ),
    (
        "a text is too long",
        [
            "ข้อความยาวเกินไป",
            "teksts ir pārāk garš",
            "ένα κείμενο είναι πολύ μεγάλο",
            "نص أطول من المسموح",
        ],
    ),
    (
        "a field the format does not have",
        [
            "ฟิลด์ที่ไม่มีในรูปแบบ",
            "lauks, kura formātā nav",
            "πεδίο που δεν υπάρχει στη μορφή",
            "حقل غير موجود في الصيغة",
        ],
    ),
    (
        "no question has this id",
        [
            "ไม่มีคำถามที่ใช้รหัสนี้",
            "nevienam jautājumam nav šāda identifikatora",
            "καμία ερώτηση δεν έχει αυτό το αναγνωριστικό",
            "لا يوجد سؤال بهذا المعرّف",
        ],
    ),
    (
        "the survey's logic skips this question",
        [
            "ตรรกะของแบบสำรวจข้ามคำถามนี้",
            "aptaujas loģika šo jautājumu izlaiž",
            "η λογική της έρευνας παραλείπει αυτή την ερώτηση",
            "منطق الاستبيان يتخطى هذا السؤال",
        ],
    ),
    (
        "this is required",
        ["ต้องระบุข้อมูลนี้", "tas ir obligāts", "είναι υποχρεωτικό", "هذا مطلوب"],
    ),
    (
        "a value is not valid",
        [
            "ค่าไม่ถูกต้อง",
            "vērtība nav derīga",
            "μια τιμή δεν είναι έγκυρη",
            "إحدى القيم غير صالحة",
        ],
    ),
    (
        "the survey has changed since; reload the page",
        [
            "แบบสำรวจมีการเปลี่ยนแปลงแล้ว โปรดโหลดหน้านี้ใหม่",
            "aptauja pa to laiku ir mainījusies; lūdzu, pārlādējiet lapu",
            "η έρευνα έχει αλλάξει στο μεταξύ· φορτώστε ξανά τη σελίδα",
            "تغيّر الاستبيان منذ ذلك الحين؛ يُرجى إعادة تحميل الصفحة",
        ],
    ),
    (
        "no survey has this id",
        [
            "ไม่มีแบบสำรวจที่ใช้รหัสนี้",
            "nevienai aptaujai nav šāda identifikatora",
            "καμία έρευνα δεν έχει αυτό το αναγνωριστικό",
            "لا يوجد استبيان بهذا المعرّف",
        ],
    ),
    (
        "this id is used twice",
        [
            "รหัสนี้ถูกใช้ซ้ำ",
            "šis identifikators izmantots divreiz",
            "αυτό το αναγνωριστικό χρησιμοποιείται δύο φορές",
            "هذا المعرّف مستخدم مرتين",
        ],
    ),
    (
        "a text is missing in the survey's default language",
        [
            "ข้อความขาดหายในภาษาหลักของแบบสำรวจ",
            "trūkst teksta aptaujas noklusējuma valodā",
            "λείπει ένα κείμενο στην προεπιλεγμένη γλώσσα της έρευνας",
            "ينقص نصّ باللغة الافتراضية للاستبيان",
        ],
    ),
    (
        "this id is already taken",
        [
            "รหัสนี้ถูกใช้แล้ว",
            "šis identifikators jau ir aizņemts",
            "αυτό το αναγνωριστικό χρησιμοποιείται ήδη",
            "هذا المعرّف مستخدم بالفعل",
        ],
    ),
    (
        "the request is too large",
        [
            "คำขอมีขนาดใหญ่เกินไป",
            "pieprasījums ir pārāk liels",
            "το αίτημα είναι πολύ μεγάλο",
            "الطلب أكبر من المسموح",
        ],
    ),
    (
        "the request's type is not accepted",
        [
            "ไม่รองรับชนิดของคำขอนี้",
            "pieprasījuma tips netiek pieņemts",
            "ο τύπος του αιτήματος δεν γίνεται δεκτός",
            "نوع الطلب غير مقبول",
        ],
    ),
    (
        "not found",
        ["ไม่พบข้อมูล", "nav atrasts", "δεν βρέθηκε", "غير موجود"],
    ),
    (
        "the results are not public",
        [
            "ผลลัพธ์ไม่ได้เปิดเผยต่อสาธารณะ",
            "rezultāti nav publiski",
            "τα αποτελέσματα δεν είναι δημόσια",
            "النتائج غير منشورة للعموم",
        ],
    ),
    (
        "too many requests; try again in a moment",
        [
            "มีคำขอมากเกินไป โปรดลองอีกครั้งในอีกสักครู่",
            "pārāk daudz pieprasījumu; lūdzu, mēģiniet vēlreiz pēc brīža",
            "πάρα πολλά αιτήματα· δοκιμάστε ξανά σε λίγο",
            "طلبات كثيرة جدًا؛ يُرجى المحاولة بعد قليل",
        ],
    ),
    (
        "the request took too long",
        [
            "คำขอใช้เวลานานเกินไป",
            "pieprasījums ilga pārāk ilgi",
            "το αίτημα καθυστέρησε πολύ",
            "استغرق الطلب وقتًا طويلًا",
        ],
    ),
    (
        "the collector failed; try again",
        [
            "ตัวรวบรวมทำงานผิดพลาด โปรดลองอีกครั้ง",
            "savācējā radās kļūda; lūdzu, mēģiniet vēlreiz",
            "παρουσιάστηκε σφάλμα στον συλλέκτη· δοκιμάστε ξανά",
            "حدث خطأ في المُجمِّع؛ يُرجى المحاولة مجددًا",
        ],
    ),
    (
        "the collector's database is unavailable; try again in a moment",
        [
            "ฐานข้อมูลของตัวรวบรวมใช้งานไม่ได้ชั่วคราว โปรดลองอีกครั้งในอีกสักครู่",
            "savācēja datubāze nav pieejama; lūdzu, mēģiniet vēlreiz pēc brīža",
            "η βάση δεδομένων του συλλέκτη δεν είναι διαθέσιμη· δοκιμάστε ξανά σε λίγο",
            "قاعدة بيانات المُجمِّع غير متاحة؛ يُرجى المحاولة بعد قليل",
        ],
    ),
    (
        "In progress",
        ["กำลังดำเนินการ", "Procesā", "Σε εξέλιξη", "قيد المتابعة"],
    ),
    ("Overdue", ["เลยกำหนด", "Nokavēts", "Εκπρόθεσμο", "متأخر"]),
    (
        "Due (UTC)",
        ["กำหนด (UTC)", "Termiņš (UTC)", "Προθεσμία (UTC)", "الموعد (UTC)"],
    ),
    ("Status", ["สถานะ", "Statuss", "Κατάσταση", "الحالة"]),
    ("Assignee", ["ผู้รับผิดชอบ", "Atbildīgais", "Υπεύθυνος", "المسؤول"]),
    ("Notes", ["บันทึก", "Piezīmes", "Σημειώσεις", "ملاحظات"]),
    (
        "Median time to first follow-up, last 30 days: {time}",
        [
            "ค่ามัธยฐานของเวลาจนถึงการติดต่อกลับครั้งแรก 30 วันล่าสุด: {time}",
            "Laika mediāna līdz pirmajai atbildei, pēdējās 30 dienas: {time}",
            "Διάμεσος χρόνος ως την πρώτη επικοινωνία, τελευταίες 30 ημέρες: {time}",
            "الوقت الوسيط حتى أول متابعة، آخر 30 يومًا: {time}",
        ],
    ),
    (
        "No request of the last 30 days has been followed up yet.",
        [
            "ยังไม่มีคำขอใดใน 30 วันล่าสุดที่ได้รับการติดต่อกลับ",
            "Nevienam pēdējo 30 dienu pieprasījumam vēl nav atbildēts.",
            "Σε κανένα αίτημα των τελευταίων 30 ημερών δεν έχει δοθεί ακόμη συνέχεια.",
            "لم يُتابَع أي طلب من آخر 30 يومًا بعد.",
        ],
    ),
    (
        "Overdue: {n}",
        [
            "เลยกำหนด: {n}",
            "Nokavēti: {n}",
            "Εκπρόθεσμα: {n}",
            "المتأخرة: {n}",
        ],
    ),
    (
        "Could not save the change: {error}.",
        [
            "บันทึกการเปลี่ยนแปลงไม่ได้: {error}",
            "Izmaiņas neizdevās saglabāt: {error}.",
            "Η αλλαγή δεν αποθηκεύτηκε: {error}.",
            "تعذّر حفظ التغيير: {error}.",
        ],
    ),
    (
        "A respondent asks to be contacted",
        [
            "ผู้ตอบขอให้ติดต่อกลับ",
            "Respondents lūdz sazināties",
            "Ένας ερωτώμενος ζητά επικοινωνία",
            "يطلب مشارك التواصل معه",
        ],
    ),
    (
        "A response is finished",
        [
            "มีคำตอบที่ตอบครบแล้ว",
            "Atbilde ir pabeigta",
            "Μια απάντηση ολοκληρώνεται",
            "اكتمال رد",
        ],
    ),
    ("Add", ["เพิ่ม", "Pievienot", "Προσθήκη", "إضافة"]),
    (
        "Add a destination",
        [
            "เพิ่มปลายทาง",
            "Pievienot galamērķi",
            "Προσθήκη προορισμού",
            "إضافة وجهة",
        ],
    ),
    (
        "Address (URL)",
        ["ที่อยู่ (URL)", "Adrese (URL)", "Διεύθυνση (URL)", "العنوان (URL)"],
    ),
    (
        "An alert rule fires",
        [
            "กฎการแจ้งเตือนทำงาน",
            "Nostrādā brīdinājuma noteikums",
            "Ενεργοποιείται κανόνας ειδοποίησης",
            "تفعيل قاعدة تنبيه",
        ],
    ),
    (
        "An unfinished response is saved",
        [
            "มีการบันทึกคำตอบที่ยังไม่ครบ",
            "Tiek saglabāta nepabeigta atbilde",
            "Αποθηκεύεται μια ημιτελής απάντηση",
            "حفظ رد غير مكتمل",
        ],
    ),
    ("Answer", ["การตอบกลับ", "Atbilde", "Απόκριση", "الاستجابة"]),
    (
        "Attempts",
        ["จำนวนครั้งที่ส่ง", "Mēģinājumi", "Προσπάθειες", "المحاولات"],
    ),
    (
        "Could not load the destinations: {error}.",
        [
            "โหลดปลายทางไม่ได้: {error}",
            "Galamērķus neizdevās ielādēt: {error}.",
            "Οι προορισμοί δεν φορτώθηκαν: {error}.",
            "تعذّر تحميل الوجهات: {error}.",
        ],
    ),
    ("Delivered", ["ส่งถึงแล้ว", "Piegādāts", "Παραδόθηκε", "وصل"]),
    ("Destinations", ["ปลายทาง", "Galamērķi", "Προορισμοί", "الوجهات"]),
    ("Event", ["เหตุการณ์", "Notikums", "Συμβάν", "الحدث"]),
    ("Events", ["เหตุการณ์", "Notikumi", "Συμβάντα", "الأحداث"]),
    ("Failed", ["ล้มเหลว", "Neizdevās", "Απέτυχε", "فشل"]),
    ("Kind", ["ประเภท", "Veids", "Είδος", "النوع"]),
    (
        "Last attempt (UTC)",
        [
            "ส่งครั้งล่าสุด (UTC)",
            "Pēdējais mēģinājums (UTC)",
            "Τελευταία προσπάθεια (UTC)",
            "آخر محاولة (UTC)",
        ],
    ),
    (
        "Latest deliveries",
        [
            "การส่งล่าสุด",
            "Pēdējās piegādes",
            "Πρόσφατες παραδόσεις",
            "أحدث عمليات الإرسال",
        ],
    ),
    (
        "No destination yet: events stay in Candor.",
        [
            "ยังไม่มีปลายทาง เหตุการณ์จะอยู่ใน Candor เท่านั้น",
            "Galamērķu vēl nav: notikumi paliek Candor.",
            "Δεν υπάρχει ακόμη προορισμός: τα συμβάντα μένουν στο Candor.",
            "لا توجد وجهة بعد: تبقى الأحداث في Candor.",
        ],
    ),
    (
        "Nothing sent yet.",
        [
            "ยังไม่ได้ส่งอะไร",
            "Vēl nekas nav nosūtīts.",
            "Δεν έχει σταλεί τίποτα ακόμη.",
            "لم يُرسل شيء بعد.",
        ],
    ),
    (
        "Replay",
        [
            "ส่งอีกครั้ง",
            "Nosūtīt vēlreiz",
            "Επανάληψη αποστολής",
            "إعادة الإرسال",
        ],
    ),
    (
        "Send a test",
        [
            "ส่งข้อความทดสอบ",
            "Nosūtīt pārbaudi",
            "Αποστολή δοκιμής",
            "إرسال تجربة",
        ],
    ),
    (
        "Sends: {events}",
        [
            "ส่งเมื่อ: {events}",
            "Sūta: {events}",
            "Αποστέλλει: {events}",
            "يُرسل عند: {events}",
        ],
    ),
    (
        "Signing secret",
        [
            "รหัสลับสำหรับลงนาม",
            "Parakstīšanas noslēpums",
            "Μυστικό υπογραφής",
            "سرّ التوقيع",
        ],
    ),
    ("Slack", ["Slack", "Slack", "Slack", "Slack"]),
    ("Time taken", ["เวลาที่ใช้", "Ilgums", "Διάρκεια", "المدة"]),
    (
        "Waiting to be retried",
        [
            "รอส่งใหม่",
            "Gaida atkārtotu mēģinājumu",
            "Σε αναμονή νέας προσπάθειας",
            "بانتظار إعادة المحاولة",
        ],
    ),
    (
        "Webhook",
        ["Webhook", "Tīmekļa āķis (webhook)", "Webhook", "Webhook"],
    ),
    (
        "Where Candor sends what happens, within seconds: your own webhook or a Slack channel.",
        [
            "ที่ที่ Candor ส่งสิ่งที่เกิดขึ้นภายในไม่กี่วินาที: webhook ของคุณเองหรือช่อง Slack",
            "Kur Candor dažu sekunžu laikā nosūta notikušo: uz jūsu tīmekļa āķi (webhook) vai Slack kanālu.",
            "Πού στέλνει το Candor ό,τι συμβαίνει, μέσα σε δευτερόλεπτα: στο δικό σας webhook ή σε ένα κανάλι του Slack.",
            "إلى أين يرسل Candor ما يحدث خلال ثوانٍ: إلى webhook خاص بك أو إلى قناة في Slack.",
        ],
    ),
    (
        "{ms} ms",
        ["{ms} มิลลิวินาที", "{ms} ms", "{ms} ms", "{ms} مللي ثانية"],
    ),
];

//! Counted nouns in English, Thai, Latvian, Greek and Arabic, by CLDR
//! plural category (`plural.rs` chooses). English's plural is the key.
//! Thai has one form, the noun then the count and its classifier; Latvian
//! counts 0, 10–20 and every ten in the genitive ("zero"), and 1, 21, 31…
//! in the singular ("one"); Arabic has six forms, one and two without the
//! figure (the dual says it).

use candor::intl::Category::{Few, Many, One, Other, Two, Zero};
use candor::intl::Forms;

pub static PLURALS: &[(&str, [Forms; 5])] = &[
    (
        "{n} answers",
        [
            &[(One, "{n} answer"), (Other, "{n} answers")],
            &[(Other, "คำตอบ {n} รายการ")],
            &[
                (Zero, "{n} atbilžu"),
                (One, "{n} atbilde"),
                (Other, "{n} atbildes"),
            ],
            &[(One, "{n} απάντηση"), (Other, "{n} απαντήσεις")],
            &[
                (Zero, "{n} إجابة"),
                (One, "إجابة واحدة"),
                (Two, "إجابتان"),
                (Few, "{n} إجابات"),
                (Many, "{n} إجابةً"),
                (Other, "{n} إجابة"),
            ],
        ],
    ),
    (
        "{n} points",
        [
            &[(One, "{n} point"), (Other, "{n} points")],
            &[(Other, "{n} ระดับ")],
            &[(Zero, "{n} punktu"), (One, "{n} punkts"), (Other, "{n} punkti")],
            &[(One, "{n} βαθμίδα"), (Other, "{n} βαθμίδες")],
            &[
                (Zero, "{n} درجة"),
                (One, "درجة واحدة"),
                (Two, "درجتان"),
                (Few, "{n} درجات"),
                (Many, "{n} درجةً"),
                (Other, "{n} درجة"),
            ],
        ],
    ),
    (
        "{n} responses",
        [
            &[(One, "{n} response"), (Other, "{n} responses")],
            &[(Other, "คำตอบ {n} รายการ")],
            &[
                (Zero, "{n} atbilžu"),
                (One, "{n} atbilde"),
                (Other, "{n} atbildes"),
            ],
            &[(One, "{n} απάντηση"), (Other, "{n} απαντήσεις")],
            &[
                (Zero, "{n} ردّ"),
                (One, "ردّ واحد"),
                (Two, "ردّان"),
                (Few, "{n} ردود"),
                (Many, "{n} ردًّا"),
                (Other, "{n} ردّ"),
            ],
        ],
    ),
    (
        "Of {n} choices",
        [
            &[(One, "Of {n} choice"), (Other, "Of {n} choices")],
            &[(Other, "จากทั้งหมด {n} ตัวเลือก")],
            &[
                (Zero, "Izvēļu kopskaits: {n}"),
                (One, "Izvēļu kopskaits: {n}"),
                (Other, "Izvēļu kopskaits: {n}"),
            ],
            &[(One, "Σύνολο επιλογών: {n}"), (Other, "Σύνολο επιλογών: {n}")],
            &[
                (Zero, "عدد الخيارات: {n}"),
                (One, "عدد الخيارات: {n}"),
                (Two, "عدد الخيارات: {n}"),
                (Few, "عدد الخيارات: {n}"),
                (Many, "عدد الخيارات: {n}"),
                (Other, "عدد الخيارات: {n}"),
            ],
        ],
    ),
    (
        "{n} hours",
        [
            &[(One, "{n} hour"), (Other, "{n} hours")],
            &[(Other, "{n} ชั่วโมง")],
            &[(Zero, "{n} stundu"), (One, "{n} stunda"), (Other, "{n} stundas")],
            &[(One, "{n} ώρα"), (Other, "{n} ώρες")],
            &[
                (Zero, "{n} ساعة"),
                (One, "ساعة واحدة"),
                (Two, "ساعتان"),
                (Few, "{n} ساعات"),
                (Many, "{n} ساعةً"),
                (Other, "{n} ساعة"),
            ],
        ],
    ),
    (
        "{n} days",
        [
            &[(One, "{n} day"), (Other, "{n} days")],
            &[(Other, "{n} วัน")],
            &[(Zero, "{n} dienu"), (One, "{n} diena"), (Other, "{n} dienas")],
            &[(One, "{n} ημέρα"), (Other, "{n} ημέρες")],
            &[
                (Zero, "{n} يوم"),
                (One, "يوم واحد"),
                (Two, "يومان"),
                (Few, "{n} أيام"),
                (Many, "{n} يومًا"),
                (Other, "{n} يوم"),
            ],
        ],
    ),
    (
        "{n} minutes",
        [
            &[(One, "{n} minute"), (Other, "{n} minutes")],
            &[(Other, "{n} นาที")],
            &[(Zero, "{n} minūšu"), (One, "{n} minūte"), (Other, "{n} minūtes")],
            &[(One, "{n} λεπτό"), (Other, "{n} λεπτά")],
            &[
                (Zero, "{n} دقيقة"),
                (One, "دقيقة واحدة"),
                (Two, "دقيقتان"),
                (Few, "{n} دقائق"),
                (Many, "{n} دقيقةً"),
                (Other, "{n} دقيقة"),
            ],
        ],
    ),
];

//! Built-in survey definitions.

use crate::{Dimension, Question, QuestionId, QuestionKind, Settings, Survey, SurveyId, Texts};

fn texts(pairs: &[(&str, &str)]) -> Texts {
    pairs
        .iter()
        .map(|(locale, text)| ((*locale).to_owned(), (*text).to_owned()))
        .collect()
}

fn id(raw: &str) -> QuestionId {
    QuestionId::parse("id", raw).expect("template ids are valid slugs")
}

/// "Checkout": overall satisfaction, whether delivery kept its promise, and a
/// comment. The survey the demo page embeds.
pub fn checkout() -> Survey {
    Survey {
        id: SurveyId::parse("id", "checkout").expect("valid slug"),
        version: 1,
        default_locale: "en".into(),
        title: texts(&[("en", "How was your checkout?")]),
        questions: vec![
            Question {
                id: id("satisfaction"),
                text: texts(&[("en", "Overall, how satisfied are you with your order?")]),
                required: true,
                kind: QuestionKind::Csat,
            },
            Question {
                id: id("delivery"),
                text: texts(&[("en", "Delivery: what did you expect, and what did you get?")]),
                required: false,
                kind: QuestionKind::ExpectationGap {
                    dimensions: vec![Dimension {
                        id: id("promise"),
                        label: texts(&[("en", "The delivery date we promised")]),
                    }],
                },
            },
            Question {
                id: id("comment"),
                text: texts(&[("en", "Anything we could do better?")]),
                required: false,
                kind: QuestionKind::Comment { max_length: 2000 },
            },
        ],
        settings: Settings::default(),
    }
}

/// Every built-in survey, for seeding a fresh collector.
pub fn all() -> Vec<Survey> {
    vec![checkout()]
}

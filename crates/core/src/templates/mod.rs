//! Built-in survey definitions, in every locale Candor ships (en, th, lv, el,
//! ar). Site owners start from these or write their own.

mod starters;
mod texts;

pub use starters::{BLANK, blank, starter};

use crate::{
    CsatDisplay, Labelled, Layout, Logic, Question, QuestionId, QuestionKind, Settings, Survey, SurveyId,
    Texts,
};

use texts::*;

/// The built-in templates' ids, for `template` in the admin API (which also
/// takes [`BLANK`], a survey of one question to build on).
pub const NAMES: [&str; 3] = ["service-quality", "checkout", "after-support"];

/// A template by id.
pub fn by_name(name: &str) -> Option<Survey> {
    match name {
        "service-quality" => Some(service_quality()),
        "checkout" => Some(checkout()),
        "after-support" => Some(after_support()),
        starters::BLANK => Some(starters::blank()),
        _ => None,
    }
}

/// Every built-in template, for seeding a fresh collector.
pub fn all() -> Vec<Survey> {
    vec![service_quality(), checkout(), after_support()]
}

/// "Service quality": the six dimensions customers judge service by, as
/// expectation-versus-experience pairs, plus satisfaction, first-contact
/// resolution, a comment and a contact request. Long, so asked in steps.
pub fn service_quality() -> Survey {
    let mut survey = survey(
        "service-quality",
        SERVICE_TITLE,
        vec![
            csat("satisfaction", SERVICE_SATISFACTION),
            question(
                "quality",
                SERVICE_GAP,
                false,
                QuestionKind::ExpectationGap {
                    dimensions: DIMENSIONS.iter().map(|(id, label)| labelled(id, label)).collect(),
                },
            ),
            question("resolved", RESOLVED, false, QuestionKind::YesNo),
            question(
                "comment",
                SERVICE_COMMENT,
                false,
                QuestionKind::Comment { max_length: 2000 },
            ),
            question("contact", CONTACT, false, QuestionKind::ContactRequest),
        ],
    );
    survey.settings.layout = Layout::Steps;
    survey
}

/// "Checkout": satisfaction, whether delivery kept its promise, and a
/// comment. The survey the demo page embeds.
pub fn checkout() -> Survey {
    survey(
        "checkout",
        CHECKOUT_TITLE,
        vec![
            csat("satisfaction", CHECKOUT_SATISFACTION),
            question(
                "delivery",
                CHECKOUT_GAP,
                false,
                QuestionKind::ExpectationGap {
                    dimensions: vec![labelled("promise", &DELIVERY_PROMISE)],
                },
            ),
            question(
                "comment",
                CHECKOUT_COMMENT,
                false,
                QuestionKind::Comment { max_length: 2000 },
            ),
        ],
    )
}

/// "After support": satisfaction, effort, first-contact resolution, NPS and a
/// comment, for the moment a support conversation closes.
pub fn after_support() -> Survey {
    survey(
        "after-support",
        SUPPORT_TITLE,
        vec![
            csat("satisfaction", SUPPORT_SATISFACTION),
            question("effort", SUPPORT_EFFORT, false, QuestionKind::Ces),
            question("resolved", RESOLVED, false, QuestionKind::YesNo),
            question("recommend", SUPPORT_RECOMMEND, false, QuestionKind::Nps),
            question(
                "comment",
                SUPPORT_COMMENT,
                false,
                QuestionKind::Comment { max_length: 2000 },
            ),
        ],
    )
}

fn survey(id: &str, title: Localized, questions: Vec<Question>) -> Survey {
    Survey {
        id: SurveyId::parse("id", id).expect("template ids are valid slugs"),
        version: 1,
        default_locale: "en".into(),
        title: texts(&title),
        questions,
        settings: Settings::default(),
    }
}

fn csat(id: &str, text: Localized) -> Question {
    question(
        id,
        text,
        true,
        QuestionKind::Csat {
            display: CsatDisplay::Stars,
            points: 5,
        },
    )
}

fn question(id: &str, text: Localized, required: bool, kind: QuestionKind) -> Question {
    Question {
        id: slug(id),
        text: texts(&text),
        required,
        kind,
        logic: Logic::default(),
    }
}

fn labelled(id: &str, label: &Localized) -> Labelled {
    Labelled {
        id: slug(id),
        label: texts(label),
    }
}

fn slug(raw: &str) -> QuestionId {
    QuestionId::parse("id", raw).expect("template ids are valid slugs")
}

fn texts(localized: &Localized) -> Texts {
    crate::locale::SUPPORTED
        .iter()
        .zip(localized)
        .map(|(locale, text)| ((*locale).to_owned(), (*text).to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_passes_the_strict_parser_in_every_locale() {
        for survey in all() {
            let json = serde_json::to_vec(&survey).unwrap();
            let parsed = Survey::from_json(&json).unwrap_or_else(|e| panic!("{}: {e}", survey.id));
            assert_eq!(parsed, survey);
            assert_eq!(survey.locales(), ["ar", "el", "en", "lv", "th"], "{}", survey.id);
        }
    }

    #[test]
    fn service_quality_asks_the_six_dimensions() {
        let survey = service_quality();
        let Some(QuestionKind::ExpectationGap { dimensions }) = survey.question("quality").map(|q| &q.kind)
        else {
            panic!("no gap block")
        };
        let ids: Vec<&str> = dimensions.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "reliability",
                "timeliness",
                "personal",
                "courtesy",
                "flexibility",
                "honesty"
            ]
        );
    }

    #[test]
    fn templates_are_found_by_name() {
        for name in NAMES {
            assert_eq!(by_name(name).unwrap().id.as_str(), name);
        }
        assert!(by_name("nope").is_none());
    }
}

//! Built-in survey definitions, in every locale Candor ships (en, th, lv, el,
//! ar). Site owners start from these or write their own.

mod starters;
mod texts;

pub use starters::{BLANK, blank, starter};

use crate::{
    Condition, CsatDisplay, Labelled, Layout, Logic, Question, QuestionId, QuestionKind, Settings, Survey,
    SurveyId, Test, Texts, Value,
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

/// "After support", for the moment a support conversation closes:
/// satisfaction, effort and first-contact resolution; an unresolved issue
/// is asked what went wrong and offered a call back; then NPS, with a
/// detractor asked what to do better and a promoter what went well; then
/// anything else.
pub fn after_support() -> Survey {
    let comment =
        |id: &str, text: Localized| question(id, text, false, QuestionKind::Comment { max_length: 2000 });
    let unresolved = || answer_is("resolved", Test::Equals(Value::YesNo(false)));
    survey(
        "after-support",
        SUPPORT_TITLE,
        vec![
            csat("satisfaction", SUPPORT_SATISFACTION),
            question("effort", SUPPORT_EFFORT, false, QuestionKind::Ces),
            question("resolved", RESOLVED, false, QuestionKind::YesNo),
            shown_if(comment("what_went_wrong", SUPPORT_WRONG), unresolved()),
            shown_if(
                question("contact", CONTACT, false, QuestionKind::ContactRequest),
                unresolved(),
            ),
            question("recommend", SUPPORT_RECOMMEND, false, QuestionKind::Nps),
            shown_if(
                comment("do_better", SUPPORT_IMPROVE),
                answer_is("recommend", Test::AtMost(6)),
            ),
            shown_if(
                comment("did_well", SUPPORT_PRAISE),
                answer_is("recommend", Test::AtLeast(9)),
            ),
            comment("comment", SUPPORT_COMMENT),
        ],
    )
}

/// `question`, asked only when `condition` holds.
fn shown_if(mut question: Question, condition: Condition) -> Question {
    question.logic.show_if = Some(condition);
    question
}

/// The answer to `question` passes `test`.
fn answer_is(question: &str, test: Test) -> Condition {
    Condition::Answer {
        question: slug(question),
        test,
    }
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

    /// The questions after-support asks for `answers`.
    fn asked(answers: serde_json::Value) -> Vec<String> {
        let survey = after_support();
        let applies = survey.applicable_raw(answers.as_object().unwrap());
        survey
            .questions
            .iter()
            .zip(applies)
            .filter(|(_, applies)| *applies)
            .map(|(q, _)| q.id.to_string())
            .collect()
    }

    #[test]
    fn after_support_follows_up_on_what_each_answer_says() {
        use serde_json::json;
        let always = ["satisfaction", "effort", "resolved", "recommend", "comment"];
        assert_eq!(asked(json!({})), always);
        assert_eq!(asked(json!({"resolved": true, "recommend": 8})), always);
        assert_eq!(
            asked(json!({"resolved": false})),
            [
                "satisfaction",
                "effort",
                "resolved",
                "what_went_wrong",
                "contact",
                "recommend",
                "comment"
            ],
            "not resolved: what went wrong, and a call back"
        );
        for (score, follow_up) in [
            (0, "do_better"),
            (6, "do_better"),
            (9, "did_well"),
            (10, "did_well"),
        ] {
            let questions = asked(json!({"recommend": score}));
            assert!(
                questions.contains(&follow_up.to_owned()),
                "{score}: {questions:?}"
            );
            let other = if follow_up == "do_better" {
                "did_well"
            } else {
                "do_better"
            };
            assert!(!questions.contains(&other.to_owned()), "{score}: {questions:?}");
        }
        for passive in [7, 8] {
            assert_eq!(asked(json!({"recommend": passive})), always);
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

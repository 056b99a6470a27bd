//! Logic: the paths a survey takes, the responses it accepts, and the
//! definitions it refuses (each at its JSON path).

use proptest::prelude::*;
use serde_json::{Value as Json, json};

use crate::{ErrorCode, ResponseSubmission, Survey};

/// "NPS → why?": detractors are asked what went wrong, passives what would
/// make it a 10 (and the survey ends when they say), promoters jump to what
/// they liked; an unresolved detractor is offered a call back.
fn nps_why() -> Json {
    let comment =
        |id: &str, text: &str| json!({"id": id, "kind": "comment", "max_length": 500, "text": {"en": text}});
    let mut wrong = comment("wrong", "What went wrong?");
    wrong["required"] = json!(true);
    wrong["show_if"] = json!({"question": "nps", "at_most": 6});
    let mut improve = comment("improve", "What would make it a 10?");
    improve["show_if"] = json!({"question": "nps", "one_of": [7, 8]});
    improve["jumps"] = json!([{"if": {"question": "improve", "answered": true}, "to": "end"}]);
    let mut praise = comment("praise", "What did you like?");
    praise["show_if"] = json!({"question": "nps", "at_least": 9});
    json!({
        "id": "nps-why", "version": 1, "default_locale": "en", "title": {"en": "Thanks"},
        "questions": [
            {"id": "nps", "kind": "nps", "required": true, "text": {"en": "Would you recommend us?"},
             "jumps": [{"if": {"question": "nps", "at_least": 9}, "to": "praise"}]},
            wrong, improve, praise,
            {"id": "resolved", "kind": "yes_no", "text": {"en": "Was it resolved?"}},
            {"id": "contact", "kind": "contact_request", "text": {"en": "Shall we call you?"},
             "show_if": {"all": [{"question": "resolved", "equals": false}, {"question": "nps", "at_most": 6}]}},
        ],
    })
}

fn survey(definition: &Json) -> Survey {
    Survey::from_json(definition.to_string().as_bytes()).expect("a valid definition")
}

fn submit(survey: &Survey, answers: Json) -> Result<(), crate::FieldError> {
    let body = json!({"id": "7d4f7c1e-3b1a-4c55-9d2e-1f0a8b6c5d4e", "survey_version": 1, "answers": answers});
    survey
        .validate(ResponseSubmission::from_json(body.to_string().as_bytes())?)
        .map(drop)
}

/// The ids of the questions that apply to `answers`.
fn path(survey: &Survey, answers: Json) -> Vec<&str> {
    let body = json!({"id": "7d4f7c1e-3b1a-4c55-9d2e-1f0a8b6c5d4e", "survey_version": 1, "answers": answers});
    let submission = ResponseSubmission::from_json(body.to_string().as_bytes()).unwrap();
    let applies = survey.applicable_raw(&submission.answers);
    survey
        .questions
        .iter()
        .zip(applies)
        .filter(|(_, applies)| *applies)
        .map(|(q, _)| q.id.as_str())
        .collect()
}

#[test]
fn each_answer_takes_its_own_path() {
    let s = survey(&nps_why());
    assert_eq!(
        path(&s, json!({})),
        ["nps", "resolved"],
        "nothing yet: conditions on nps fail"
    );
    assert_eq!(path(&s, json!({"nps": 3})), ["nps", "wrong", "resolved"]);
    assert_eq!(
        path(&s, json!({"nps": 3, "resolved": false})),
        ["nps", "wrong", "resolved", "contact"]
    );
    assert_eq!(path(&s, json!({"nps": 8})), ["nps", "improve", "resolved"]);
    assert_eq!(
        path(&s, json!({"nps": 8, "improve": "Faster"})),
        ["nps", "improve"],
        "ends there"
    );
    assert_eq!(
        path(&s, json!({"nps": 10, "resolved": false})),
        ["nps", "praise", "resolved"],
        "jumps past the others; a promoter is not offered a call"
    );
    // An answer off the path does not steer it.
    assert_eq!(
        path(&s, json!({"nps": 10, "improve": "x", "wrong": "y"})),
        ["nps", "praise", "resolved"]
    );
}

#[test]
fn hidden_questions_are_neither_required_nor_accepted() {
    let s = survey(&nps_why());
    assert!(
        submit(&s, json!({"nps": 10})).is_ok(),
        "wrong is required, but hidden"
    );
    let missing = submit(&s, json!({"nps": 4})).unwrap_err();
    assert_eq!(
        (missing.code, missing.field.as_str()),
        (ErrorCode::Required, "answers.wrong")
    );
    let hidden = submit(&s, json!({"nps": 10, "wrong": "Slow"})).unwrap_err();
    assert_eq!(
        (hidden.code, hidden.field.as_str()),
        (ErrorCode::NotAsked, "answers.wrong")
    );
    let after_the_end = submit(&s, json!({"nps": 8, "improve": "Faster", "resolved": true})).unwrap_err();
    assert_eq!(after_the_end.field, "answers.resolved");
    assert!(
        submit(
            &s,
            json!({"nps": 2, "wrong": "Slow", "resolved": false, "contact": null})
        )
        .is_ok()
    );
}

#[test]
fn a_form_sends_only_what_was_asked() {
    let s = survey(&nps_why());
    // A detractor who wrote why, then changed their mind to a 10.
    let kept = json!({"nps": 10, "wrong": "Slow", "praise": "Kind", "nobody": 1});
    let sent = s.asked_only(kept.as_object().unwrap().clone());
    assert_eq!(Json::Object(sent), json!({"nps": 10, "praise": "Kind"}));
}

#[test]
fn logic_survives_a_round_trip() {
    let s = survey(&nps_why());
    let written = serde_json::to_value(&s).unwrap();
    assert_eq!(
        written["questions"][1]["show_if"],
        json!({"question": "nps", "at_most": 6})
    );
    assert_eq!(written["questions"][0]["jumps"][0]["to"], "praise");
    assert_eq!(written["questions"][2]["jumps"][0]["to"], "end");
    assert!(
        written["questions"][4].get("show_if").is_none(),
        "no logic, no field"
    );
    assert_eq!(survey(&written), s);
}

#[test]
fn the_walk_ends_on_any_definition_even_unchecked() {
    use crate::survey::{Condition, Jump, Target, Test};
    // The widget does not check logic (the collector did): a definition
    // that jumps back, reads ahead or names nobody must still end.
    let mut s = survey(&nps_why());
    let back = |to: &str| Jump {
        condition: Condition::Answer {
            question: crate::QuestionId::parse("", "nps").unwrap(),
            test: Test::Answered(true),
        },
        to: Target::Question(crate::QuestionId::parse("", to).unwrap()),
    };
    s.questions[4].logic.jumps = vec![back("nps"), back("resolved"), back("nobody")];
    s.questions[0].logic.show_if = Some(Condition::Answer {
        question: crate::QuestionId::parse("", "contact").unwrap(),
        test: Test::Answered(false),
    });
    let answers = json!({"nps": 3, "resolved": false});
    assert_eq!(path(&s, answers), ["nps", "wrong", "resolved", "contact"]);
}

/// The error a definition changed by `change` gets.
fn refused(change: impl FnOnce(&mut Json)) -> (ErrorCode, String) {
    let mut definition = nps_why();
    change(&mut definition);
    let error = Survey::from_json(definition.to_string().as_bytes()).unwrap_err();
    (error.code, error.field)
}

#[test]
fn definitions_are_refused_at_the_path_at_fault() {
    // (question, its field set to, the code, the path named)
    let cases = [
        (
            1,
            "show_if",
            json!({"question": "resolved", "answered": true}),
            ErrorCode::InvalidValue,
            "questions[1].show_if.question",
        ),
        (
            1,
            "show_if",
            json!({"question": "nobody", "answered": true}),
            ErrorCode::UnknownQuestion,
            "questions[1].show_if.question",
        ),
        (
            5,
            "show_if",
            json!({"question": "resolved", "at_most": 1}),
            ErrorCode::InvalidValue,
            "questions[5].show_if.at_most",
        ),
        (
            1,
            "show_if",
            json!({"question": "nps", "at_most": 11}),
            ErrorCode::OutOfRange,
            "questions[1].show_if.at_most",
        ),
        (
            5,
            "show_if",
            json!({"question": "nps", "one_of": [1, true]}),
            ErrorCode::InvalidType,
            "questions[5].show_if.one_of[1]",
        ),
        (
            5,
            "show_if",
            json!({"any": [{"question": "nps", "equals": 3}, {"question": "wrong", "equals": "x"}]}),
            ErrorCode::InvalidValue,
            "questions[5].show_if.any[1].equals",
        ),
        (
            5,
            "show_if",
            json!({"all": []}),
            ErrorCode::OutOfRange,
            "questions[5].show_if.all",
        ),
        (
            5,
            "show_if",
            json!({"question": "nps", "at_most": 3, "at_least": 1}),
            ErrorCode::InvalidValue,
            "questions[5].show_if",
        ),
        (
            3,
            "jumps",
            json!([{"if": {"question": "nps", "answered": true}, "to": "wrong"}]),
            ErrorCode::InvalidValue,
            "questions[3].jumps[0].to",
        ),
        (
            0,
            "jumps",
            json!([{"if": {"question": "nps", "answered": true}, "to": "later"}]),
            ErrorCode::UnknownQuestion,
            "questions[0].jumps[0].to",
        ),
        (
            0,
            "jumps",
            json!([{"if": {"question": "wrong", "answered": true}, "to": "end"}]),
            ErrorCode::InvalidValue,
            "questions[0].jumps[0].if.question",
        ),
        (4, "id", json!("end"), ErrorCode::InvalidValue, "questions[4].id"),
    ];
    for (question, field, value, code, path) in cases {
        let got = refused(|d| d["questions"][question][field] = value);
        assert_eq!(got, (code, path.to_owned()), "{path}");
    }
}

#[test]
fn a_choice_is_compared_with_its_own_options() {
    let mut definition = nps_why();
    definition["questions"][4] = json!({"id": "topic", "kind": "single_choice", "text": {"en": "About?"},
        "options": [{"id": "billing", "label": {"en": "Billing"}}, {"id": "delivery", "label": {"en": "Delivery"}}]});
    definition["questions"][5]["show_if"] = json!({"question": "topic", "one_of": ["billing", "refunds"]});
    let error = Survey::from_json(definition.to_string().as_bytes()).unwrap_err();
    assert_eq!(error.field, "questions[5].show_if.one_of[1]");
    definition["questions"][5]["show_if"] = json!({"question": "topic", "equals": "billing"});
    let s = survey(&definition);
    assert_eq!(
        path(&s, json!({"nps": 5, "topic": "billing"})),
        ["nps", "wrong", "topic", "contact"]
    );
    assert_eq!(
        path(&s, json!({"nps": 5, "topic": "delivery"})),
        ["nps", "wrong", "topic"]
    );
}

/// A response that answers, along the path its own answers take, each
/// question it reaches (optional ones when `fill` says).
fn along_the_path(s: &Survey, nps: u8, resolved: bool, fill: [bool; 4]) -> Json {
    let mut answers = json!({"nps": nps});
    let values = [
        ("wrong", json!("Slow")),
        ("improve", json!("Faster")),
        ("praise", json!("Kind")),
        ("resolved", json!(resolved)),
    ];
    for ((id, value), fill) in values.into_iter().zip(fill) {
        let reached = path(s, answers.clone()).contains(&id);
        let required = s.question(id).is_some_and(|q| q.required);
        if reached && (fill || required) {
            answers[id] = value;
        }
    }
    answers
}

proptest! {
    #[test]
    fn a_response_along_its_path_is_valid_in_any_key_order(
        nps in 0u8..=10, resolved: bool, fill: [bool; 4], seed: u64,
    ) {
        let s = survey(&nps_why());
        let answers = along_the_path(&s, nps, resolved, fill);
        prop_assert!(submit(&s, answers.clone()).is_ok(), "{answers}");
        // The same answers written in another order.
        let mut entries: Vec<(String, Json)> = answers.as_object().unwrap().clone().into_iter().collect();
        let len = entries.len();
        entries.rotate_left(usize::try_from(seed % u64::try_from(len).unwrap()).unwrap());
        let text = format!(
            "{{{}}}",
            entries.iter().map(|(k, v)| format!("{:?}:{v}", k)).collect::<Vec<_>>().join(",")
        );
        let reordered: Json = serde_json::from_str(&text).unwrap();
        prop_assert!(submit(&s, reordered).is_ok());
    }

    #[test]
    fn an_answer_off_the_path_is_always_refused(
        nps in 0u8..=10, resolved: bool, fill: [bool; 4], extra in 0usize..5,
    ) {
        let s = survey(&nps_why());
        let mut answers = along_the_path(&s, nps, resolved, fill);
        let off = ["wrong", "improve", "praise", "resolved", "contact"][extra];
        prop_assume!(!path(&s, answers.clone()).contains(&off));
        answers[off] = match off {
            "resolved" => json!(true),
            "contact" => json!({"consent": true, "email": "a@example.com"}),
            _ => json!("Extra"),
        };
        let error = submit(&s, answers).unwrap_err();
        prop_assert_eq!(error.code, ErrorCode::NotAsked);
        prop_assert_eq!(error.field, format!("answers.{off}"));
    }
}

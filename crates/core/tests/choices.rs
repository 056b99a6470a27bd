//! Multiple choice and Likert: their definitions, answers (every error's
//! field), logic on them, and their summaries and figures.
#![allow(clippy::unwrap_used)]

use candor_core::snapshot::{Figures, StatementFigures};
use candor_core::stats::SurveyStats;
use candor_core::{
    Answer, Day, ErrorCode, QuestionId, ResponseSubmission, Selections, Snapshot, Survey, ValidResponse,
    Window,
};
use serde_json::{Value, json};

fn definition() -> Value {
    json!({
        "id": "kinds", "version": 1, "default_locale": "en", "title": {"en": "Kinds"},
        "questions": [
            {"id": "improve", "kind": "multiple_choice", "text": {"en": "Improve?"}, "other": true,
             "max_selections": 2,
             "options": [{"id": "speed", "label": {"en": "Speed"}}, {"id": "price", "label": {"en": "Price"}},
                         {"id": "staff", "label": {"en": "Staff"}}]},
            {"id": "agree", "kind": "likert", "points": 7, "text": {"en": "Agree?"},
             "statements": [{"id": "easy", "label": {"en": "Easy"}}, {"id": "kind", "label": {"en": "Kind"}}]},
            {"id": "why_price", "kind": "comment", "max_length": 100, "text": {"en": "Why price?"},
             "show_if": {"question": "improve", "equals": "price"}}
        ]
    })
}

fn survey() -> Survey {
    Survey::from_json(definition().to_string().as_bytes()).unwrap()
}

fn submit(survey: &Survey, answers: Value) -> Result<ValidResponse, candor_core::FieldError> {
    submit_as(survey, 0, answers)
}

fn submit_as(survey: &Survey, n: u32, answers: Value) -> Result<ValidResponse, candor_core::FieldError> {
    let id = format!("00000000-0000-4000-8000-{n:012}");
    let body = json!({"id": id, "survey_version": 1, "answers": answers});
    survey.validate(ResponseSubmission::from_json(body.to_string().as_bytes())?)
}

fn rejects(answers: Value, code: ErrorCode, field: &str) {
    let error = submit(&survey(), answers.clone()).expect_err(&answers.to_string());
    assert_eq!(
        (error.code, error.field.as_str()),
        (code, field),
        "{answers}: {error}"
    );
}

/// The definition with `change` applied to question `at`.
fn refuses_definition(at: usize, change: Value, code: ErrorCode, field: &str) {
    let mut definition = definition();
    for (key, value) in change.as_object().unwrap() {
        definition["questions"][at][key] = value.clone();
    }
    let error = Survey::from_json(definition.to_string().as_bytes()).expect_err(&change.to_string());
    assert_eq!(
        (error.code, error.field.as_str()),
        (code, field),
        "{change}: {error}"
    );
}

#[test]
fn choices_are_kept_in_the_question_order_with_other_trimmed() {
    let response = submit(
        &survey(),
        json!({"improve": {"selected": ["staff"], "other": "  slow replies "}, "agree": {"easy": 7, "kind": null}}),
    )
    .unwrap();
    let chosen = |ids: &[&str]| {
        ids.iter()
            .map(|id| QuestionId::parse("", id).unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        response.answer("improve"),
        Some(&Answer::Selections(Selections {
            selected: chosen(&["staff"]),
            other: Some("slow replies".into()),
        }))
    );
    let ordered = submit(&survey(), json!({"improve": {"selected": ["staff", "speed"]}})).unwrap();
    let Some(Answer::Selections(selections)) = ordered.answer("improve") else {
        panic!()
    };
    assert_eq!(selections.selected, chosen(&["speed", "staff"]));
    let Some(Answer::Agreement(ratings)) = response.answer("agree") else {
        panic!()
    };
    assert_eq!(ratings.len(), 1, "a statement left blank is not an answer");
    // The normalised wire form reads back as the same response.
    let again = survey().validate(response.to_submission()).unwrap();
    assert_eq!(again, response);
}

#[test]
fn blank_answers_are_not_answers() {
    let response = submit(
        &survey(),
        json!({"improve": {"selected": [], "other": "  "}, "agree": {"easy": null}}),
    )
    .unwrap();
    assert!(response.answers().is_empty());
}

#[test]
fn each_wrong_multiple_choice_answer_names_its_field() {
    let wrong = [
        (json!(["speed"]), ErrorCode::InvalidType, "answers.improve"),
        (
            json!({"selected": "speed"}),
            ErrorCode::InvalidType,
            "answers.improve.selected",
        ),
        (
            json!({"selected": ["speed", 2]}),
            ErrorCode::InvalidType,
            "answers.improve.selected[1]",
        ),
        (
            json!({"selected": ["speed", "cost"]}),
            ErrorCode::InvalidValue,
            "answers.improve.selected[1]",
        ),
        (
            json!({"selected": ["speed", "speed"]}),
            ErrorCode::Duplicate,
            "answers.improve.selected[1]",
        ),
        (
            json!({"selected": ["speed", "price", "staff"]}),
            ErrorCode::OutOfRange,
            "answers.improve.selected",
        ),
        (
            json!({"selected": ["speed", "price"], "other": "x"}),
            ErrorCode::OutOfRange,
            "answers.improve.selected",
        ),
        (
            json!({"selected": [], "other": "x".repeat(201)}),
            ErrorCode::TooLong,
            "answers.improve.other",
        ),
        (
            json!({"selected": [], "other": "two\nlines"}),
            ErrorCode::InvalidValue,
            "answers.improve.other",
        ),
        (
            json!({"selected": [], "chosen": 1}),
            ErrorCode::UnknownField,
            "answers.improve.chosen",
        ),
    ];
    for (answer, code, field) in wrong {
        rejects(json!({"improve": answer}), code, field);
    }
}

#[test]
fn other_is_refused_where_it_is_not_offered_and_a_minimum_holds() {
    let mut definition = definition();
    definition["questions"][0]["other"] = json!(false);
    definition["questions"][0]["min_selections"] = json!(2);
    let survey = Survey::from_json(definition.to_string().as_bytes()).unwrap();
    let error = submit(&survey, json!({"improve": {"selected": ["speed"], "other": "x"}})).unwrap_err();
    assert_eq!(
        (error.code, error.field.as_str()),
        (ErrorCode::UnknownField, "answers.improve.other")
    );
    let error = submit(&survey, json!({"improve": {"selected": ["speed"]}})).unwrap_err();
    assert_eq!(
        (error.code, error.field.as_str()),
        (ErrorCode::OutOfRange, "answers.improve.selected")
    );
    assert!(error.message.contains("exactly 2"), "{error}");
    submit(&survey, json!({"improve": {"selected": ["speed", "staff"]}})).unwrap();
}

#[test]
fn each_wrong_likert_answer_names_its_field() {
    let wrong = [
        (json!(5), ErrorCode::InvalidType, "answers.agree"),
        (json!({"easy": 8}), ErrorCode::OutOfRange, "answers.agree.easy"),
        (json!({"easy": 0}), ErrorCode::OutOfRange, "answers.agree.easy"),
        (json!({"easy": "5"}), ErrorCode::InvalidType, "answers.agree.easy"),
        (
            json!({"easy": 4, "fast": 4}),
            ErrorCode::UnknownField,
            "answers.agree.fast",
        ),
    ];
    for (answer, code, field) in wrong {
        rejects(json!({"agree": answer}), code, field);
    }
}

#[test]
fn a_required_question_needs_a_choice() {
    let mut definition = definition();
    definition["questions"][0]["required"] = json!(true);
    let survey = Survey::from_json(definition.to_string().as_bytes()).unwrap();
    let error = submit(&survey, json!({"improve": {"selected": []}})).unwrap_err();
    assert_eq!(
        (error.code, error.field.as_str()),
        (ErrorCode::Required, "answers.improve")
    );
}

#[test]
fn each_wrong_definition_names_its_path() {
    let o = ErrorCode::OutOfRange;
    refuses_definition(0, json!({"min_selections": 0}), o, "questions[0].min_selections");
    refuses_definition(0, json!({"min_selections": 5}), o, "questions[0].min_selections");
    refuses_definition(0, json!({"max_selections": 5}), o, "questions[0].max_selections");
    refuses_definition(
        0,
        json!({"min_selections": 2, "max_selections": 1}),
        o,
        "questions[0].max_selections",
    );
    refuses_definition(
        0,
        json!({"options": [{"id": "a", "label": {"en": "A"}}]}),
        o,
        "questions[0].options",
    );
    refuses_definition(
        0,
        json!({"points": 5}),
        ErrorCode::UnknownField,
        "questions[0].points",
    );
    refuses_definition(1, json!({"points": 6}), o, "questions[1].points");
    refuses_definition(1, json!({"statements": []}), o, "questions[1].statements");
    refuses_definition(
        1,
        json!({"other": true}),
        ErrorCode::UnknownField,
        "questions[1].other",
    );
    let no_statements = json!({"id": "l", "kind": "likert", "text": {"en": "L"}});
    let mut definition = definition();
    definition["questions"][1] = no_statements;
    let error = Survey::from_json(definition.to_string().as_bytes()).unwrap_err();
    assert_eq!(
        (error.code, error.field.as_str()),
        (ErrorCode::Required, "questions[1].statements")
    );
}

#[test]
fn conditions_on_the_new_kinds_are_checked() {
    let on = |question: &str, test: Value| {
        let mut condition = json!({"question": question});
        condition
            .as_object_mut()
            .unwrap()
            .extend(test.as_object().unwrap().clone());
        json!({"show_if": condition})
    };
    let at = |test: Value| on("improve", test);
    let on_agree = |test: Value| on("agree", test);
    let path = "questions[2].show_if";
    refuses_definition(
        2,
        at(json!({"equals": "cost"})),
        ErrorCode::InvalidValue,
        &format!("{path}.equals"),
    );
    refuses_definition(
        2,
        at(json!({"at_least": 2})),
        ErrorCode::InvalidValue,
        &format!("{path}.at_least"),
    );
    refuses_definition(
        2,
        on_agree(json!({"equals": 4})),
        ErrorCode::InvalidValue,
        &format!("{path}.equals"),
    );
    let answered = on_agree(json!({"answered": true}));
    let mut definition = definition();
    definition["questions"][2]["show_if"] = answered["show_if"].clone();
    Survey::from_json(definition.to_string().as_bytes()).unwrap();
}

#[test]
fn a_question_shown_for_one_choice_is_refused_without_it() {
    let survey = survey();
    let error = submit(
        &survey,
        json!({"improve": {"selected": ["speed"]}, "why_price": "too dear"}),
    )
    .unwrap_err();
    assert_eq!(
        (error.code, error.field.as_str()),
        (ErrorCode::NotAsked, "answers.why_price")
    );
    submit(
        &survey,
        json!({"improve": {"selected": ["speed", "price"]}, "why_price": "too dear"}),
    )
    .unwrap();
}

#[test]
fn figures_count_respondents_and_withhold_thin_statements() {
    let survey = survey();
    let answers = [
        json!({"improve": {"selected": ["speed"]}, "agree": {"easy": 7, "kind": 2}}),
        json!({"improve": {"selected": ["speed", "price"]}, "agree": {"easy": 5}}),
        json!({"improve": {"selected": [], "other": "parking"}, "agree": {"easy": 3}}),
    ];
    let mut stats = SurveyStats::default();
    let responses: Vec<ValidResponse> = answers
        .iter()
        .enumerate()
        .map(|(i, a)| submit_as(&survey, i as u32, a.clone()).unwrap())
        .collect();
    for response in &responses {
        stats.add(&survey, response);
    }
    let day = Day::from_days_since_epoch(20_000);
    let snapshot = Snapshot::build_with_minimum(&survey, Window::All, &[(day, stats.clone())], None, 2);
    let Figures::MultipleChoice { n, options, other } = &snapshot.question("improve").unwrap().figures else {
        panic!()
    };
    let counts: Vec<u64> = options.iter().map(|o| o.chosen.k).collect();
    assert_eq!((*n, counts, other.map(|o| o.k)), (3, vec![2, 1, 0], Some(1)));
    let Figures::Likert {
        n,
        points,
        statements,
    } = &snapshot.question("agree").unwrap().figures
    else {
        panic!()
    };
    assert_eq!((*n, *points), (3, 7));
    let StatementFigures::Shown(easy) = &statements[0] else {
        panic!()
    };
    assert_eq!(
        (easy.n, easy.agreeing.k, easy.histogram.clone()),
        (3, 2, vec![0, 0, 1, 0, 1, 0, 1])
    );
    assert!((easy.mean - 5.0).abs() < 1e-12);
    assert!(matches!(statements[1], StatementFigures::Withheld { n: 1, .. }));
    // Taking a response back out is the exact inverse of adding it.
    let mut fewer = stats.clone();
    fewer.remove(&survey, &responses[2]);
    let mut two = SurveyStats::default();
    for response in &responses[..2] {
        two.add(&survey, response);
    }
    assert_eq!(fewer, two);
}

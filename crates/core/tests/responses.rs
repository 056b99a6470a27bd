//! Responses to every question kind: accepted shapes and each error's field.
#![allow(clippy::unwrap_used)]

use candor_core::{Answer, ErrorCode, ResponseSubmission, Survey, ValidResponse, templates};
use serde_json::{Value, json};

const ID: &str = "7d4f7c1e-2d5b-4c1e-9a53-1f1f0b8f6a10";

fn submit(survey: &Survey, answers: Value) -> Result<ValidResponse, candor_core::FieldError> {
    let body = json!({"id": ID, "survey_version": 1, "locale": "th", "answers": answers});
    survey.validate(ResponseSubmission::from_json(body.to_string().as_bytes())?)
}

fn rejects(survey: &Survey, answers: Value, code: ErrorCode, field: &str) {
    let error = submit(survey, answers.clone()).expect_err(&answers.to_string());
    assert_eq!(
        (error.code, error.field.as_str()),
        (code, field),
        "{answers}: {error}"
    );
}

#[test]
fn after_support_accepts_every_kind() {
    let survey = templates::after_support();
    let response = submit(
        &survey,
        json!({"satisfaction": 5, "effort": 6, "resolved": true, "recommend": 0, "comment": "ขอบคุณมากครับ"}),
    )
    .unwrap();
    let answer = |id: &str| {
        response
            .answers()
            .iter()
            .find(|(k, _)| k.as_str() == id)
            .unwrap()
            .1
            .clone()
    };
    assert_eq!(answer("recommend"), Answer::Rating(0));
    assert_eq!(answer("resolved"), Answer::YesNo(true));
    assert_eq!(response.locale(), Some("th"));
}

#[test]
fn scales_are_enforced_per_kind() {
    let survey = templates::after_support();
    rejects(
        &survey,
        json!({"satisfaction": 5, "recommend": 11}),
        ErrorCode::OutOfRange,
        "answers.recommend",
    );
    rejects(
        &survey,
        json!({"satisfaction": 5, "effort": 0}),
        ErrorCode::OutOfRange,
        "answers.effort",
    );
    rejects(
        &survey,
        json!({"satisfaction": 5, "effort": 8}),
        ErrorCode::OutOfRange,
        "answers.effort",
    );
    rejects(
        &survey,
        json!({"satisfaction": 5, "resolved": "yes"}),
        ErrorCode::InvalidType,
        "answers.resolved",
    );
    rejects(
        &survey,
        json!({"satisfaction": 5, "resolved": 1}),
        ErrorCode::InvalidType,
        "answers.resolved",
    );
    rejects(
        &survey,
        json!({"effort": 5}),
        ErrorCode::Required,
        "answers.satisfaction",
    );
}

#[test]
fn gap_answers_cover_any_subset_of_dimensions() {
    let survey = templates::service_quality();
    let response = submit(
        &survey,
        json!({"satisfaction": 3, "quality": {"reliability": {"expected": 6, "experienced": 4}, "courtesy": null}}),
    )
    .unwrap();
    let Answer::Gap(pairs) = response
        .answers()
        .values()
        .find(|a| matches!(a, Answer::Gap(_)))
        .unwrap()
    else {
        unreachable!()
    };
    assert_eq!(pairs.len(), 1);
    rejects(
        &survey,
        json!({"satisfaction": 3, "quality": {"speed": {"expected": 1, "experienced": 1}}}),
        ErrorCode::UnknownField,
        "answers.quality.speed",
    );
    rejects(
        &survey,
        json!({"satisfaction": 3, "quality": {"honesty": {"expected": 1, "experienced": 1, "note": 2}}}),
        ErrorCode::UnknownField,
        "answers.quality.honesty.note",
    );
    rejects(
        &survey,
        json!({"satisfaction": 3, "quality": [1, 2]}),
        ErrorCode::InvalidType,
        "answers.quality",
    );
}

#[test]
fn contact_requests_need_consent_and_a_way_to_reach() {
    let survey = templates::service_quality();
    let ok = submit(
        &survey,
        json!({"satisfaction": 2, "contact": {"consent": true, "email": " ana@example.lv ", "name": "Anna"}}),
    )
    .unwrap();
    let contact = ok
        .answers()
        .iter()
        .find(|(id, _)| id.as_str() == "contact")
        .unwrap()
        .1;
    let contact = serde_json::to_value(contact).unwrap();
    assert_eq!(
        contact,
        json!({"consent": true, "name": "Anna", "email": "ana@example.lv"})
    );

    let declined = submit(&survey, json!({"satisfaction": 2, "contact": {"consent": false}})).unwrap();
    assert_eq!(declined.answers().len(), 1, "no consent, nothing to store");

    let c = |contact: Value| json!({"satisfaction": 2, "contact": contact});
    rejects(
        &survey,
        c(json!({"consent": false, "email": "a@b.co"})),
        ErrorCode::InvalidValue,
        "answers.contact.email",
    );
    rejects(
        &survey,
        c(json!({"email": "a@b.co"})),
        ErrorCode::InvalidValue,
        "answers.contact.email",
    );
    rejects(
        &survey,
        c(json!({"consent": true})),
        ErrorCode::Required,
        "answers.contact.email",
    );
    rejects(
        &survey,
        c(json!({"consent": true, "email": "not an email"})),
        ErrorCode::InvalidValue,
        "answers.contact.email",
    );
    rejects(
        &survey,
        c(json!({"consent": true, "phone": "12"})),
        ErrorCode::InvalidValue,
        "answers.contact.phone",
    );
    rejects(
        &survey,
        c(json!({"consent": "yes", "phone": "+66 2 123 4567"})),
        ErrorCode::InvalidType,
        "answers.contact.consent",
    );
    rejects(
        &survey,
        c(json!({"consent": true, "phone": "+66 2 123 4567", "ip": "1.2.3.4"})),
        ErrorCode::UnknownField,
        "answers.contact.ip",
    );
    rejects(
        &survey,
        c(json!({"consent": true, "email": format!("{}@example.com", "a".repeat(260))})),
        ErrorCode::TooLong,
        "answers.contact.email",
    );
    rejects(
        &survey,
        c(json!({"consent": true, "email": "anna%40x.lv?bcc=me%40evil.test&a@b.cc"})),
        ErrorCode::InvalidValue,
        "answers.contact.email",
    );
}

#[test]
fn control_characters_are_refused_in_every_text_field() {
    let survey = templates::service_quality();
    let c = |contact: Value| json!({"satisfaction": 2, "contact": contact});
    for (name, field) in [
        ("name", "answers.contact.name"),
        ("email", "answers.contact.email"),
        ("phone", "answers.contact.phone"),
    ] {
        let mut contact = json!({"consent": true, "email": "ana@example.lv", "phone": "+66 2 123 4567"});
        contact[name] = json!(format!("{}\u{0}", contact[name].as_str().unwrap_or("Anna")));
        rejects(&survey, c(contact), ErrorCode::InvalidValue, field);
    }
    rejects(
        &survey,
        c(json!({"consent": true, "email": "ana@example.lv", "name": "Anna\tBerzina"})),
        ErrorCode::InvalidValue,
        "answers.contact.name",
    );
    let comment_survey = templates::after_support();
    rejects(
        &comment_survey,
        json!({"satisfaction": 5, "comment": "fine\u{0}"}),
        ErrorCode::InvalidValue,
        "answers.comment",
    );
    rejects(
        &comment_survey,
        json!({"satisfaction": 5, "comment": "\u{1b}[2J"}),
        ErrorCode::InvalidValue,
        "answers.comment",
    );
    let lines = submit(
        &comment_survey,
        json!({"satisfaction": 5, "comment": "Two lines:\r\n\tfine"}),
    );
    assert!(lines.is_ok(), "tab and line breaks belong in a comment");
    let body = json!({"id": ID, "survey_version": 1, "answers": {"satisfaction": 5}, "context": {"channel": "web\u{0}"}});
    let error = ResponseSubmission::from_json(body.to_string().as_bytes()).unwrap_err();
    assert_eq!(
        (error.code, error.field.as_str()),
        (ErrorCode::InvalidValue, "context.channel")
    );
}

#[test]
fn single_choice_accepts_only_its_options() {
    let survey = Survey::from_json(
        json!({
            "id": "channel", "version": 1, "default_locale": "en", "title": {"en": "Channel"},
            "questions": [{"id": "via", "kind": "single_choice", "required": true, "text": {"en": "How did you reach us?"},
                "options": [{"id": "chat", "label": {"en": "Chat"}}, {"id": "phone", "label": {"en": "Phone"}}]}]
        })
        .to_string()
        .as_bytes(),
    )
    .unwrap();
    assert!(submit(&survey, json!({"via": "chat"})).is_ok());
    rejects(
        &survey,
        json!({"via": "email"}),
        ErrorCode::InvalidValue,
        "answers.via",
    );
    rejects(&survey, json!({"via": 1}), ErrorCode::InvalidType, "answers.via");
}

#[test]
fn body_level_errors() {
    let survey = templates::checkout();
    for (body, code, field) in [
        (
            json!({"id": ID, "survey_version": 1}),
            ErrorCode::Required,
            "answers",
        ),
        (
            json!({"id": ID, "answers": {}}),
            ErrorCode::Required,
            "survey_version",
        ),
        (
            json!({"id": ID, "survey_version": -1, "answers": {}}),
            ErrorCode::InvalidType,
            "survey_version",
        ),
        (
            json!({"id": ID, "survey_version": 1, "locale": 5, "answers": {}}),
            ErrorCode::InvalidType,
            "locale",
        ),
        (
            json!({"id": ID, "survey_version": 1, "locale": "english", "answers": {}}),
            ErrorCode::InvalidValue,
            "locale",
        ),
    ] {
        let error = ResponseSubmission::from_json(body.to_string().as_bytes())
            .and_then(|s| survey.validate(s))
            .unwrap_err();
        assert_eq!((error.code, error.field.as_str()), (code, field), "{body}");
    }
}

#[test]
fn a_partial_save_is_numbered_may_wait_for_required_answers_and_holds_no_contact() {
    let survey = templates::after_support();
    let save = |extra: Value, answers: Value| {
        let mut body = json!({"id": ID, "survey_version": 1, "answers": answers});
        body.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        ResponseSubmission::from_json(body.to_string().as_bytes()).and_then(|s| survey.validate(s))
    };
    let partial = save(json!({"complete": false, "sequence": 2}), json!({"effort": 6})).unwrap();
    assert_eq!(partial.progress(), candor_core::Progress::Partial { sequence: 2 });
    let wire = partial.to_submission();
    assert_eq!(
        (wire.complete, wire.sequence),
        (false, Some(2)),
        "the wire form says it is partial"
    );
    let finished = save(json!({"sequence": 3}), json!({"satisfaction": 4})).unwrap();
    assert_eq!(
        finished.progress(),
        candor_core::Progress::Complete,
        "complete unless told"
    );
    for (extra, field) in [
        (json!({"complete": false}), "sequence"),
        (json!({"complete": false, "sequence": 0}), "sequence"),
        (json!({"complete": "no", "sequence": 1}), "complete"),
    ] {
        let error = save(extra.clone(), json!({})).unwrap_err();
        assert_eq!(error.field, field, "{extra}: {error}");
    }
    let error = save(json!({"complete": false}), json!({"satisfaction": 4})).unwrap_err();
    assert_eq!(error.code, ErrorCode::Required);
    let contact = json!({"resolved": false, "contact": {"consent": true, "email": "a@example.com"}});
    let error = save(json!({"complete": false, "sequence": 1}), contact).unwrap_err();
    assert_eq!(
        (error.code, error.field.as_str()),
        (ErrorCode::InvalidValue, "answers.contact")
    );
}

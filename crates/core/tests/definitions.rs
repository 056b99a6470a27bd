//! Every kind of survey-definition error gives its code and JSON path.
#![allow(clippy::unwrap_used)]

use candor_core::{ErrorCode, QuestionKind, Survey, Trigger, templates};
use serde_json::{Value, json};

fn service_quality_json() -> Value {
    serde_json::to_value(templates::service_quality()).unwrap()
}

fn parse(value: &Value) -> Result<Survey, candor_core::FieldError> {
    Survey::from_json(value.to_string().as_bytes())
}

/// Applies `change` to the service-quality template and expects an error.
fn rejects(what: &str, change: impl FnOnce(&mut Value), code: ErrorCode, field: &str) {
    let mut value = service_quality_json();
    change(&mut value);
    let error = parse(&value).expect_err(what);
    assert_eq!(
        (error.code, error.field.as_str()),
        (code, field),
        "{what}: {error}"
    );
    assert!(!error.message.is_empty(), "{what}");
}

#[test]
fn a_full_definition_parses_with_every_kind() {
    let survey = parse(&json!({
        "id": "everything",
        "version": 3,
        "default_locale": "en",
        "title": {"en": "All kinds", "th": "ทุกแบบ"},
        "questions": [
            {"id": "sat", "kind": "csat", "display": "faces", "points": 7, "required": true, "text": {"en": "Satisfied?"}},
            {"id": "nps", "kind": "nps", "text": {"en": "Recommend?"}},
            {"id": "ces", "kind": "ces", "text": {"en": "Easy?"}},
            {"id": "gap", "kind": "expectation_gap", "text": {"en": "Gap"},
             "dimensions": [{"id": "reliability", "label": {"en": "Reliability"}}]},
            {"id": "fcr", "kind": "yes_no", "text": {"en": "Solved?"}},
            {"id": "channel", "kind": "single_choice", "text": {"en": "Channel"},
             "options": [{"id": "chat", "label": {"en": "Chat"}}, {"id": "phone", "label": {"en": "Phone"}}]},
            {"id": "comment", "kind": "comment", "max_length": 500, "text": {"en": "Comment"}},
            {"id": "contact", "kind": "contact_request", "text": {"en": "Contact me"}}
        ],
        "settings": {
            "display": "side_tab",
            "trigger": {"on": "event", "name": "order-placed"},
            "sampling_rate": 0.25,
            "recontact_days": 30,
            "dismissal_days": 7,
            "public_aggregates": {"enabled": true, "minimum_sample": 20, "window": "90d"},
            "theme": {"scheme": "dark", "accent": "#0f766e", "radius_px": 8},
            "allowed_origins": ["https://shop.example", "http://localhost:3000"]
        }
    }))
    .unwrap();
    assert_eq!(survey.questions.len(), 8);
    assert!(matches!(
        survey.questions[0].kind,
        QuestionKind::Csat { points: 7, .. }
    ));
    assert_eq!(survey.questions[0].kind.scale(), Some(1..=7));
    assert_eq!(
        survey.settings.trigger,
        Trigger::Event {
            name: "order-placed".into()
        }
    );
    assert_eq!(survey.settings.public_aggregates.minimum_sample, 20);
}

#[test]
fn settings_default_when_absent() {
    let mut value = service_quality_json();
    value.as_object_mut().unwrap().remove("settings");
    let survey = parse(&value).unwrap();
    assert_eq!(survey.settings.public_aggregates.minimum_sample, 10);
    assert_eq!(survey.settings.sampling_rate, 1.0);
}

#[test]
fn shape_errors_name_their_path() {
    rejects("not JSON", |v| *v = json!("{"), ErrorCode::InvalidType, "");
    rejects(
        "unknown top-level field",
        |v| v["colour"] = json!("red"),
        ErrorCode::UnknownField,
        "colour",
    );
    rejects(
        "unknown question field",
        |v| v["questions"][0]["colour"] = json!("red"),
        ErrorCode::UnknownField,
        "questions[0].colour",
    );
    rejects(
        "unknown kind",
        |v| v["questions"][1]["kind"] = json!("slider"),
        ErrorCode::InvalidValue,
        "questions[1].kind",
    );
    rejects(
        "a field of another kind",
        |v| v["questions"][0]["dimensions"] = json!([]),
        ErrorCode::UnknownField,
        "questions[0].dimensions",
    );
    rejects(
        "a gap question without dimensions",
        |v| {
            v["questions"][1].as_object_mut().unwrap().remove("dimensions");
        },
        ErrorCode::Required,
        "questions[1].dimensions",
    );
    rejects(
        "missing id",
        |v| {
            v["questions"][2].as_object_mut().unwrap().remove("id");
        },
        ErrorCode::Required,
        "questions[2].id",
    );
    rejects(
        "missing max_length",
        |v| {
            v["questions"][3].as_object_mut().unwrap().remove("max_length");
        },
        ErrorCode::Required,
        "questions[3].max_length",
    );
    rejects(
        "wrong type",
        |v| v["version"] = json!("one"),
        ErrorCode::InvalidType,
        "version",
    );
    rejects(
        "bad survey id",
        |v| v["id"] = json!("Bad Id"),
        ErrorCode::InvalidValue,
        "id",
    );
    rejects(
        "unknown setting",
        |v| v["settings"]["popup"] = json!(true),
        ErrorCode::UnknownField,
        "settings.popup",
    );
    rejects(
        "a trigger detail of another trigger",
        |v| v["settings"]["trigger"] = json!({"on": "delay", "seconds": 5, "percent": 50}),
        ErrorCode::UnknownField,
        "settings.trigger.percent",
    );
    rejects(
        "a delay without seconds",
        |v| v["settings"]["trigger"] = json!({"on": "delay"}),
        ErrorCode::Required,
        "settings.trigger.seconds",
    );
    rejects(
        "unknown trigger",
        |v| v["settings"]["trigger"] = json!({"on": "never"}),
        ErrorCode::InvalidValue,
        "settings.trigger.on",
    );
    rejects(
        "unknown window",
        |v| v["settings"]["public_aggregates"]["window"] = json!("1y"),
        ErrorCode::InvalidValue,
        "settings.public_aggregates.window",
    );
}

#[test]
fn rule_errors_name_their_path() {
    rejects(
        "version 0",
        |v| v["version"] = json!(0),
        ErrorCode::OutOfRange,
        "version",
    );
    rejects(
        "bad default locale",
        |v| v["default_locale"] = json!("english"),
        ErrorCode::InvalidValue,
        "default_locale",
    );
    rejects(
        "title without default locale",
        |v| {
            v["title"].as_object_mut().unwrap().remove("en");
        },
        ErrorCode::MissingText,
        "title.en",
    );
    rejects(
        "question text without default locale",
        |v| {
            v["questions"][2]["text"].as_object_mut().unwrap().remove("en");
        },
        ErrorCode::MissingText,
        "questions[2].text.en",
    );
    rejects(
        "blank default text",
        |v| v["questions"][0]["text"]["en"] = json!("  "),
        ErrorCode::MissingText,
        "questions[0].text.en",
    );
    rejects(
        "dimension label without default locale",
        |v| {
            v["questions"][1]["dimensions"][4]["label"]
                .as_object_mut()
                .unwrap()
                .remove("en");
        },
        ErrorCode::MissingText,
        "questions[1].dimensions[4].label.en",
    );
    rejects(
        "bad locale key",
        |v| v["questions"][0]["text"]["english"] = json!("Hi"),
        ErrorCode::InvalidValue,
        "questions[0].text.english",
    );
    rejects(
        "duplicate question id",
        |v| v["questions"][3]["id"] = json!("satisfaction"),
        ErrorCode::Duplicate,
        "questions[3].id",
    );
    rejects(
        "duplicate dimension id",
        |v| v["questions"][1]["dimensions"][1]["id"] = json!("reliability"),
        ErrorCode::Duplicate,
        "questions[1].dimensions[1].id",
    );
    rejects(
        "csat of 10 points",
        |v| v["questions"][0]["points"] = json!(10),
        ErrorCode::OutOfRange,
        "questions[0].points",
    );
    rejects(
        "comment of 0 characters",
        |v| v["questions"][3]["max_length"] = json!(0),
        ErrorCode::OutOfRange,
        "questions[3].max_length",
    );
    rejects(
        "no questions",
        |v| v["questions"] = json!([]),
        ErrorCode::Required,
        "questions",
    );
    rejects(
        "gap without dimensions",
        |v| v["questions"][1]["dimensions"] = json!([]),
        ErrorCode::OutOfRange,
        "questions[1].dimensions",
    );
    rejects(
        "sampling above 1",
        |v| v["settings"]["sampling_rate"] = json!(1.5),
        ErrorCode::OutOfRange,
        "settings.sampling_rate",
    );
    rejects(
        "scroll above 100%",
        |v| v["settings"]["trigger"] = json!({"on": "scroll", "percent": 150}),
        ErrorCode::OutOfRange,
        "settings.trigger.percent",
    );
    rejects(
        "event with spaces",
        |v| v["settings"]["trigger"] = json!({"on": "event", "name": "order placed"}),
        ErrorCode::InvalidValue,
        "settings.trigger.name",
    );
    rejects(
        "minimum sample 0",
        |v| v["settings"]["public_aggregates"]["minimum_sample"] = json!(0),
        ErrorCode::OutOfRange,
        "settings.public_aggregates.minimum_sample",
    );
    rejects(
        "accent not a colour",
        |v| v["settings"]["theme"]["accent"] = json!("blue"),
        ErrorCode::InvalidValue,
        "settings.theme.accent",
    );
    rejects(
        "origin with a path",
        |v| v["settings"]["allowed_origins"] = json!(["https://shop.example/checkout"]),
        ErrorCode::InvalidValue,
        "settings.allowed_origins[0]",
    );
}

#[test]
fn single_choice_needs_two_options() {
    let mut value = service_quality_json();
    value["questions"].as_array_mut().unwrap().push(json!({
        "id": "channel", "kind": "single_choice", "text": {"en": "Channel"},
        "options": [{"id": "chat", "label": {"en": "Chat"}}]
    }));
    let error = parse(&value).unwrap_err();
    assert_eq!(
        (error.code, error.field.as_str()),
        (ErrorCode::OutOfRange, "questions[5].options")
    );
}

/// Every definition docs/survey-format.md gives is one the parser takes,
/// so copying one from the docs always works.
#[test]
fn the_documented_definitions_parse() {
    let guide = include_str!("../../../docs/survey-format.md");
    let definitions: Vec<&str> = guide
        .split("```json\n")
        .skip(1)
        .filter_map(|rest| rest.split("```").next())
        .filter(|block| block.contains("\"questions\""))
        .collect();
    assert!(
        definitions.len() >= 2,
        "the complete example and the logic example"
    );
    for definition in definitions {
        if let Err(error) = Survey::from_json(definition.as_bytes()) {
            panic!("{error}: {definition}");
        }
    }
}

#[test]
fn any_deserializer_gives_the_same_survey_and_the_same_errors() {
    // The widget reads definitions through the browser's JSON parser; a
    // `Value` stands in for it here.
    let value = service_quality_json();
    let survey = Survey::from_deserializer(value.clone()).unwrap();
    assert_eq!(survey, parse(&value).unwrap());
    let mut unknown = value.clone();
    unknown["questions"][0]["colour"] = json!("red");
    let error = Survey::from_deserializer(unknown).unwrap_err();
    assert_eq!(
        (error.code, error.field.as_str()),
        (ErrorCode::UnknownField, "colour")
    );
    let mut missing = value.clone();
    missing.as_object_mut().unwrap().remove("default_locale");
    let error = Survey::from_deserializer(missing).unwrap_err();
    assert_eq!(
        (error.code, error.field.as_str()),
        (ErrorCode::Required, "default_locale")
    );
    // The rules serde cannot express name their path, as from JSON.
    let mut rule = value;
    rule["questions"][1]["id"] = rule["questions"][0]["id"].clone();
    let error = Survey::from_deserializer(rule).unwrap_err();
    assert_eq!(
        (error.code, error.field.as_str()),
        (ErrorCode::Duplicate, "questions[1].id")
    );
}

#[test]
fn targeting_parses_and_decides_when_a_survey_is_open() {
    use candor_core::{Moment, Opening};
    let mut value = service_quality_json();
    value["settings"]["pages"] =
        json!({"include": ["/orders/*", "/checkout?coupon"], "exclude": ["/orders/export"]});
    value["settings"]["trigger"] = json!({"on": "page_view", "count": 3});
    value["settings"]["starts_at"] = json!("2027-01-01T00:00:00Z");
    value["settings"]["ends_at"] = json!("2027-04-01T00:00:00Z");
    value["settings"]["response_limit"] = json!(300);
    let survey = parse(&value).unwrap();
    let pages = survey.settings.pages.as_ref().unwrap();
    assert!(pages.offers("/orders/17", &[]));
    assert!(pages.offers("/checkout", &["coupon"]));
    assert!(!pages.offers("/checkout", &[]));
    assert!(!pages.offers("/orders/export", &[]));
    assert_eq!(survey.settings.trigger, Trigger::PageView { count: 3 });
    let at = |raw: &str| Moment::try_from(raw.to_owned()).unwrap();
    let settings = &survey.settings;
    assert_eq!(
        settings.opening(at("2026-12-31T23:59:59Z"), 0),
        Opening::NotStarted
    );
    assert_eq!(settings.opening(at("2027-01-01T00:00:00Z"), 299), Opening::Open);
    assert_eq!(settings.opening(at("2027-01-02T00:00:00Z"), 300), Opening::Closed);
    assert_eq!(settings.opening(at("2027-04-01T00:00:00Z"), 0), Opening::Closed);
    // It round-trips as it was written.
    let again = serde_json::to_value(&survey).unwrap();
    assert_eq!(again["settings"]["pages"], value["settings"]["pages"]);
    assert_eq!(again["settings"]["starts_at"], value["settings"]["starts_at"]);
    let click = json!({"on": "click", "selector": "#help"});
    value["settings"]["trigger"] = click.clone();
    assert_eq!(
        serde_json::to_value(parse(&value).unwrap().settings.trigger).unwrap(),
        click
    );
}

#[test]
fn targeting_errors_name_their_path() {
    rejects(
        "a page rule that is not a path",
        |v| v["settings"]["pages"] = json!({"include": ["orders/*"]}),
        ErrorCode::InvalidValue,
        "settings.pages.include[0]",
    );
    rejects(
        "a query value in a rule",
        |v| v["settings"]["pages"] = json!({"exclude": ["/x?email=a"]}),
        ErrorCode::InvalidValue,
        "settings.pages.exclude[0]",
    );
    rejects(
        "too many rules",
        |v| v["settings"]["pages"] = json!({"include": vec!["/a"; 21]}),
        ErrorCode::OutOfRange,
        "settings.pages.include",
    );
    rejects(
        "a time with an offset",
        |v| v["settings"]["starts_at"] = json!("2027-01-01T00:00:00+02:00"),
        ErrorCode::InvalidValue,
        "settings.starts_at",
    );
    rejects(
        "an end before the start",
        |v| {
            v["settings"]["starts_at"] = json!("2027-02-01T00:00:00Z");
            v["settings"]["ends_at"] = json!("2027-01-01T00:00:00Z");
        },
        ErrorCode::OutOfRange,
        "settings.ends_at",
    );
    rejects(
        "a limit of no responses",
        |v| v["settings"]["response_limit"] = json!(0),
        ErrorCode::OutOfRange,
        "settings.response_limit",
    );
    rejects(
        "a click without a selector",
        |v| v["settings"]["trigger"] = json!({"on": "click"}),
        ErrorCode::Required,
        "settings.trigger.selector",
    );
    rejects(
        "an empty selector",
        |v| v["settings"]["trigger"] = json!({"on": "click", "selector": " "}),
        ErrorCode::InvalidValue,
        "settings.trigger.selector",
    );
    rejects(
        "page view 0",
        |v| v["settings"]["trigger"] = json!({"on": "page_view", "count": 0}),
        ErrorCode::OutOfRange,
        "settings.trigger.count",
    );
}

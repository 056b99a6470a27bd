//! The public-figures guarantee, as an attacker would test it: whatever
//! arrives and is erased, on whatever days, every number of responses or
//! answers any public snapshot publishes (over any window, at any time) is
//! a whole number of groups of the minimum sample, so any two public
//! answers differ by none or by at least the minimum sample, and
//! subtracting consecutive stream events or one window from another never
//! isolates fewer respondents than that.
#![allow(clippy::unwrap_used)]

use candor_core::release::Release;
use candor_core::{Day, ResponseSubmission, Survey, ValidResponse, Window};
use proptest::prelude::*;
use serde_json::{Value, json};

fn survey(minimum: u32) -> Survey {
    let mut survey = Survey::from_json(
        json!({
            "id": "props", "version": 1, "default_locale": "en", "title": {"en": "Props"},
            "questions": [
                {"id": "csat", "kind": "csat", "text": {"en": "Satisfied?"}},
                {"id": "nps", "kind": "nps", "text": {"en": "Recommend?"}},
                {"id": "gap", "kind": "expectation_gap", "text": {"en": "Gap"},
                 "dimensions": [{"id": "a", "label": {"en": "A"}}, {"id": "b", "label": {"en": "B"}}]},
                {"id": "yes", "kind": "yes_no", "text": {"en": "Yes?"}},
                {"id": "via", "kind": "single_choice", "text": {"en": "Via"},
                 "options": [{"id": "chat", "label": {"en": "Chat"}}, {"id": "phone", "label": {"en": "Phone"}}]},
                {"id": "words", "kind": "comment", "max_length": 500, "text": {"en": "Anything else?"}},
                {"id": "pick", "kind": "multiple_choice", "other": true, "text": {"en": "Pick"},
                 "options": [{"id": "fast", "label": {"en": "Fast"}}, {"id": "kind", "label": {"en": "Kind"}}]},
                {"id": "agree", "kind": "likert", "text": {"en": "Agree"},
                 "statements": [{"id": "a", "label": {"en": "A"}}, {"id": "b", "label": {"en": "B"}}]}
            ]
        })
        .to_string()
        .as_bytes(),
    )
    .unwrap();
    survey.settings.public_aggregates.minimum_sample = minimum;
    survey
}

/// What happens next: a response arrives (its answers, how many days after
/// the last event), or an earlier one is erased.
#[derive(Debug, Clone)]
enum Event {
    Arrives { days_later: u8, answers: Value },
    Erased { which: usize },
}

fn answers() -> impl Strategy<Value = Value> {
    (
        proptest::option::of(1u8..=5),
        proptest::option::of(0u8..=10),
        proptest::option::of((1u8..=7, 1u8..=7)),
        proptest::option::of((1u8..=7, 1u8..=7)),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
        any::<bool>(),
        proptest::option::of((any::<bool>(), any::<bool>(), any::<bool>())),
        (proptest::option::of(1u8..=5), proptest::option::of(1u8..=5)),
    )
        .prop_map(|(csat, nps, a, b, yes, phone, words, pick, agree)| {
            let pick = pick.map(|(fast, kind, other)| {
                let selected: Vec<&str> = [(fast, "fast"), (kind, "kind")]
                    .into_iter()
                    .filter(|c| c.0)
                    .map(|c| c.1)
                    .collect();
                match other {
                    true => json!({"selected": selected, "other": "a private remark"}),
                    false => json!({"selected": selected}),
                }
            });
            let pair = |p: Option<(u8, u8)>| p.map(|(e, x)| json!({"expected": e, "experienced": x}));
            json!({
                "csat": csat, "nps": nps, "gap": {"a": pair(a), "b": pair(b)}, "yes": yes,
                "via": phone.map(|p| if p { "phone" } else { "chat" }),
                "words": words.then_some("a private remark"),
                "pick": pick, "agree": {"a": agree.0, "b": agree.1}
            })
        })
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        8 => ((0u8..3), answers()).prop_map(|(days_later, answers)| Event::Arrives { days_later, answers }),
        1 => any::<usize>().prop_map(|which| Event::Erased { which }),
    ]
}

fn validate(survey: &Survey, n: usize, answers: &Value) -> ValidResponse {
    let body =
        json!({"id": format!("00000000-0000-4000-8000-{n:012}"), "survey_version": 1, "answers": answers});
    survey
        .validate(ResponseSubmission::from_json(body.to_string().as_bytes()).unwrap())
        .unwrap()
}

/// Every `responses` and `n` a published snapshot holds, wherever it is
/// (figures, withheld markers, gap dimensions, Likert statements, trend
/// points), with its path.
fn counts(value: &Value, path: &str, out: &mut Vec<(String, u64)>) {
    match value {
        Value::Object(fields) => {
            for (key, field) in fields {
                let here = format!("{path}.{key}");
                match (key.as_str(), field.as_u64()) {
                    ("responses" | "n", Some(count)) => out.push((here, count)),
                    _ => counts(field, &here, out),
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                counts(item, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn every_published_count_moves_in_whole_groups(
        minimum in 2u32..7,
        events in proptest::collection::vec(event(), 1..100),
    ) {
        let survey = survey(minimum);
        let mut release = Release::default();
        let mut received: Vec<(ValidResponse, std::collections::BTreeMap<_, _>)> = Vec::new();
        let mut erased = std::collections::BTreeSet::new();
        let mut today = Day::from_days_since_epoch(20_000);
        let mut published = 0;
        for event in &events {
            match event {
                Event::Arrives { days_later, answers } => {
                    today = today.plus(i32::from(*days_later));
                    let response = validate(&survey, received.len(), answers);
                    let joined = release.receive(&survey, &response, today, minimum);
                    received.push((response, joined));
                }
                Event::Erased { which } if !received.is_empty() => {
                    let which = which % received.len();
                    if erased.insert(which) {
                        let (response, joined) = &received[which];
                        release.erase(&survey, response, joined);
                    }
                }
                Event::Erased { .. } => {}
            }
            for window in [Window::Days7, Window::Days30, Window::Days90, Window::All] {
                // Also the day after and a week on: windows that slide
                // without a new response.
                for later in [0, 1, 7] {
                    let snapshot = release.snapshot(&survey, window, today.plus(later));
                    let json = serde_json::to_value(&snapshot).unwrap();
                    prop_assert!(!json.to_string().contains("private remark"), "free text is never public");
                    let mut found = Vec::new();
                    counts(&json, "", &mut found);
                    for (path, count) in found {
                        published += 1;
                        prop_assert_eq!(count % u64::from(minimum), 0, "{} = {} published with a minimum of {}", path, count, minimum);
                    }
                }
            }
        }
        prop_assert!(published > 0);
    }
}

//! Partial responses in the summaries, as the collector keeps them: each
//! save's contribution is taken out when a newer save (or the finished
//! response) replaces it, and put in anew. After any sequence of saves,
//! arriving in any order, the summaries equal those built from scratch of
//! what is kept: every finished response, and the latest save of every
//! unfinished one.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use candor_core::stats::SurveyStats;
use candor_core::{ResponseSubmission, Survey, ValidResponse};
use proptest::prelude::*;
use serde_json::{Value, json};

fn survey() -> Survey {
    Survey::from_json(
        json!({
            "id": "partial", "version": 1, "default_locale": "en", "title": {"en": "Partial"},
            "questions": [
                {"id": "csat", "kind": "csat", "required": true, "text": {"en": "Satisfied?"}},
                {"id": "gap", "kind": "expectation_gap", "text": {"en": "Gap"},
                 "dimensions": [{"id": "a", "label": {"en": "A"}}]},
                {"id": "pick", "kind": "multiple_choice", "text": {"en": "Pick"}, "other": true,
                 "options": [{"id": "x", "label": {"en": "X"}}, {"id": "y", "label": {"en": "Y"}}]},
                {"id": "agree", "kind": "likert", "points": 7, "text": {"en": "Agree"},
                 "statements": [{"id": "s", "label": {"en": "S"}}]}
            ]
        })
        .to_string()
        .as_bytes(),
    )
    .unwrap()
}

/// One save: which response (0–3), its sequence, whether it finishes it,
/// and its answers.
#[derive(Debug, Clone)]
struct Save {
    response: usize,
    sequence: u32,
    complete: bool,
    answers: Value,
}

fn answers() -> impl Strategy<Value = Value> {
    (
        1u8..=5,
        proptest::option::of((1u8..=7, 1u8..=7)),
        proptest::option::of((any::<bool>(), any::<bool>())),
        proptest::option::of(1u8..=7),
    )
        .prop_map(|(csat, gap, pick, agree)| {
            json!({
                "csat": csat,
                "gap": gap.map(|(e, x)| json!({"a": {"expected": e, "experienced": x}})),
                "pick": pick.map(|(x, other)| if x { json!({"selected": ["x"]}) } else if other { json!({"selected": [], "other": "own words"}) } else { json!({"selected": ["y"]}) }),
                "agree": agree.map(|p| json!({"s": p})),
            })
        })
}

fn save() -> impl Strategy<Value = Save> {
    (0usize..4, 1u32..8, proptest::bool::weighted(0.2), answers()).prop_map(
        |(response, sequence, complete, answers)| Save {
            response,
            sequence,
            complete,
            answers,
        },
    )
}

fn valid(survey: &Survey, save: &Save) -> ValidResponse {
    let body = json!({
        "id": format!("00000000-0000-4000-8000-{:012}", save.response),
        "survey_version": 1, "sequence": save.sequence, "complete": save.complete, "answers": save.answers
    });
    survey
        .validate(ResponseSubmission::from_json(body.to_string().as_bytes()).unwrap())
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn summaries_follow_the_saves_kept(saves in proptest::collection::vec(save(), 1..40)) {
        let survey = survey();
        // What the collector keeps, and its two running summaries.
        let mut partial: BTreeMap<usize, (u32, SurveyStats)> = BTreeMap::new();
        let mut finished: BTreeMap<usize, ValidResponse> = BTreeMap::new();
        let (mut partial_summary, mut finished_summary) = (SurveyStats::default(), SurveyStats::default());
        for save in &saves {
            if finished.contains_key(&save.response) {
                continue; // finished: a later save changes nothing
            }
            let response = valid(&survey, save);
            let mut contribution = SurveyStats::default();
            contribution.add(&survey, &response);
            if save.complete {
                if let Some((_, kept)) = partial.remove(&save.response) {
                    partial_summary.subtract(&kept);
                }
                finished_summary.add(&survey, &response);
                finished.insert(save.response, response);
                continue;
            }
            match partial.get(&save.response) {
                Some((sequence, _)) if *sequence >= save.sequence => {} // a late retry
                kept => {
                    if let Some((_, kept)) = kept {
                        partial_summary.subtract(kept);
                    }
                    partial_summary.merge(&contribution);
                    partial.insert(save.response, (save.sequence, contribution));
                }
            }
        }
        let mut expected_finished = SurveyStats::default();
        for response in finished.values() {
            expected_finished.add(&survey, response);
        }
        let mut expected_partial = SurveyStats::default();
        for (_, kept) in partial.values() {
            expected_partial.merge(kept);
        }
        // Subtracting leaves zero counts where a fresh build has none:
        // compared through the figures' counts, not the maps' keys.
        prop_assert_eq!(normalised(&finished_summary), normalised(&expected_finished));
        prop_assert_eq!(normalised(&partial_summary), normalised(&expected_partial));
        prop_assert_eq!(partial_summary.responses, partial.len() as u64);
    }
}

/// A summary as JSON with every zero count and empty collection dropped.
fn normalised(stats: &SurveyStats) -> Value {
    fn prune(value: Value) -> Option<Value> {
        match value {
            Value::Number(n) if n.as_u64() == Some(0) || n.as_i64() == Some(0) => None,
            Value::Object(fields) => {
                let kept: serde_json::Map<String, Value> = fields
                    .into_iter()
                    .filter_map(|(k, v)| {
                        if k == "kind" || k == "min" {
                            Some((k, v))
                        } else {
                            prune(v).map(|v| (k, v))
                        }
                    })
                    .collect();
                (kept.keys().any(|k| k != "kind" && k != "min")).then_some(Value::Object(kept))
            }
            Value::Array(items) => {
                // Trailing zeros of a histogram are absent in a fresh one.
                let mut items: Vec<Value> = items
                    .into_iter()
                    .map(|v| prune(v.clone()).map_or(json!(0), |_| v))
                    .collect();
                while items.last() == Some(&json!(0)) {
                    items.pop();
                }
                (!items.is_empty()).then_some(Value::Array(items))
            }
            other => Some(other),
        }
    }
    prune(serde_json::to_value(stats).unwrap()).unwrap_or(json!({}))
}

//! candor-core's figures against scipy and statsmodels (fixtures made by
//! tests/reference/generate.py), through the public pipeline: responses →
//! daily summaries → snapshot. Checked to 1e-9.
#![allow(clippy::unwrap_used)]

use candor_core::snapshot::{DimensionFigures, Figures, StatementFigures};
use candor_core::stats::{Moments, SurveyStats, special, two_proportion_z, welch_t};
use candor_core::{Day, ResponseSubmission, Snapshot, Survey, Window};
use serde_json::{Value, json};

const TOLERANCE: f64 = 1e-9;

fn fixtures() -> Value {
    serde_json::from_str(include_str!("reference/fixtures.json")).unwrap()
}

fn close(actual: f64, expected: &Value, what: &str) {
    let expected = expected
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: no number in {expected}"));
    assert!(
        (actual - expected).abs() <= TOLERANCE * expected.abs().max(1.0),
        "{what}: {actual} != {expected}"
    );
}

/// A survey with one question of each kind the fixtures cover.
fn survey() -> Survey {
    Survey::from_json(
        json!({
            "id": "reference", "version": 1, "default_locale": "en", "title": {"en": "Reference"},
            "questions": [
                {"id": "csat", "kind": "csat", "text": {"en": "Satisfied?"}},
                {"id": "csat7", "kind": "csat", "points": 7, "text": {"en": "Satisfied (7)?"}},
                {"id": "nps", "kind": "nps", "text": {"en": "Recommend?"}},
                {"id": "ces", "kind": "ces", "text": {"en": "Easy?"}},
                {"id": "gap", "kind": "expectation_gap", "text": {"en": "Gap"},
                 "dimensions": [{"id": "d", "label": {"en": "Dimension"}}]},
                {"id": "yes", "kind": "yes_no", "text": {"en": "Yes?"}},
                {"id": "multi", "kind": "multiple_choice", "text": {"en": "Which?"}, "other": true,
                 "options": [{"id": "a", "label": {"en": "A"}}, {"id": "b", "label": {"en": "B"}},
                             {"id": "c", "label": {"en": "C"}}]},
                {"id": "likert", "kind": "likert", "text": {"en": "Agree?"},
                 "statements": [{"id": "s", "label": {"en": "Statement"}}]},
                {"id": "likert7", "kind": "likert", "points": 7, "text": {"en": "Agree (7)?"},
                 "statements": [{"id": "s", "label": {"en": "Statement"}}]}
            ]
        })
        .to_string()
        .as_bytes(),
    )
    .unwrap()
}

/// The snapshot of one answer per value, spread over three days so merging
/// is exercised, with a minimum sample of 1.
fn snapshot_of(question: &str, values: &[Value]) -> Snapshot {
    let survey = survey();
    let mut days = vec![(Day::from_days_since_epoch(20_000), SurveyStats::default()); 3];
    for (i, value) in values.iter().enumerate() {
        days[i % 3].0 = Day::from_days_since_epoch(20_000 + (i % 3) as i32);
        let id = format!("00000000-0000-4000-8000-{i:012}");
        let body = json!({"id": id, "survey_version": 1, "answers": {question: value}});
        let response = survey
            .validate(ResponseSubmission::from_json(body.to_string().as_bytes()).unwrap())
            .unwrap();
        days[i % 3].1.add(&survey, &response);
    }
    Snapshot::build_with_minimum(&survey, Window::All, &days, None, 1)
}

fn figures<'a>(snapshot: &'a Snapshot, id: &str) -> &'a Figures {
    &snapshot.question(id).unwrap().figures
}

#[test]
fn csat_mean_and_satisfied_share() {
    for case in fixtures()["csat"].as_array().unwrap() {
        let question = if case["points"] == 7 { "csat7" } else { "csat" };
        let snapshot = snapshot_of(question, case["ratings"].as_array().unwrap());
        let Figures::Csat { mean, satisfied, .. } = figures(&snapshot, question) else {
            panic!()
        };
        close(*mean, &case["mean"], "mean");
        close(satisfied.share, &case["satisfied"], "satisfied");
        close(satisfied.low, &case["low"], "satisfied low");
        close(satisfied.high, &case["high"], "satisfied high");
    }
}

#[test]
fn nps_score_and_interval() {
    for case in fixtures()["nps"].as_array().unwrap() {
        let snapshot = snapshot_of("nps", case["ratings"].as_array().unwrap());
        let Figures::Nps { score, low, high, .. } = figures(&snapshot, "nps") else {
            panic!()
        };
        close(*score, &case["score"], "score");
        close(*low, &case["low"], "low");
        close(*high, &case["high"], "high");
    }
}

#[test]
fn ces_mean_and_agreeing_share() {
    for case in fixtures()["ces"].as_array().unwrap() {
        let snapshot = snapshot_of("ces", case["ratings"].as_array().unwrap());
        let Figures::Ces { mean, agreeing, .. } = figures(&snapshot, "ces") else {
            panic!()
        };
        close(*mean, &case["mean"], "mean");
        close(agreeing.share, &case["agreeing"], "agreeing");
        close(agreeing.low, &case["low"], "low");
        close(agreeing.high, &case["high"], "high");
    }
}

#[test]
fn gap_means_and_student_t_interval() {
    for case in fixtures()["gap"].as_array().unwrap() {
        let answers: Vec<Value> = case["pairs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| json!({"d": {"expected": p[0], "experienced": p[1]}}))
            .collect();
        let snapshot = snapshot_of("gap", &answers);
        let Figures::Gap { dimensions, .. } = figures(&snapshot, "gap") else {
            panic!()
        };
        let DimensionFigures::Shown(d) = &dimensions[0] else {
            panic!()
        };
        close(d.mean_expected, &case["mean_expected"], "mean expected");
        close(d.mean_experienced, &case["mean_experienced"], "mean experienced");
        close(d.mean_gap, &case["mean_gap"], "mean gap");
        close(d.met_or_exceeded, &case["met"], "met");
        close_interval(d.low, d.high, case);
    }
}

#[test]
fn yes_no_rate() {
    for case in fixtures()["yes_no"].as_array().unwrap() {
        let snapshot = snapshot_of("yes", case["answers"].as_array().unwrap());
        let Figures::YesNo { yes, .. } = figures(&snapshot, "yes") else {
            panic!()
        };
        close(yes.share, &case["share"], "share");
        close(yes.low, &case["low"], "low");
        close(yes.high, &case["high"], "high");
    }
}

/// An interval that is absent below two answers, as the fixtures' `null`.
fn close_interval(low: Option<f64>, high: Option<f64>, case: &Value) {
    match (low, high) {
        (Some(low), Some(high)) => {
            close(low, &case["low"], "low");
            close(high, &case["high"], "high");
        }
        _ => assert!(case["low"].is_null(), "n = 1 has no interval"),
    }
}

#[test]
fn multiple_choice_shares_of_respondents() {
    for case in fixtures()["multiple_choice"].as_array().unwrap() {
        let answers: Vec<Value> = case["answers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|chosen| {
                let chosen: Vec<u64> = chosen
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c.as_u64().unwrap())
                    .collect();
                let selected: Vec<&str> = chosen
                    .iter()
                    .filter(|c| **c < 3)
                    .map(|c| ["a", "b", "c"][*c as usize])
                    .collect();
                match chosen.contains(&3) {
                    true => json!({"selected": selected, "other": "own words"}),
                    false => json!({"selected": selected}),
                }
            })
            .collect();
        let snapshot = snapshot_of("multi", &answers);
        let Figures::MultipleChoice { n, options, other } = figures(&snapshot, "multi") else {
            panic!()
        };
        assert_eq!(*n as usize, answers.len());
        let shares = options.iter().map(|o| o.chosen).chain(*other);
        for (share, expected) in shares.zip(case["shares"].as_array().unwrap()) {
            assert_eq!(share.k, expected["k"].as_u64().unwrap());
            close(share.share, &expected["share"], "share");
            close(share.low, &expected["low"], "low");
            close(share.high, &expected["high"], "high");
        }
    }
}

#[test]
fn likert_mean_interval_and_agreeing_share() {
    for case in fixtures()["likert"].as_array().unwrap() {
        let question = if case["points"] == 7 { "likert7" } else { "likert" };
        let answers: Vec<Value> = case["ratings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| json!({"s": r}))
            .collect();
        let snapshot = snapshot_of(question, &answers);
        let Figures::Likert { statements, .. } = figures(&snapshot, question) else {
            panic!()
        };
        let StatementFigures::Shown(s) = &statements[0] else {
            panic!()
        };
        close(s.mean, &case["mean"], "mean");
        close_interval(s.low, s.high, case);
        close(s.agreeing.share, &case["agreeing"], "agreeing");
        close(s.agreeing.low, &case["agreeing_low"], "agreeing low");
        close(s.agreeing.high, &case["agreeing_high"], "agreeing high");
    }
}

#[test]
fn student_t_quantiles() {
    for case in fixtures()["t_quantiles"].as_array().unwrap() {
        close(
            special::t_quantile(0.975, case["df"].as_f64().unwrap()),
            &case["t"],
            "t",
        );
    }
}

#[test]
fn two_proportion_z_tests() {
    for case in fixtures()["proportions_z"].as_array().unwrap() {
        let n = |k: &str| case[k].as_u64().unwrap();
        let c = two_proportion_z(n("k1"), n("n1"), n("k2"), n("n2")).unwrap();
        close(c.p_value, &case["p_value"], &case.to_string());
    }
}

#[test]
fn welch_t_tests() {
    let moments = |values: &Value| {
        Moments::from_counts(
            values
                .as_array()
                .unwrap()
                .iter()
                .map(|v| (v.as_i64().unwrap(), 1)),
        )
    };
    for case in fixtures()["welch"].as_array().unwrap() {
        let c = welch_t(moments(&case["a"]), moments(&case["b"])).unwrap();
        close(c.p_value, &case["p_value"], &case.to_string());
    }
}

#[test]
fn fixtures_cover_the_edges() {
    let all = fixtures();
    let sizes: Vec<usize> = all["csat"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["ratings"].as_array().unwrap().len())
        .collect();
    for n in [1, 2, 3] {
        assert!(sizes.contains(&n), "no case of n = {n}");
    }
    let shares: Vec<f64> = all["yes_no"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["share"].as_f64().unwrap())
        .collect();
    assert!(
        shares.contains(&0.0) && shares.contains(&1.0),
        "needs 0% and 100%"
    );
}

//! Properties of the mergeable summaries: merging is associative and
//! commutative, any split of the same responses gives identical figures, and
//! figures from summaries equal figures computed directly from raw values.
#![allow(clippy::unwrap_used)]

use candor_core::snapshot::{DimensionFigures, Figures};
use candor_core::stats::SurveyStats;
use candor_core::{Day, ResponseSubmission, Snapshot, Survey, ValidResponse, Window};
use proptest::prelude::*;
use serde_json::json;

fn survey() -> Survey {
    Survey::from_json(
        json!({
            "id": "props", "version": 1, "default_locale": "en", "title": {"en": "Props"},
            "questions": [
                {"id": "csat", "kind": "csat", "text": {"en": "Satisfied?"}},
                {"id": "nps", "kind": "nps", "text": {"en": "Recommend?"}},
                {"id": "gap", "kind": "expectation_gap", "text": {"en": "Gap"},
                 "dimensions": [{"id": "a", "label": {"en": "A"}}, {"id": "b", "label": {"en": "B"}}]},
                {"id": "yes", "kind": "yes_no", "text": {"en": "Yes?"}},
                {"id": "via", "kind": "single_choice", "text": {"en": "Via"},
                 "options": [{"id": "chat", "label": {"en": "Chat"}}, {"id": "phone", "label": {"en": "Phone"}}]}
            ]
        })
        .to_string()
        .as_bytes(),
    )
    .unwrap()
}

/// One respondent's raw answers; `None` leaves a question unanswered.
#[derive(Debug, Clone)]
struct Raw {
    csat: Option<u8>,
    nps: Option<u8>,
    gap_a: Option<(u8, u8)>,
    gap_b: Option<(u8, u8)>,
    yes: Option<bool>,
    phone: Option<bool>,
}

fn raw() -> impl Strategy<Value = Raw> {
    (
        proptest::option::of(1u8..=5),
        proptest::option::of(0u8..=10),
        proptest::option::of((1u8..=7, 1u8..=7)),
        proptest::option::of((1u8..=7, 1u8..=7)),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
    )
        .prop_map(|(csat, nps, gap_a, gap_b, yes, phone)| Raw {
            csat,
            nps,
            gap_a,
            gap_b,
            yes,
            phone,
        })
}

fn validate(survey: &Survey, i: usize, raw: &Raw) -> ValidResponse {
    let pair = |p: Option<(u8, u8)>| p.map(|(e, x)| json!({"expected": e, "experienced": x}));
    let body = json!({
        "id": format!("00000000-0000-4000-8000-{i:012}"),
        "survey_version": 1,
        "answers": {
            "csat": raw.csat, "nps": raw.nps,
            "gap": {"a": pair(raw.gap_a), "b": pair(raw.gap_b)},
            "yes": raw.yes, "via": raw.phone.map(|p| if p { "phone" } else { "chat" })
        }
    });
    survey
        .validate(ResponseSubmission::from_json(body.to_string().as_bytes()).unwrap())
        .unwrap()
}

/// Summaries of `raws`, response i going to bucket `buckets[i] % k`.
fn split(survey: &Survey, raws: &[Raw], buckets: &[usize], k: usize) -> Vec<SurveyStats> {
    let mut out = vec![SurveyStats::default(); k];
    for (i, raw) in raws.iter().enumerate() {
        out[buckets.get(i).copied().unwrap_or(0) % k].add(survey, &validate(survey, i, raw));
    }
    out
}

fn merged(parts: &[SurveyStats]) -> SurveyStats {
    parts.iter().fold(SurveyStats::default(), |mut acc, p| {
        acc.merge(p);
        acc
    })
}

/// The figures (not the trend, which depends on how days are cut).
fn figures(survey: &Survey, parts: Vec<SurveyStats>) -> Vec<Figures> {
    let days: Vec<(Day, SurveyStats)> = parts
        .into_iter()
        .enumerate()
        .map(|(i, s)| (Day::from_days_since_epoch(20_000 + i as i32), s))
        .collect();
    Snapshot::build_with_minimum(survey, Window::All, &days, None, 1)
        .questions
        .into_iter()
        .map(|q| q.figures)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn merging_is_commutative_and_associative(
        raws in proptest::collection::vec(raw(), 0..40),
        buckets in proptest::collection::vec(0usize..3, 40),
    ) {
        let survey = survey();
        let parts = split(&survey, &raws, &buckets, 3);
        let (a, b, c) = (&parts[0], &parts[1], &parts[2]);
        let mut ab = a.clone();
        ab.merge(b);
        let mut ba = b.clone();
        ba.merge(a);
        prop_assert_eq!(&ab, &ba);
        let mut ab_c = ab.clone();
        ab_c.merge(c);
        let mut bc = b.clone();
        bc.merge(c);
        let mut a_bc = a.clone();
        a_bc.merge(&bc);
        prop_assert_eq!(ab_c, a_bc);
    }

    #[test]
    fn any_split_gives_identical_figures(
        raws in proptest::collection::vec(raw(), 1..60),
        buckets in proptest::collection::vec(0usize..8, 60),
        k in 1usize..8,
    ) {
        let survey = survey();
        let whole = split(&survey, &raws, &[], 1);
        let parts = split(&survey, &raws, &buckets, k);
        prop_assert_eq!(&merged(&parts), &whole[0]);
        prop_assert_eq!(figures(&survey, parts), figures(&survey, whole));
    }

    #[test]
    fn figures_equal_direct_computation(raws in proptest::collection::vec(raw(), 1..80)) {
        let survey = survey();
        let figures = figures(&survey, split(&survey, &raws, &[], 1));

        let ratings: Vec<f64> = raws.iter().filter_map(|r| r.csat).map(f64::from).collect();
        if let Figures::Csat { n, mean, satisfied, .. } = &figures[0] {
            prop_assert_eq!(*n as usize, ratings.len());
            let direct = ratings.iter().sum::<f64>() / ratings.len() as f64;
            prop_assert!((mean - direct).abs() < 1e-12);
            let top = ratings.iter().filter(|r| **r >= 4.0).count() as f64 / ratings.len() as f64;
            prop_assert!((satisfied.share - top).abs() < 1e-12);
        } else {
            prop_assert!(ratings.is_empty());
        }

        let nps: Vec<u8> = raws.iter().filter_map(|r| r.nps).collect();
        if let Figures::Nps { score, .. } = &figures[1] {
            let n = nps.len() as f64;
            let direct = 100.0 * (nps.iter().filter(|v| **v >= 9).count() as f64
                - nps.iter().filter(|v| **v <= 6).count() as f64) / n;
            prop_assert!((score - direct).abs() < 1e-9);
        }

        let gaps: Vec<f64> = raws.iter().filter_map(|r| r.gap_a).map(|(e, x)| f64::from(x) - f64::from(e)).collect();
        if let Figures::Gap { dimensions, .. } = &figures[2]
            && let DimensionFigures::Shown(a) = &dimensions[0]
        {
            let direct = gaps.iter().sum::<f64>() / gaps.len() as f64;
            prop_assert!((a.mean_gap - direct).abs() < 1e-12);
            let met = gaps.iter().filter(|d| **d >= 0.0).count() as f64 / gaps.len() as f64;
            prop_assert!((a.met_or_exceeded - met).abs() < 1e-12);
            if gaps.len() >= 2 {
                let (low, high) = (a.low.unwrap(), a.high.unwrap());
                prop_assert!(low <= a.mean_gap + 1e-12 && a.mean_gap <= high + 1e-12);
            }
        }

        let yes: Vec<bool> = raws.iter().filter_map(|r| r.yes).collect();
        if let Figures::YesNo { yes: share, n } = &figures[3] {
            prop_assert_eq!(*n as usize, yes.len());
            prop_assert_eq!(share.k as usize, yes.iter().filter(|y| **y).count());
        }

        if let Figures::SingleChoice { options, n } = &figures[4] {
            let phones = raws.iter().filter(|r| r.phone == Some(true)).count();
            prop_assert_eq!(options[1].count as usize, phones);
            prop_assert_eq!(options.iter().map(|o| o.count).sum::<u64>(), *n);
        }
    }
}

//! `cargo xtask bench core`: the cost of folding one response into a daily
//! summary, and of a full snapshot from a year of daily summaries, against a
//! baseline measured in the same run: parsing the response's JSON body, which
//! the collector does for every response anyway.
#![allow(clippy::unwrap_used)]

use std::hint::black_box;

use candor_core::stats::SurveyStats;
use candor_core::{Day, ResponseSubmission, Snapshot, Survey, ValidResponse, Window, templates};
use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::json;

fn body(i: usize) -> String {
    let pair = |e: usize, x: usize| json!({"expected": 1 + e % 7, "experienced": 1 + x % 7});
    json!({
        "id": format!("00000000-0000-4000-8000-{i:012}"),
        "survey_version": 1,
        "locale": "en",
        "answers": {
            "satisfaction": 1 + i % 5,
            "quality": {
                "reliability": pair(i, i + 1), "timeliness": pair(i + 2, i), "personal": pair(i, i),
                "courtesy": pair(i + 3, i + 1), "flexibility": pair(i, i + 4), "honesty": pair(i + 1, i + 2)
            },
            "resolved": !i.is_multiple_of(3),
            "comment": "The courier was friendly but the parcel came a day late."
        }
    })
    .to_string()
}

fn response(survey: &Survey, i: usize) -> ValidResponse {
    survey
        .validate(ResponseSubmission::from_json(body(i).as_bytes()).unwrap())
        .unwrap()
}

fn benches(c: &mut Criterion) {
    let survey = templates::service_quality();
    let raw = body(7);
    c.bench_function("baseline: parse response JSON", |b| {
        b.iter(|| black_box(serde_json::from_str::<serde_json::Value>(black_box(&raw)).unwrap()))
    });

    let one = response(&survey, 7);
    let mut day = SurveyStats::default();
    for i in 0..200 {
        day.add(&survey, &response(&survey, i));
    }
    c.bench_function("fold one response into a day", |b| {
        b.iter(|| {
            let mut stats = day.clone();
            stats.add(&survey, black_box(&one));
            stats
        })
    });
    c.bench_function("baseline: clone a day's summary", |b| {
        b.iter(|| black_box(day.clone()))
    });

    let year: Vec<(Day, SurveyStats)> = (0..365)
        .map(|d| {
            let mut stats = SurveyStats::default();
            for i in 0..30 {
                stats.add(&survey, &response(&survey, d * 30 + i));
            }
            (Day::from_days_since_epoch(20_000 + d as i32), stats)
        })
        .collect();
    let previous = year[0].1.clone();
    c.bench_function("snapshot of 365 daily summaries", |b| {
        b.iter(|| Snapshot::build(&survey, Window::All, black_box(&year), Some(&previous)))
    });
}

criterion_group!(core, benches);
criterion_main!(core);

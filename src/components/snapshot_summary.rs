//! What others said, shown after sending: "82% satisfied (±9%) · last 30
//! days", "212 responses · average 4.3 / 5", the ratings as a bar chart,
//! and how experience compared with expectation per dimension. Every figure
//! comes from the snapshot; none is computed here.

use candor_core::snapshot::Verdict;
use leptos::prelude::*;

use crate::chart;
use crate::i18n::{Strings, integer, number, percent, strings, summary};
use candor_core::SurveyLabels;
use candor_core::snapshot::PublicFigures;

/// The public figures of `snapshot`, or why there are none yet.
#[component]
pub fn SnapshotSummary(
    /// The figures from the collector.
    snapshot: PublicFigures,
    /// The survey's dimension names.
    labels: SurveyLabels,
    /// The shown locale.
    locale: String,
) -> impl IntoView {
    let s = strings(&locale);
    let csat = snapshot
        .csat()
        .map(|(mean, satisfied, histogram)| (mean, satisfied, histogram.to_vec()));
    let Some((mean, satisfied, histogram)) = csat else {
        return view! {
            <div class="candor-snapshot" data-responses=snapshot.responses.to_string()>
                <p class="candor-summary">{s.still_collecting}</p>
            </div>
        }
        .into_any();
    };
    let margin = (satisfied.high - satisfied.low) / 2.0;
    let headline = format!(
        "{} · {}",
        s.satisfied
            .replace("{pct}", &percent(&locale, satisfied.share))
            .replace("{margin}", &percent(&locale, margin)),
        s.windows.of(snapshot.window),
    );
    let gaps = gap_lines(&snapshot, &labels, &locale, s);
    view! {
        <div class="candor-snapshot" data-responses=snapshot.responses.to_string()>
            <p class="candor-snapshot__headline">{headline}</p>
            <p class="candor-summary">{summary(&locale, snapshot.responses, mean)}</p>
            <RatingChart histogram=histogram locale=locale.clone() />
            {(!gaps.is_empty())
                .then(|| {
                    view! {
                        <ul class="candor-snapshot__gaps">
                            {gaps
                                .into_iter()
                                .map(|(class, text)| view! { <li class=class>{text}</li> })
                                .collect_view()}
                        </ul>
                    }
                })}
        </div>
    }
    .into_any()
}

/// One line per shown gap dimension: "Delivery date: fell short of
/// expectations (−1.2)", with a class for its verdict.
fn gap_lines(
    snapshot: &PublicFigures,
    labels: &SurveyLabels,
    locale: &str,
    s: &Strings,
) -> Vec<(&'static str, String)> {
    let mut lines = Vec::new();
    for question in &snapshot.questions {
        if question.kind != "gap" {
            continue;
        }
        for d in question.dimensions.iter().filter(|d| d.status == "shown") {
            let label = labels.dimension(&question.id, &d.id, locale).unwrap_or(&d.id);
            let verdict = Verdict::of(d.mean_gap);
            let class = match verdict {
                Verdict::Exceeded => "candor-gap--exceeded",
                Verdict::Met => "candor-gap--met",
                Verdict::FellShort => "candor-gap--short",
            };
            let verdict = s.verdicts.of(verdict);
            let sign = if d.mean_gap > 0.0 {
                "+"
            } else if d.mean_gap < 0.0 {
                "−"
            } else {
                ""
            };
            let gap = format!("{sign}{}", number(locale, d.mean_gap.abs(), 1));
            lines.push((class, format!("{label}: {verdict} ({gap})")));
        }
    }
    lines
}

/// The ratings as bars, drawn in SVG (attributes, not inline styles, so a
/// strict style-src holds), with a text alternative.
#[component]
fn RatingChart(
    /// Counts for 1, 2, … points.
    histogram: Vec<u64>,
    /// The shown locale.
    locale: String,
) -> impl IntoView {
    let s = strings(&locale);
    let description = histogram
        .iter()
        .enumerate()
        .map(|(i, n)| {
            s.bar
                .replace("{point}", &integer(&locale, (i + 1) as u64))
                .replace("{n}", &integer(&locale, *n))
        })
        .collect::<Vec<_>>()
        .join(", ");
    let bars = chart::bars(&histogram, candor_core::locale::is_right_to_left(&locale))
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            view! {
                <rect
                    class="candor-chart__bar"
                    x=format!("{:.2}", bar.x)
                    y=format!("{:.2}", bar.y)
                    width=format!("{:.2}", bar.width)
                    height=format!("{:.2}", bar.height)
                    rx="1"
                ></rect>
                <text
                    class="candor-chart__label"
                    x=format!("{:.2}", bar.label_x)
                    y=chart::LABEL_Y
                    text-anchor="middle"
                >
                    {integer(&locale, (i + 1) as u64)}
                </text>
            }
        })
        .collect_view();
    view! {
        <svg
            class="candor-chart"
            viewBox=chart::VIEW_BOX
            role="img"
            aria-label=format!("{}: {description}", s.chart)
        >
            {bars}
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;
    use candor_core::Window;
    use candor_core::snapshot::{PublicDimension, PublicQuestion};

    #[wasm_bindgen_test]
    fn gap_lines_name_each_shown_dimension_in_the_locale_with_its_verdict() {
        let dimension = |id: &str, status: &str, mean_gap: f64| PublicDimension {
            status: status.into(),
            id: id.into(),
            mean_gap,
        };
        let snapshot = PublicFigures {
            window: Window::Days30,
            responses: 40,
            questions: vec![PublicQuestion {
                id: "delivery".into(),
                kind: "gap".into(),
                mean: 0.0,
                satisfied: None,
                histogram: Vec::new(),
                dimensions: vec![
                    dimension("speed", "shown", -1.2),
                    dimension("care", "shown", 0.5),
                    dimension("price", "withheld", 0.0),
                    dimension("unnamed", "shown", 0.1),
                ],
            }],
        };
        let labels: SurveyLabels = serde_json::from_str(
            r#"{"default_locale": "en", "title": {"en": "T"},
                "questions": [{"id": "delivery", "text": {"en": "Q"},
                  "dimensions": [{"id": "speed", "label": {"en": "Speed", "lv": "Ātrums"}},
                                 {"id": "care", "label": {"en": "Care"}}]}]}"#,
        )
        .unwrap();
        let s = strings("lv");
        let lines = gap_lines(&snapshot, &labels, "lv", s);
        assert_eq!(lines.len(), 3, "the withheld dimension is left out: {lines:?}");
        assert_eq!(lines[0].0, "candor-gap--short");
        assert!(lines[0].1.starts_with("Ātrums: "), "{}", lines[0].1);
        assert!(lines[0].1.ends_with("(−1,2)"), "{}", lines[0].1);
        assert_eq!(lines[1].0, "candor-gap--exceeded");
        assert!(
            lines[1].1.starts_with("Care: "),
            "the default locale's name: {}",
            lines[1].1
        );
        assert_eq!(lines[2].0, "candor-gap--met");
        assert!(
            lines[2].1.starts_with("unnamed: "),
            "the id when unnamed: {}",
            lines[2].1
        );
    }
}

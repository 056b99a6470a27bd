//! Charts drawn as SVG by the app itself, each with a text alternative.
//! Colours come from CSS classes, so light and dark themes both read well
//! and no inline style is needed (the policy forbids it).

use candor::chart;
use candor_core::snapshot::Verdict;
use leptos::prelude::*;

use crate::format::decimal;
use crate::i18n::{tr, trf};

/// Whether the dashboard's language is written right to left (its charts
/// are mirrored then, as the widget's scales are).
fn right_to_left() -> bool {
    candor_core::locale::is_right_to_left(crate::i18n::locale())
}

/// `x` in a 100-wide box, mirrored when `rtl`.
fn mirrored(rtl: bool, x: f64) -> f64 {
    if rtl { 100.0 - x } else { x }
}

/// Bars for a histogram whose first bar is the value `first` (at the
/// right, right to left).
#[component]
pub fn Histogram(counts: Vec<u64>, first: u8, #[prop(into)] label: String) -> impl IntoView {
    let description = counts
        .iter()
        .enumerate()
        .map(|(i, n)| format!("{}: {n}", i as u64 + u64::from(first)))
        .collect::<Vec<_>>()
        .join(", ");
    let bars = chart::bars(&counts, right_to_left())
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            view! {
                <rect
                    class="chart__bar"
                    x=format!("{:.2}", bar.x)
                    y=format!("{:.2}", bar.y)
                    width=format!("{:.2}", bar.width)
                    height=format!("{:.2}", bar.height)
                />
                <text
                    class="chart__label"
                    x=format!("{:.2}", bar.label_x)
                    y=chart::LABEL_Y
                    text-anchor="middle"
                >
                    {(i as u64 + u64::from(first)).to_string()}
                </text>
            }
        })
        .collect_view();
    view! {
        <svg
            class="chart chart--histogram"
            viewBox=chart::VIEW_BOX
            role="img"
            aria-label=format!("{label}: {description}")
        >
            {bars}
        </svg>
    }
}

/// One row of a gap chart: mean experienced minus expected, and its interval.
#[derive(Debug, Clone, PartialEq)]
pub struct GapRow {
    pub label: String,
    pub gap: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
}

/// Gaps per dimension on a −3…+3 axis around zero ("as expected"), with
/// 95% intervals; right to left, mirrored (−3 and the names at the right;
/// SVG's text anchors follow the text's direction, so they stay as they are).
#[component]
pub fn GapChart(rows: Vec<GapRow>) -> impl IntoView {
    const LEFT: f64 = 40.0;
    const WIDTH: f64 = 56.0;
    let rtl = right_to_left();
    let x = |gap: f64| mirrored(rtl, LEFT + WIDTH * (gap.clamp(-3.0, 3.0) + 3.0) / 6.0);
    let height = 8.0 * rows.len() as f64 + 8.0;
    let description = rows
        .iter()
        .map(|r| format!("{} {}", r.label, decimal(r.gap, true)))
        .collect::<Vec<_>>()
        .join(", ");
    let drawn = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let y = 8.0 * i as f64 + 6.0;
            let interval = row.low.zip(row.high).map(|(low, high)| {
                view! {
                    <line
                        class="chart__interval"
                        x1=format!("{:.2}", x(low))
                        x2=format!("{:.2}", x(high))
                        y1=y.to_string()
                        y2=y.to_string()
                    />
                }
            });
            let class = match Verdict::of(row.gap) {
                Verdict::FellShort => "chart__dot chart__dot--short",
                Verdict::Met | Verdict::Exceeded => "chart__dot",
            };
            view! {
                <text
                    class="chart__label"
                    x=mirrored(rtl, 38.0).to_string()
                    y=format!("{:.1}", y + 1.5)
                    text-anchor="end"
                >
                    {row.label.clone()}
                </text>
                {interval}
                <circle class=class cx=format!("{:.2}", x(row.gap)) cy=y.to_string() r="1.6" />
            }
        })
        .collect_view();
    view! {
        <svg
            class="chart chart--gaps"
            viewBox=format!("0 0 100 {height}")
            role="img"
            aria-label=trf(
                "Experience minus expectation, per dimension: {description}",
                &[("description", &description)],
            )
        >
            <line
                class="chart__axis"
                x1=x(0.0).to_string()
                x2=x(0.0).to_string()
                y1="1"
                y2=format!("{}", height - 5.0)
            />
            <text
                class="chart__label"
                x=x(-3.0).to_string()
                y=format!("{}", height - 1.0)
                text-anchor="start"
            >
                "−3"
            </text>
            <text
                class="chart__label"
                x=x(0.0).to_string()
                y=format!("{}", height - 1.0)
                text-anchor="middle"
            >
                {tr("as expected")}
            </text>
            <text class="chart__label" x=x(3.0).to_string() y=format!("{}", height - 1.0) text-anchor="end">
                "+3"
            </text>
            {drawn}
        </svg>
    }
}

/// A daily series as a line, days without a value left out; days in
/// `marked` (true: up, false: down) get a ring, explained in text beside.
/// Right to left, time runs from the right.
#[component]
pub fn Trend(
    points: Vec<Option<f64>>,
    marked: Vec<(usize, bool)>,
    min: f64,
    max: f64,
    #[prop(into)] label: String,
) -> impl IntoView {
    let span = (max - min).max(f64::EPSILON);
    let step = 100.0 / (points.len().max(2) - 1) as f64;
    let rtl = right_to_left();
    let at = |i: usize, v: f64| (mirrored(rtl, i as f64 * step), 28.0 - 26.0 * (v - min) / span);
    let coordinates: Vec<(f64, f64)> = points
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| at(i, v)))
        .collect();
    let line = coordinates
        .iter()
        .map(|(x, y)| format!("{x:.2},{y:.2}"))
        .collect::<Vec<_>>()
        .join(" ");
    let dots = coordinates
        .iter()
        .map(|(x, y)| view! { <circle class="chart__dot" cx=format!("{x:.2}") cy=format!("{y:.2}") r="1.2" /> })
        .collect_view();
    let rings = marked
        .iter()
        .filter_map(|&(i, up)| {
            let (x, y) = at(i, (*points.get(i)?)?);
            let class = if up {
                "chart__mark chart__mark--up"
            } else {
                "chart__mark chart__mark--down"
            };
            Some(view! { <circle class=class cx=format!("{x:.2}") cy=format!("{y:.2}") r="2.6" /> })
        })
        .collect_view();
    view! {
        <svg
            class="chart chart--trend"
            viewBox="0 0 100 30"
            role="img"
            aria-label=label
            preserveAspectRatio="none"
        >
            <polyline class="chart__line" points=line />
            {dots}
            {rings}
        </svg>
    }
}

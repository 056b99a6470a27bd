//! One question's figures: the headline with its interval, the
//! distribution, the gaps per dimension, the daily trend and any
//! significant change against the window before.

use candor_core::snapshot::{DimensionFigures, Figures, QuestionFigures};
use candor_core::{Labelled, QuestionKind, Survey};
use leptos::prelude::*;

use crate::charts::{GapChart, GapRow, Histogram, Trend};
use crate::format::{decimal, percent, share_with_interval};

/// The card for `figures`, worded with `survey`'s texts.
#[component]
pub fn QuestionCard(survey: Survey, figures: QuestionFigures, window: &'static str) -> impl IntoView {
    let question = survey.question(figures.id.as_str()).cloned();
    let text = question
        .as_ref()
        .map(|q| survey.text(&q.text, &survey.default_locale).to_owned())
        .unwrap_or_else(|| figures.id.to_string());
    let labels = |items: &[Labelled], id: &str| {
        items
            .iter()
            .find(|d| d.id.as_str() == id)
            .map(|d| survey.text(&d.label, &survey.default_locale).to_owned())
            .unwrap_or_else(|| id.to_owned())
    };
    let (headline, body) = match &figures.figures {
        Figures::Csat { n, points, mean, histogram, satisfied } => (
            format!("{} satisfied · mean {} / {points} · n = {n}", share_with_interval(satisfied.share, satisfied.low, satisfied.high), decimal(*mean, false)),
            view! { <Histogram counts=histogram.clone() first=1 label="Ratings" /> }.into_any(),
        ),
        Figures::Nps { n, score, low, high, promoters, passives, detractors, histogram } => (
            format!("NPS {score:+.0} ({low:+.0} to {high:+.0}) · n = {n}"),
            view! {
                <p class="card__detail">
                    {format!("Promoters {} · passives {} · detractors {}", percent(*promoters), percent(*passives), percent(*detractors))}
                </p>
                <Histogram counts=histogram.clone() first=0 label="Scores" />
            }
            .into_any(),
        ),
        Figures::Ces { n, mean, histogram, agreeing } => (
            format!("{} found it easy · mean {} / 7 · n = {n}", share_with_interval(agreeing.share, agreeing.low, agreeing.high), decimal(*mean, false)),
            view! { <Histogram counts=histogram.clone() first=1 label="Answers" /> }.into_any(),
        ),
        Figures::Gap { n, dimensions } => {
            let names = match question.as_ref().map(|q| &q.kind) {
                Some(QuestionKind::ExpectationGap { dimensions }) => dimensions.clone(),
                _ => Vec::new(),
            };
            (format!("Expectation vs experience · n = {n}"), gaps(dimensions, |id| labels(&names, id)))
        }
        Figures::YesNo { n, yes } => (
            format!("{} yes · n = {n}", share_with_interval(yes.share, yes.low, yes.high)),
            ().into_any(),
        ),
        Figures::SingleChoice { n, options } => {
            let names = match question.as_ref().map(|q| &q.kind) {
                Some(QuestionKind::SingleChoice { options }) => options.clone(),
                _ => Vec::new(),
            };
            let rows = options
                .iter()
                .map(|o| view! { <li>{format!("{}: {} ({})", labels(&names, o.id.as_str()), o.count, percent(o.share))}</li> })
                .collect_view();
            (format!("n = {n}"), view! { <ul class="card__options">{rows}</ul> }.into_any())
        }
        Figures::Withheld { n: 0, .. } => ("No answers yet".to_owned(), ().into_any()),
        Figures::Withheld { n, minimum } => (format!("{n} answers (fewer than {minimum})"), ().into_any()),
    };
    let trend = (figures.trend.len() > 1).then(|| {
        let values: Vec<Option<f64>> = figures.trend.iter().map(|p| p.value).collect();
        let (min, max) = values
            .iter()
            .flatten()
            .fold((f64::MAX, f64::MIN), |(a, b), &v| (a.min(v), b.max(v)));
        let first = figures
            .trend
            .first()
            .map(|p| p.day.to_string())
            .unwrap_or_default();
        let last = figures
            .trend
            .last()
            .map(|p| p.day.to_string())
            .unwrap_or_default();
        view! {
            <figure class="card__trend">
                <Trend points=values min=min max=max label=format!("Daily trend from {first} to {last}") />
                <figcaption>{format!("Daily, {first} to {last}")}</figcaption>
            </figure>
        }
    });
    let changes = figures
        .changes
        .iter()
        .filter(|c| c.comparison.significant)
        .map(|c| {
            let up = c.comparison.current > c.comparison.previous;
            view! {
                <li class=if up { "change change--up" } else { "change change--down" }>
                    {format!(
                        "{} {}: {} → {} against the window before (p = {:.3})",
                        if up { "▲ Significantly higher" } else { "▼ Significantly lower" },
                        c.metric,
                        decimal(c.comparison.previous, false),
                        decimal(c.comparison.current, false),
                        c.comparison.p_value,
                    )}
                </li>
            }
        })
        .collect_view();
    view! {
        <article class="card" data-question=figures.id.to_string()>
            <h3 class="card__question">{text}</h3>
            <p class="card__headline">{headline}</p>
            <p class="card__window">{window}</p>
            {body}
            {trend}
            <ul class="card__changes">{changes}</ul>
        </article>
    }
}

/// The headline metric in a few words ("82% satisfied"), for the survey
/// list; `None` for kinds without one or withheld figures.
pub fn short_headline(figures: &Figures) -> Option<String> {
    match figures {
        Figures::Csat { satisfied, .. } => Some(format!("{} satisfied", percent(satisfied.share))),
        Figures::Nps { score, .. } => Some(format!("NPS {score:+.0}")),
        Figures::Ces { agreeing, .. } => Some(format!("{} found it easy", percent(agreeing.share))),
        Figures::YesNo { yes, .. } => Some(format!("{} yes", percent(yes.share))),
        _ => None,
    }
}

/// The gap chart and, as its readable alternative, a table.
fn gaps(dimensions: &[DimensionFigures], name: impl Fn(&str) -> String) -> AnyView {
    let rows: Vec<GapRow> = dimensions
        .iter()
        .filter_map(|d| match d {
            DimensionFigures::Shown(g) => Some(GapRow {
                label: name(g.id.as_str()),
                gap: g.mean_gap,
                low: g.low,
                high: g.high,
            }),
            DimensionFigures::Withheld { .. } => None,
        })
        .collect();
    let table = dimensions
        .iter()
        .map(|d| match d {
            DimensionFigures::Shown(g) => {
                let interval = match (g.low, g.high) {
                    (Some(low), Some(high)) => {
                        format!(" ({} to {})", decimal(low, true), decimal(high, true))
                    }
                    _ => String::new(),
                };
                view! {
                    <tr>
                        <th scope="row">{name(g.id.as_str())}</th>
                        <td>{decimal(g.mean_expected, false)}</td>
                        <td>{decimal(g.mean_experienced, false)}</td>
                        <td>{format!("{}{interval}", decimal(g.mean_gap, true))}</td>
                        <td>{percent(g.met_or_exceeded)}</td>
                        <td>{g.n.to_string()}</td>
                    </tr>
                }
                .into_any()
            }
            DimensionFigures::Withheld { id, n } => view! {
                <tr>
                    <th scope="row">{name(id.as_str())}</th>
                    <td colspan="5">{format!("{n} answers")}</td>
                </tr>
            }
            .into_any(),
        })
        .collect_view();
    view! {
        <GapChart rows=rows />
        <table class="card__table">
            <thead>
                <tr>
                    <th scope="col">"Dimension"</th>
                    <th scope="col">"Expected"</th>
                    <th scope="col">"Experienced"</th>
                    <th scope="col">"Gap (95% CI)"</th>
                    <th scope="col">"Met or exceeded"</th>
                    <th scope="col">"n"</th>
                </tr>
            </thead>
            <tbody>{table}</tbody>
        </table>
    }
    .into_any()
}

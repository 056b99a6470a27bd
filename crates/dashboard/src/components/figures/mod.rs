//! One question's figures: the headline with its interval, the
//! distribution, the gaps per dimension, the daily trend and any
//! significant change against the window before.

mod agreement;
mod distribution;
mod gaps;
mod trend;

use candor_core::snapshot::{Figures, QuestionFigures};
use candor_core::{Labelled, QuestionKind, Survey};
use leptos::prelude::*;

use crate::format::{decimal, percent};
use crate::i18n::{tr, trf};

/// The card for `figures`, worded with `survey`'s texts.
#[component]
pub fn QuestionCard(survey: Survey, figures: QuestionFigures, window: &'static str) -> impl IntoView {
    let question = survey.question(figures.id.as_str()).cloned();
    let text = question
        .as_ref()
        .map(|q| survey.text(&q.text, crate::i18n::locale()).to_owned())
        .unwrap_or_else(|| figures.id.to_string());
    let labels = |items: &[Labelled], id: &str| {
        items
            .iter()
            .find(|d| d.id.as_str() == id)
            .map(|d| survey.text(&d.label, crate::i18n::locale()).to_owned())
            .unwrap_or_else(|| id.to_owned())
    };
    let (headline, body) = distribution::headline_and_body(question.as_ref(), &figures.figures, &labels);
    let kind = question.as_ref().map(|q| q.kind.clone());
    let trend = trend::daily_trend(&figures, kind.as_ref());
    let changes = figures
        .changes
        .iter()
        .filter(|c| c.comparison.significant)
        .map(|c| {
            let up = c.comparison.current > c.comparison.previous;
            change_line(up, {
                        let metric = metric_name(&c.metric, |id| match question.as_ref().map(|q| &q.kind) {
                            Some(QuestionKind::ExpectationGap { dimensions }) => labels(dimensions, id),
                            _ => id.to_owned(),
                        });
                        let (previous, current) = (decimal(c.comparison.previous, false), decimal(c.comparison.current, false));
                        let p_value = crate::format::p_value(c.comparison.p_value);
                        let args: [(&str, &dyn std::fmt::Display); 4] =
                            [("metric", &metric), ("previous", &previous), ("current", &current), ("p", &p_value)];
                        if up {
                            trf("▲ Significantly higher {metric}: {previous} → {current} against the window before (p = {p})", &args)
                        } else {
                            trf("▼ Significantly lower {metric}: {previous} → {current} against the window before (p = {p})", &args)
                        }
            })
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

/// One line of a significant change, coloured by its direction.
pub(super) fn change_line(up: bool, text: String) -> impl IntoView {
    view! { <li class=if up { "change change--up" } else { "change change--down" }>{text}</li> }
}

/// A compared metric's name (`satisfied`, `mean`, `mean_gap.<dimension>`,
/// …) in the dashboard's words; `dimension` names a dimension by its id.
fn metric_name(metric: &str, dimension: impl Fn(&str) -> String) -> String {
    let (name, detail) = metric.split_once('.').unwrap_or((metric, ""));
    let name = match name {
        "mean" => tr("mean"),
        "satisfied" => tr("satisfied"),
        "agreeing" => tr("agreeing"),
        "promoters" => tr("promoters"),
        "detractors" => tr("detractors"),
        "yes" => tr("yes"),
        "mean_gap" => tr("mean gap"),
        "met" => tr("met or exceeded"),
        other => return other.to_owned(),
    };
    if detail.is_empty() {
        name.to_owned()
    } else {
        format!("{name} ({})", dimension(detail))
    }
}

/// A trend point's value as the card's headline words it.
pub(super) fn trend_value(kind: &QuestionKind, value: f64) -> String {
    match kind {
        QuestionKind::Csat { .. } => trf("{share} satisfied", &[("share", &percent(value))]),
        QuestionKind::Nps => format!("NPS {value:+.0}"),
        QuestionKind::Ces => trf("mean {mean}", &[("mean", &decimal(value, false))]),
        QuestionKind::ExpectationGap { .. } => trf("mean gap {gap}", &[("gap", &decimal(value, true))]),
        QuestionKind::YesNo => trf("{share} yes", &[("share", &percent(value))]),
        QuestionKind::SingleChoice { .. }
        | QuestionKind::MultipleChoice { .. }
        | QuestionKind::Likert { .. }
        | QuestionKind::Comment { .. }
        | QuestionKind::ContactRequest => decimal(value, false),
    }
}

/// The headline metric in a few words ("82% satisfied"), for the survey
/// list; `None` for kinds without one or withheld figures.
pub fn short_headline(figures: &Figures) -> Option<String> {
    match figures {
        Figures::Csat { satisfied, .. } => {
            Some(trf("{share} satisfied", &[("share", &percent(satisfied.share))]))
        }
        Figures::Nps { score, .. } => Some(format!("NPS {score:+.0}")),
        Figures::Ces { agreeing, .. } => Some(trf(
            "{share} found it easy",
            &[("share", &percent(agreeing.share))],
        )),
        Figures::YesNo { yes, .. } => Some(trf("{share} yes", &[("share", &percent(yes.share))])),
        Figures::Gap { .. }
        | Figures::SingleChoice { .. }
        | Figures::MultipleChoice { .. }
        | Figures::Likert { .. }
        | Figures::Withheld { .. } => None,
    }
}

#[cfg(test)]
mod tests {
    use candor_core::templates;
    use leptos::wasm_bindgen::JsCast;
    use serde_json::json;
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    /// The checkout survey's card of `figures`, mounted in the page.
    fn card(figures: QuestionFigures, window: &'static str) -> (web_sys::HtmlElement, impl Drop) {
        let document = web_sys::window().unwrap().document().unwrap();
        let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&host).unwrap();
        let survey = templates::checkout();
        let handle = leptos::mount::mount_to(host.clone(), move || {
            view! { <QuestionCard survey=survey figures=figures window=window /> }
        });
        (host, handle)
    }

    #[wasm_bindgen_test]
    fn a_day_that_differs_from_the_days_before_is_ringed_and_explained() {
        let figures: QuestionFigures = serde_json::from_value(json!({
            "id": "satisfaction", "kind": "csat", "n": 40, "points": 5, "mean": 3.5,
            "histogram": [10, 5, 0, 5, 20],
            "satisfied": {"k": 25, "share": 0.625, "low": 0.47, "high": 0.76},
            "trend": [
                {"day": "2026-11-01", "n": 20, "value": 1.0},
                {"day": "2026-11-02", "n": 20, "value": 0.25, "shift": {"baseline": 1.0, "p_value": 0.0001}},
                {"day": "2026-11-03", "n": 2, "value": 0.5}
            ]
        }))
        .unwrap();
        let (host, handle) = card(figures, "Last 7 days");
        let rings = host.query_selector_all(".chart__mark").unwrap();
        assert_eq!(rings.length(), 1);
        assert!(host.query_selector(".chart__mark--down").unwrap().is_some());
        let note = host
            .query_selector(".card__shifts li")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap();
        assert_eq!(
            note,
            "▼ Lower on 2026-11-02: 25% satisfied against 100% satisfied over the 7 days before (p = 0.000, n = 20)"
        );
        drop(handle);
    }

    #[wasm_bindgen_test]
    fn a_significant_change_of_a_dimension_names_the_dimension() {
        let figures: QuestionFigures = serde_json::from_value(json!({
            "id": "delivery", "kind": "gap", "n": 30,
            "dimensions": [{"status": "shown", "id": "promise", "n": 30, "mean_expected": 5.0,
                            "mean_experienced": 4.0, "mean_gap": -1.0, "low": -1.5, "high": -0.5,
                            "met_or_exceeded": 0.4, "exceeded": 0.1}],
            "changes": [{"metric": "mean_gap.promise", "previous": 0.2, "current": -1.0, "p_value": 0.001,
                         "significant": true, "test": "welch_t"}]
        }))
        .unwrap();
        let (host, handle) = card(figures, "Last 30 days");
        let change = host
            .query_selector(".card__changes li")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap();
        assert_eq!(
            change,
            "▼ Significantly lower mean gap (Keeping the promised delivery date): 0.2 → -1.0 against the window before (p = 0.001)"
        );
        drop(handle);
    }
}

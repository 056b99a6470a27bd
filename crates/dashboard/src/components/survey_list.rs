//! The overview of every survey: its responses, its headline figure over
//! its usual window with the daily trend line, the responses and the
//! response rate in that window, and its open contact requests.

use leptos::prelude::*;

use std::collections::HashMap;

use candor_core::Survey;
use candor_core::admin::ContactStatus;

use super::figures::short_headline;
use crate::api::use_admin;
use crate::charts::Trend;
use crate::format::{integer, percent};
use crate::i18n::{failure, tr, trf};

#[component]
pub fn SurveyList() -> impl IntoView {
    let admin = use_admin();
    let surveys = LocalResource::new({
        let admin = admin.clone();
        move || {
            let admin = admin.clone();
            async move { admin.surveys().await }
        }
    });
    // Open contact requests, counted per survey from one list.
    let open = LocalResource::new({
        let admin = admin.clone();
        move || {
            let admin = admin.clone();
            async move {
                let mut open: HashMap<String, u64> = HashMap::new();
                for request in admin.contacts(ContactStatus::Open).await.unwrap_or_default() {
                    *open.entry(request.survey_id).or_default() += 1;
                }
                open
            }
        }
    });
    move || match surveys.get() {
        None => view! {
            <p class="status" role="status">
                {tr("Loading surveys…")}
            </p>
        }
        .into_any(),
        Some(Err(error)) => view! {
            <p class="error" role="alert">
                {trf("Could not load the surveys: {error}.", &[("error", &failure(&error))])}
            </p>
        }
        .into_any(),
        Some(Ok(list)) => {
            let rows = list
                .into_iter()
                .map(|summary| {
                    let survey = &summary.survey;
                    let title = survey.text(&survey.title, crate::i18n::locale()).to_owned();
                    let href = format!("#/surveys/{}", survey.id);
                    view! {
                        <tr>
                            <th scope="row">
                                <a href=href>{title}</a>
                            </th>
                            <td>
                                <code>{survey.id.to_string()}</code>
                            </td>
                            <td>
                                {survey.version.to_string()}
                                {summary.has_draft.then(|| tr(" (draft waiting)"))}
                            </td>
                            <td class="number">{integer(summary.responses)}</td>
                            <CurrentFigures survey=survey.clone() />
                            <td class="number">
                                {
                                    let id = survey.id.to_string();
                                    move || {
                                        open.get().map(|open| integer(open.get(&id).copied().unwrap_or(0)))
                                    }
                                }
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <h1>{tr("Surveys")}</h1>
                <table class="surveys">
                    <thead>
                        <tr>
                            <th scope="col">{tr("Survey")}</th>
                            <th scope="col">{tr("Id")}</th>
                            <th scope="col">{tr("Version")}</th>
                            <th scope="col" class="number">
                                {tr("Responses")}
                            </th>
                            <th scope="col">{tr("Now")}</th>
                            <th scope="col">{tr("Trend")}</th>
                            <th scope="col" class="number">
                                {tr("In the window")}
                            </th>
                            <th scope="col" class="number">
                                {tr("Response rate")}
                            </th>
                            <th scope="col" class="number">
                                {tr("Open contact requests")}
                            </th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        }
    }
}

/// The survey's headline figure over its usual window (with the window),
/// its daily trend line, the responses in the window and the response rate.
#[component]
fn CurrentFigures(survey: Survey) -> impl IntoView {
    let admin = use_admin();
    let window = survey.settings.public_aggregates.window;
    let id = survey.id.to_string();
    let figures = LocalResource::new(move || {
        let (admin, id) = (admin.clone(), id.clone());
        async move {
            let snapshot = admin
                .snapshot(&id, window, &candor_core::Segment::default(), false, None)
                .await
                .ok()?;
            let funnel = admin.funnel(&id, window).await.ok();
            Some((snapshot.snapshot, funnel))
        }
    });
    let title = survey.text(&survey.title, crate::i18n::locale()).to_owned();
    move || {
        let (snapshot, funnel) = match figures.get().flatten() {
            Some((snapshot, funnel)) => (Some(snapshot), funnel),
            None => (None, None),
        };
        let headline = snapshot.as_ref().and_then(|snapshot| {
            snapshot
                .questions
                .iter()
                .find_map(|q| short_headline(&q.figures).map(|headline| (headline, q.trend.clone())))
        });
        let (text, trend) = match headline {
            Some((headline, trend)) => (format!("{headline} ({window})"), trend),
            None => (String::new(), Vec::new()),
        };
        let line = (trend.len() > 1).then(|| {
            let values: Vec<Option<f64>> = trend.iter().map(|p| p.value).collect();
            let known = values.iter().flatten().copied();
            let (min, max) = known.fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
            view! {
                <Trend
                    points=values
                    marked=Vec::new()
                    min=min
                    max=max
                    label=trf("{survey}: daily trend of the headline figure", &[("survey", &title)])
                />
            }
        });
        let responses = snapshot
            .as_ref()
            .map(|s| integer(s.responses))
            .unwrap_or_default();
        let rate = funnel
            .and_then(|f| f.total.response_rate())
            .map_or_else(|| "–".to_owned(), percent);
        view! {
            <td>{text}</td>
            <td class="surveys__trend">{line}</td>
            <td class="number">{responses}</td>
            <td class="number">{rate}</td>
        }
    }
}

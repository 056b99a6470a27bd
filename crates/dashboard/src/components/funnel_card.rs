//! A survey's response funnel for the chosen window: how often it was
//! shown, started, finished and dismissed (with the response and start
//! rates), where respondents stopped, and the pages it was shown on.

use candor_core::admin::{Funnel, FunnelCounts};
use candor_core::{Survey, Window};
use leptos::prelude::*;

use crate::api::use_admin;
use crate::format::{integer, percent};
use crate::i18n::{failure, tr, trf};

/// Most pages listed.
const PAGES: usize = 10;

/// The funnel card, fetched again when the window changes.
#[component]
pub fn FunnelCard(survey: Survey, window: Memo<Window>) -> impl IntoView {
    let admin = use_admin();
    let id = survey.id.to_string();
    let funnel = LocalResource::new(move || {
        let (admin, id, window) = (admin.clone(), id.clone(), window.get());
        async move { admin.funnel(&id, window).await }
    });
    let survey = StoredValue::new(survey);
    move || match funnel.get() {
        None => ().into_any(),
        Some(Err(error)) => view! {
            <p class="error" role="alert">
                {trf("Could not load the funnel: {error}.", &[("error", &failure(&error))])}
            </p>
        }
        .into_any(),
        Some(Ok(funnel)) => survey.with_value(|survey| card(survey, &funnel)).into_any(),
    }
}

fn rate(rate: Option<f64>) -> String {
    rate.map_or_else(|| "–".to_owned(), percent)
}

fn card(survey: &Survey, funnel: &Funnel) -> impl IntoView + use<> {
    let FunnelCounts {
        shown,
        started,
        completed,
        dismissed,
    } = funnel.total;
    let headline = trf(
        "Response rate {rate} · start rate {start}",
        &[
            ("rate", &rate(funnel.total.response_rate())),
            ("start", &rate(funnel.total.start_rate())),
        ],
    );
    let counts = trf(
        "Shown {shown} · started {started} · completed {completed} · dismissed {dismissed} · unfinished {unfinished}",
        &[
            ("shown", &shown),
            ("started", &started),
            ("completed", &completed),
            ("dismissed", &dismissed),
            ("unfinished", &funnel.unfinished),
        ],
    );
    let questions = funnel
        .questions
        .iter()
        .map(|q| {
            let text = survey
                .question(q.id.as_str())
                .map(|question| survey.text(&question.text, crate::i18n::locale()).to_owned())
                .unwrap_or_else(|| q.id.to_string());
            view! {
                <tr>
                    <th scope="row">{text}</th>
                    <td>{integer(q.answered)}</td>
                    <td>{integer(q.left_after)}</td>
                </tr>
            }
        })
        .collect_view();
    let pages = funnel
        .pages
        .iter()
        .take(PAGES)
        .map(|p| {
            let page = if p.page.is_empty() {
                tr("(not told)").to_owned()
            } else {
                p.page.clone()
            };
            view! {
                <tr>
                    <th scope="row">{page}</th>
                    <td>{integer(p.counts.shown)}</td>
                    <td>{integer(p.counts.completed)}</td>
                    <td>{rate(p.counts.response_rate())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <article class="card card--funnel" data-funnel="">
            <h3 class="card__question">{tr("Response funnel")}</h3>
            <p class="card__headline">{headline}</p>
            <p class="card__detail">{counts}</p>
            <table class="card__table">
                <caption>{tr("Where respondents stopped")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr("Question")}</th>
                        <th scope="col">{tr("Answered")}</th>
                        <th scope="col">{tr("Left after it")}</th>
                    </tr>
                </thead>
                <tbody>{questions}</tbody>
            </table>
            <table class="card__table">
                <caption>{tr("Pages")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr("Page")}</th>
                        <th scope="col">{tr("Shown")}</th>
                        <th scope="col">{tr("Completed")}</th>
                        <th scope="col">{tr("Response rate")}</th>
                    </tr>
                </thead>
                <tbody>{pages}</tbody>
            </table>
        </article>
    }
}

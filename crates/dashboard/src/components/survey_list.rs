//! Every survey with its response count and current headline figure.

use leptos::prelude::*;

use candor_core::Survey;

use super::figures::short_headline;
use crate::api::use_admin;
use crate::i18n::{tr, trf};

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
    move || match surveys.get() {
        None => view! {
            <p class="status" role="status">
                {tr("Loading surveys…")}
            </p>
        }
        .into_any(),
        Some(Err(error)) => view! {
            <p class="error" role="alert">
                {trf("Could not load the surveys: {error}.", &[("error", &error)])}
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
                            <td class="number">{summary.responses.to_string()}</td>
                            <td>
                                <CurrentFigure survey=survey.clone() />
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
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        }
    }
}

/// The survey's headline figure over its usual window, with the window.
#[component]
fn CurrentFigure(survey: Survey) -> impl IntoView {
    let admin = use_admin();
    let window = survey.settings.public_aggregates.window;
    let id = survey.id.to_string();
    let snapshot = LocalResource::new(move || {
        let (admin, id) = (admin.clone(), id.clone());
        async move {
            admin
                .snapshot(&id, window, &candor_core::Segment::default(), false, None)
                .await
        }
    });
    move || {
        let live = snapshot.get()?.ok()?;
        let headline = live
            .snapshot
            .questions
            .iter()
            .find_map(|q| short_headline(&q.figures))?;
        Some(format!("{headline} ({window})"))
    }
}

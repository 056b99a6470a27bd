//! The dashboard's views, one per file: sign-in, the survey list, one
//! survey's live figures.

mod comments;
mod contacts;
mod editor;
mod figures;
mod new_survey;
mod sign_in;
mod survey_list;
mod survey_view;

use leptos::prelude::*;

use crate::api::Admin;
use crate::session;

/// Signed out: the sign-in form. Signed in: the survey list, or one survey
/// when the address ends in `#/surveys/<id>`.
#[component]
pub fn App() -> impl IntoView {
    let admin = RwSignal::new(session::token().map(|t| Admin::new(&t)));
    let route = RwSignal::new(current_route());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| route.set(current_route()));
    on_cleanup(move || handle.remove());
    let sign_out = Callback::new(move |()| {
        session::forget();
        admin.set(None);
    });
    view! {
        <header class="top">
            <a class="top__brand" href="#/">"Candor"</a>
            <Show when=move || admin.with(Option::is_some)>
                <nav class="top__nav" aria-label="Dashboard">
                    <a href="#/">"Surveys"</a>
                    <a href="#/contacts">"Contact requests"</a>
                    <button class="top__sign-out" type="button" on:click=move |_| sign_out.run(())>"Sign out"</button>
                </nav>
            </Show>
        </header>
        <main class="main" id="main">
            {move || match (admin.get(), route.get()) {
                (None, _) => view! { <sign_in::SignIn on_sign_in=Callback::new(move |a| admin.set(Some(a))) /> }.into_any(),
                (Some(a), Route::Surveys) => view! {
                    <survey_list::SurveyList admin=a.clone() on_refused=sign_out />
                    <new_survey::NewSurvey admin=a on_refused=sign_out />
                }
                .into_any(),
                (Some(a), Route::Survey(id, tab)) => {
                    view! { <survey_view::SurveyView admin=a survey=id tab=tab on_refused=sign_out /> }.into_any()
                }
                (Some(a), Route::Contacts) => view! { <contacts::Contacts admin=a on_refused=sign_out /> }.into_any(),
            }}
        </main>
    }
}

/// What the address shows.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Route {
    Surveys,
    Survey(String, survey_view::Tab),
    Contacts,
}

fn current_route() -> Route {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    if hash == "#/contacts" {
        return Route::Contacts;
    }
    match hash
        .strip_prefix("#/surveys/")
        .map(|rest| rest.split_once('/').unwrap_or((rest, "")))
    {
        Some((id, "comments")) if !id.is_empty() => Route::Survey(id.to_owned(), survey_view::Tab::Comments),
        Some((id, "edit")) if !id.is_empty() => Route::Survey(id.to_owned(), survey_view::Tab::Edit),
        Some((id, _)) if !id.is_empty() => Route::Survey(id.to_owned(), survey_view::Tab::Figures),
        _ => Route::Surveys,
    }
}

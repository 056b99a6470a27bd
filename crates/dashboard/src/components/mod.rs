//! The dashboard's views, one per file: sign-in, the survey list, one
//! survey's live figures.

mod choice_controls;
mod comments;
mod condition_row;
mod contacts;
mod destinations;
mod editor;
mod figures;
mod funnel_card;
mod logic_controls;
mod new_survey;
mod question_controls;
mod question_editor;
mod scope_bar;
mod sign_in;
mod survey_list;
mod survey_view;
mod targeting_controls;
mod trigger_controls;

use crate::i18n::{self, tr};
use crate::scope::Scope;
use leptos::prelude::*;

use crate::api::Admin;
use crate::session;

/// Signed out: the sign-in form. Signed in: the survey list, or one survey
/// when the address ends in `#/surveys/<id>`.
#[component]
pub fn App() -> impl IntoView {
    let admin = RwSignal::new(session::token().map(|t| Admin::new(&t)));
    let (first_route, first_scope) = current_route();
    let route = RwSignal::new(first_route);
    // Apart from the route: a new window or filter updates the survey's page
    // in place (focus stays on the control just used) instead of redrawing it.
    let scope = RwSignal::new(first_scope);
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let (next_route, next_scope) = current_route();
        if route.get_untracked() != next_route {
            route.set(next_route);
        }
        if scope.get_untracked() != next_scope {
            scope.set(next_scope);
        }
    });
    on_cleanup(move || handle.remove());
    let sign_out = Callback::new(move |()| {
        session::forget();
        admin.set(None);
    });
    // Words are looked up as views are built: a new language redraws
    // everything but the language picker, which keeps focus.
    i18n::apply_to_page();
    let language = RwSignal::new(i18n::locale());
    let languages = i18n::LANGUAGES
        .iter()
        .map(|(tag, name)| {
            view! {
                <option value=*tag lang=*tag prop:selected=move || language.get() == *tag>
                    {*name}
                </option>
            }
        })
        .collect_view();
    let choose = move |ev: leptos::ev::Event| {
        i18n::set_locale(&event_target_value(&ev));
        language.set(i18n::locale());
    };
    view! {
        <header class="top">
            <a class="top__brand" href="#/">
                "Candor"
            </a>
            {move || {
                language.track();
                view! {
                    <Show when=move || admin.with(Option::is_some)>
                        <nav class="top__nav" aria-label=tr("Dashboard")>
                            <a href="#/">{tr("Surveys")}</a>
                            <a href="#/contacts">{tr("Contact requests")}</a>
                            <a href="#/destinations">{tr("Destinations")}</a>
                            <button class="top__sign-out" type="button" on:click=move |_| sign_out.run(())>
                                {tr("Sign out")}
                            </button>
                        </nav>
                    </Show>
                }
            }}
            <label class="top__language">
                <span class="visually-hidden">
                    {move || {
                        language.track();
                        tr("Dashboard language")
                    }}
                </span>
                <select on:change=choose>{languages}</select>
            </label>
        </header>
        <main class="main" id="main">
            {move || {
                language.track();
                let Some(signed_in) = admin.get() else {
                    return view! { <sign_in::SignIn on_sign_in=Callback::new(move |a| admin.set(Some(a))) /> }
                        .into_any();
                };
                provide_context(signed_in.signing_out(sign_out));
                match route.get() {
                    Route::Surveys => {
                        // Every view below reaches the admin client through context.
                        view! {
                            <survey_list::SurveyList />
                            <new_survey::NewSurvey />
                        }
                            .into_any()
                    }
                    Route::Survey(id, tab) => {
                        view! { <survey_view::SurveyView survey=id tab=tab scope=Signal::from(scope) /> }
                            .into_any()
                    }
                    Route::Contacts => view! { <contacts::Contacts /> }.into_any(),
                    Route::Destinations => view! { <destinations::Destinations /> }.into_any(),
                }
            }}
        </main>
    }
}

/// What the address shows.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Route {
    Surveys,
    /// A survey's tab (its window and segment are the [`Scope`]).
    Survey(String, survey_view::Tab),
    Contacts,
    Destinations,
}

/// The route and scope the address names.
fn current_route() -> (Route, Scope) {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let (path, query) = hash.split_once('?').unwrap_or((&hash, ""));
    let route = match path
        .strip_prefix("#/surveys/")
        .map(|rest| rest.split_once('/').unwrap_or((rest, "")))
    {
        _ if path == "#/contacts" => Route::Contacts,
        _ if path == "#/destinations" => Route::Destinations,
        Some((id, "comments")) if !id.is_empty() => Route::Survey(id.to_owned(), survey_view::Tab::Comments),
        Some((id, "edit")) if !id.is_empty() => Route::Survey(id.to_owned(), survey_view::Tab::Edit),
        Some((id, _)) if !id.is_empty() => Route::Survey(id.to_owned(), survey_view::Tab::Figures),
        _ => Route::Surveys,
    };
    (route, Scope::parse(query))
}

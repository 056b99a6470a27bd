//! The survey as a form: every question, one send button, and validation by
//! the same core code the collector runs.

use candor_core::{ResponseSubmission, Survey};
use leptos::prelude::*;

use super::form_state::FormState;
use super::question::QuestionView;
use crate::i18n::{direction, strings};
use crate::random::response_id;

/// Renders `survey` and hands a validated submission to `on_submit`.
#[component]
pub fn SurveyForm(
    /// The survey to render.
    survey: Survey,
    /// Receives the submission once it passes validation.
    on_submit: Callback<ResponseSubmission>,
    /// True while a submission is on its way: the button is disabled.
    #[prop(into, optional)]
    busy: Signal<bool>,
    /// The locale to show; the survey's default when absent.
    #[prop(optional, into)]
    locale: Option<String>,
) -> impl IntoView {
    let form = FormState::new();
    let form_ref = NodeRef::<leptos::html::Form>::new();
    // One id for the life of the form: sending again after a failure can
    // never store the response twice.
    let id = response_id();
    let locale = locale.unwrap_or_else(|| survey.default_locale.clone());
    let s = strings(&locale);
    let dir = direction(&locale);
    let lang = locale.clone();
    let title = survey.text(&survey.title, &locale).to_owned();
    let questions = survey
        .questions
        .iter()
        .map(|q| view! { <QuestionView survey=survey.clone() question=q.clone() locale=locale.clone() form=form /> })
        .collect_view();
    let survey = StoredValue::new(survey);
    let on_send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let submission = ResponseSubmission {
            id,
            survey_version: survey.with_value(|s| s.version),
            locale: Some(locale.clone()),
            answers: form.answers.get_untracked(),
        };
        match survey.with_value(|s| s.validate(submission)) {
            Ok(valid) => {
                form.error.set(None);
                on_submit.run(valid.to_submission());
            }
            Err(error) => {
                focus_question(form_ref, &error.field);
                form.error.set(Some(error));
            }
        }
    };
    view! {
        <form class="candor-form" novalidate lang=lang dir=dir on:submit=on_send node_ref=form_ref>
            <h2 class="candor-form__title">{title}</h2>
            {questions}
            <button class="candor-form__submit" type="submit" disabled=move || busy.get()>
                {move || if busy.get() { s.sending } else { s.submit }}
            </button>
        </form>
    }
}

/// Moves keyboard focus to the first control of the question `field`
/// (`answers.<question>…`) names, so the respondent lands on what to fix.
fn focus_question(form: NodeRef<leptos::html::Form>, field: &str) {
    let Some(question) = field
        .strip_prefix("answers.")
        .and_then(|rest| rest.split('.').next())
    else {
        return;
    };
    let selector = format!("[data-question=\"{question}\"] input, [data-question=\"{question}\"] textarea");
    if let Some(control) = form
        .get_untracked()
        .and_then(|form| form.query_selector(&selector).ok().flatten())
        .and_then(|element| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element).ok())
    {
        let _ = control.focus();
    }
}

//! The survey as a form: every question the logic asks, one send button,
//! and validation by the same core code the collector runs.

use candor_core::{Layout, ResponseSubmission, Survey};
use leptos::prelude::*;

use super::form_state::FormState;
use super::one_per_frame::one_per_frame;
use super::question::QuestionView;
use crate::i18n::{direction, number, strings};
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
    let steps = survey.settings.layout == Layout::Steps && survey.questions.len() > 1;
    let count = survey.questions.len();
    // The step shown (always 0 when every question is on one page).
    let step = RwSignal::new(0usize);
    let question_ids: Vec<String> = survey.questions.iter().map(|q| q.id.to_string()).collect();
    let drawn = one_per_frame(count);
    // Which questions the logic asks, as the answers change (the first
    // always: its conditions could read nothing).
    let stored = StoredValue::new(survey.clone());
    let applies = move || stored.with_value(|s| form.answers.with(|answers| s.applicable_raw(answers)));
    let asked = move |i: usize| applies().get(i).copied().unwrap_or(false);
    let questions = survey
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            // Hidden, not removed: answers typed on a step, or to a question
            // the logic skips now, stay in case they are asked again.
            let hidden = move || !asked(i) || (steps && step.get() != i);
            let is_drawn = Memo::new(move |_| drawn.get() > i);
            let (survey, question, locale) = (survey.clone(), q.clone(), locale.clone());
            view! {
                <div class="candor-step" hidden=hidden>
                    <Show when=move || is_drawn.get()>
                        <QuestionView
                            survey=survey.clone()
                            question=question.clone()
                            locale=locale.clone()
                            form=form
                        />
                    </Show>
                </div>
            }
        })
        .collect_view();
    let survey = StoredValue::new(survey);
    let question_ids = StoredValue::new(question_ids);
    // The next and previous questions the logic asks.
    // One walk of the path each, not one per question looked at.
    let next = move |from: usize| {
        let applies = applies();
        (from + 1..count).find(|i| applies.get(*i).copied().unwrap_or(false))
    };
    let previous = move |from: usize| {
        let applies = applies();
        (0..from)
            .rev()
            .find(|i| applies.get(*i).copied().unwrap_or(false))
    };
    let last = move || !steps || next(step.get()).is_none();
    // Validation as a whole; `None` when the problem (if any) is not on the
    // step shown, so Next may go on.
    let check = move || {
        let submission = ResponseSubmission {
            id,
            survey_version: survey.with_value(|s| s.version),
            locale: Some(locale.clone()),
            // Only what the logic asks is sent.
            answers: survey.with_value(|s| s.asked_only(form.answers.get_untracked())),
            page: None,
            context: Default::default(),
        };
        survey.with_value(|s| s.validate(submission))
    };
    let go = move |to: usize| {
        form.error.set(None);
        step.set(to);
        // After the step is shown: a hidden control cannot take focus.
        let field = question_ids.with_value(|ids| format!("answers.{}", ids[to]));
        queue_microtask(move || focus_question(form_ref, &field));
    };
    let on_send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let current = step.get_untracked();
        match check() {
            Ok(valid) if last() => {
                form.error.set(None);
                on_submit.run(valid.to_submission());
            }
            Ok(_) => go(next(current).unwrap_or(current)),
            Err(error) => {
                let here = question_ids.with_value(|ids| belongs_to(&error.field, &ids[current]));
                if steps && !here && !last() {
                    // Nothing wrong on this step: the rest is asked later.
                    go(next(current).unwrap_or(current));
                    return;
                }
                if steps && !here {
                    // Sending from the last step with an earlier answer
                    // missing: go back to it.
                    let at =
                        question_ids.with_value(|ids| ids.iter().position(|q| belongs_to(&error.field, q)));
                    step.set(at.unwrap_or(current));
                }
                focus_question(form_ref, &error.field);
                form.error.set(Some(error));
            }
        }
    };
    let number_locale = lang.clone();
    // "2 of 5" counts the questions the logic asks.
    let progress = move || {
        steps.then(|| {
            let (applies, current) = (applies(), step.get());
            let before = applies.iter().take(current).filter(|a| **a).count();
            let (at, of) = (before + 1, applies.iter().filter(|a| **a).count());
            s.progress
                .replace("{i}", &number(&number_locale, at as f64, 0))
                .replace("{n}", &number(&number_locale, of as f64, 0))
        })
    };
    let lang_attr = lang.clone();
    let can_go_back = move || steps && previous(step.get()).is_some();
    view! {
        <form class="candor-form" novalidate lang=lang_attr dir=dir on:submit=on_send node_ref=form_ref>
            <h2 class="candor-form__title">{title}</h2>
            {move || progress().map(|text| view! { <p class="candor-form__progress">{text}</p> })}
            {questions}
            <div class="candor-form__actions">
                <Show when=can_go_back>
                    <button
                        class="candor-form__back"
                        type="button"
                        on:click=move |_| go(previous(step.get_untracked()).unwrap_or(0))
                    >
                        {s.back}
                    </button>
                </Show>
                <button class="candor-form__submit" type="submit" disabled=move || busy.get()>
                    {move || { if busy.get() { s.sending } else if last() { s.submit } else { s.next } }}
                </button>
            </div>
        </form>
    }
}

/// Whether the error `field` (`answers.<question>…`) concerns `question`.
fn belongs_to(field: &str, question: &str) -> bool {
    field
        .strip_prefix("answers.")
        .and_then(|rest| rest.split('.').next())
        .is_some_and(|q| q == question)
        || !field.starts_with("answers.")
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

//! The survey as a form: every question the logic asks, one send button,
//! and validation by the same core code the collector runs.

use std::time::Duration;

use candor_core::{Layout, QuestionKind, ResponseSubmission, Survey};
use leptos::prelude::*;
use serde_json::{Map, Value};

use super::form_state::FormState;
use super::one_per_frame::one_per_frame;
use super::question::QuestionView;
use super::reactive::{effect, show_if};
use crate::draft::Draft;
use crate::i18n::{direction, integer, strings};
use crate::random::response_id;

/// How long the answers rest before a one-page form saves them.
const SAVE_AFTER: Duration = Duration::from_secs(2);

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
    /// Receives partial saves as the respondent goes (each step, or a
    /// moment after the last change on one page, and when the page is
    /// left); none are made without it.
    #[prop(optional)]
    on_save: Option<Callback<ResponseSubmission>>,
    /// Saves at once whenever notified (the survey was closed).
    #[prop(optional)]
    save_now: Option<Trigger>,
    /// Called once, at the first answer given.
    #[prop(optional)]
    on_start: Option<Callback<()>>,
    /// An unfinished response to resume: its id, sequence and answers.
    #[prop(default = None)]
    draft: Option<Draft>,
) -> impl IntoView {
    let form = FormState::new();
    let form_ref = NodeRef::<leptos::html::Form>::new();
    // One id for the life of the response (across reloads, with a draft):
    // sending again after a failure can never store it twice.
    let id = draft.as_ref().map_or_else(response_id, |d| d.id);
    let sequence = StoredValue::new(draft.as_ref().map_or(0, |d| d.sequence));
    if let Some(draft) = draft {
        form.answers.set(draft.answers);
    }
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
            let (survey, question, locale) = (survey.clone(), q.clone(), locale.clone());
            view! {
                <div class="candor-step" hidden=hidden>
                    {show_if(
                        move || drawn.get() > i,
                        move || {
                            view! {
                                <QuestionView
                                    survey=survey.clone()
                                    question=question.clone()
                                    locale=locale.clone()
                                    form=form
                                />
                            }
                        },
                    )}
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
    let sent_locale = StoredValue::new(locale.clone());
    let check = move |complete: bool| {
        sequence.update_value(|n| *n += 1);
        // Only what the logic asks is sent; contact details only with the
        // finished response.
        let mut answers = survey.with_value(|s| s.asked_only(form.answers.get_untracked()));
        if !complete {
            survey.with_value(|s| without_contact(s, &mut answers));
        }
        let submission = ResponseSubmission {
            id,
            survey_version: survey.with_value(|s| s.version),
            locale: Some(sent_locale.get_value()),
            answers,
            page: None,
            context: Default::default(),
            complete,
            sequence: Some(sequence.get_value()),
            visitor: None,
        };
        survey.with_value(|s| s.validate(submission))
    };
    // What was saved last, so an unchanged form is not saved again.
    let saved = StoredValue::new(None::<Map<String, Value>>);
    let save = move || {
        let Some(on_save) = on_save else { return };
        let answers = form.answers.get_untracked();
        if answers.is_empty() || saved.with_value(|s| s.as_ref() == Some(&answers)) {
            return;
        }
        saved.set_value(Some(answers));
        // A save that does not pass yet (an answer half typed) waits for
        // the next.
        if let Ok(valid) = check(false) {
            on_save.run(valid.to_submission());
        }
    };
    if let Some(on_start) = on_start {
        effect(move |started: Option<bool>| {
            let answered = form.answers.with(|a| !a.is_empty());
            // A resumed response started before.
            let started = started.unwrap_or(answered);
            if answered && !started {
                on_start.run(());
            }
            started || answered
        });
    }
    if on_save.is_some() {
        // On one page: a moment after the last change.
        let timer = StoredValue::new(None::<TimeoutHandle>);
        effect(move |first: Option<()>| {
            form.answers.track();
            if first.is_none() || steps {
                return;
            }
            if let Some(handle) = timer.get_value() {
                handle.clear();
            }
            timer.set_value(set_timeout_with_handle(save, SAVE_AFTER).ok());
        });
        if let Some(save_now) = save_now {
            effect(move |first: Option<()>| {
                save_now.track();
                if first.is_some() {
                    save();
                }
            });
        }
        // Leaving the page saves what the timer or the next step would have.
        let left = window_event_listener(leptos::ev::pagehide, move |_| save());
        on_cleanup(move || {
            left.remove();
            if let Some(handle) = timer.get_value() {
                handle.clear();
            }
        });
    }
    let go = move |to: usize| {
        save();
        form.error.set(None);
        step.set(to);
        // After the step is shown: a hidden control cannot take focus.
        let field = question_ids.with_value(|ids| format!("answers.{}", ids[to]));
        queue_microtask(move || focus_question(form_ref, &field));
    };
    let on_send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let current = step.get_untracked();
        // Checked as the finished response, so a step's required answer is
        // asked for before going on.
        match check(true) {
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
                .replace("{i}", &integer(&number_locale, at as u64))
                .replace("{n}", &integer(&number_locale, of as u64))
        })
    };
    let lang_attr = lang.clone();
    let can_go_back = move || steps && previous(step.get()).is_some();
    let back = move || {
        view! {
            <button
                class="candor-form__back"
                type="button"
                on:click=move |_| go(previous(step.get_untracked()).unwrap_or(0))
            >
                {s.back}
            </button>
        }
    };
    view! {
        <form class="candor-form" novalidate lang=lang_attr dir=dir on:submit=on_send node_ref=form_ref>
            <h2 class="candor-form__title">{title}</h2>
            {move || progress().map(|text| view! { <p class="candor-form__progress">{text}</p> })}
            {questions}
            <div class="candor-form__actions">
                {show_if(can_go_back, back)}
                <button class="candor-form__submit" type="submit" disabled=move || busy.get()>
                    {move || { if busy.get() { s.sending } else if last() { s.submit } else { s.next } }}
                </button>
            </div>
        </form>
    }
}

/// `answers` without contact details, which only the finished response
/// carries.
fn without_contact(survey: &Survey, answers: &mut Map<String, Value>) {
    for question in &survey.questions {
        if matches!(question.kind, QuestionKind::ContactRequest) {
            answers.remove(question.id.as_str());
        }
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

//! One question of any kind, with its inline validation message.

use candor_core::{ErrorCode, Labelled, Question, QuestionKind, Survey};
use leptos::prelude::*;
use serde_json::Value;

use super::choice::{ChoiceGroup, ChoiceOption};
use super::comment::CommentField;
use super::contact::ContactField;
use super::form_state::FormState;
use super::gap::GapQuestion;
use super::likert::LikertQuestion;
use super::multiple_choice::MultipleChoice;
use super::rating_scale::RatingScale;
use crate::i18n::{Strings, strings};

/// Renders `question` of `survey` in `locale`, bound to `form`.
#[component]
pub fn QuestionView(
    /// The survey the question belongs to (for texts and fallbacks).
    survey: Survey,
    /// The question.
    question: Question,
    /// The shown locale.
    locale: String,
    /// The form's answers and error.
    form: FormState,
) -> impl IntoView {
    let id = question.id.to_string();
    let text = survey.text(&question.text, &locale).to_owned();
    let s = strings(&locale);
    let error = form.error_for(&id);
    let error_id = format!("candor-error-{id}");
    let described_by = error_id.clone();
    let key = id.clone();
    let set = Callback::new(move |value: Value| form.set(&[&key], value));
    let body = match &question.kind {
        QuestionKind::Csat { .. } | QuestionKind::Nps | QuestionKind::Ces => {
            let ends = match question.kind {
                QuestionKind::Nps => (s.nps_low, s.nps_high),
                QuestionKind::Ces => (s.ces_low, s.ces_high),
                _ => (s.csat_low, s.csat_high),
            };
            let path = id.clone();
            let display = match question.kind {
                QuestionKind::Csat { display, .. } => Some(display),
                _ => None,
            };
            view! {
                <RatingScale
                    display=display.unwrap_or(candor_core::CsatDisplay::Numbers)
                    name=id.clone()
                    legend=text
                    scale=question.kind.scale().unwrap_or(1..=5)
                    ends=ends
                    value=Signal::derive(move || form.rating(&[&path]))
                    on_change=Callback::new(move |point: u8| set.run(Value::from(point)))
                />
            }
            .into_any()
        }
        QuestionKind::ExpectationGap { dimensions } => view! {
            <GapQuestion
                survey=survey.clone()
                question_id=id.clone()
                text=text
                dimensions=dimensions.clone()
                locale=locale.clone()
                form=form
            />
        }
        .into_any(),
        QuestionKind::YesNo => {
            let options = vec![
                ChoiceOption {
                    value: Value::Bool(true),
                    label: s.yes.to_owned(),
                },
                ChoiceOption {
                    value: Value::Bool(false),
                    label: s.no.to_owned(),
                },
            ];
            choice(&id, text, options, form, set)
        }
        QuestionKind::SingleChoice { options } => {
            choice(&id, text, choice_options(&survey, options, &locale), form, set)
        }
        QuestionKind::MultipleChoice { options, other, .. } => view! {
            <MultipleChoice
                question_id=id.clone()
                legend=text
                options=choice_options(&survey, options, &locale)
                other=*other
                selections=question.kind.selections().unwrap_or(1..=1)
                locale=locale.clone()
                strings=s
                form=form
            />
        }
        .into_any(),
        QuestionKind::Likert { points, statements } => view! {
            <LikertQuestion
                survey=survey.clone()
                question_id=id.clone()
                text=text
                statements=statements.clone()
                points=*points
                locale=locale.clone()
                form=form
            />
        }
        .into_any(),
        QuestionKind::Comment { max_length } => view! {
            <CommentField
                question_id=id.clone()
                label=text
                max_length=*max_length
                strings=s
                locale=locale.clone()
                form=form
            />
        }
        .into_any(),
        QuestionKind::ContactRequest => {
            view! { <ContactField question_id=id.clone() label=text strings=s form=form /> }.into_any()
        }
    };
    view! {
        <div
            class="candor-question"
            class:candor-question--invalid=move || error.get().is_some()
            aria-describedby=move || error.get().map(|_| described_by.clone())
            data-question=id.clone()
        >
            {body}
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <p class="candor-question__error" id=error_id.clone() role="alert">
                                {message(s, e.code)}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// A choice question's options, worded in `locale`.
fn choice_options(survey: &Survey, options: &[Labelled], locale: &str) -> Vec<ChoiceOption> {
    options
        .iter()
        .map(|o| ChoiceOption {
            value: Value::String(o.id.to_string()),
            label: survey.text(&o.label, locale).to_owned(),
        })
        .collect()
}

fn choice(
    id: &str,
    legend: String,
    options: Vec<ChoiceOption>,
    form: FormState,
    set: Callback<Value>,
) -> AnyView {
    let key = id.to_owned();
    let chosen = Callback::new(move |value: Value| form.answers.with(|a| a.get(&key) == Some(&value)));
    view! {
        <ChoiceGroup
            name=id.to_owned()
            legend=legend
            options=options
            multiple=false
            chosen=chosen
            full=None
            on_change=Callback::new(move |(value, _): (Value, bool)| set.run(value))
            hint=None
            after=None
        />
    }
    .into_any()
}

/// What to tell the respondent about a validation error.
fn message(s: &'static Strings, code: ErrorCode) -> &'static str {
    match code {
        ErrorCode::Required => s.required,
        ErrorCode::TooLong => s.too_long,
        // What a respondent can fix by looking again.
        ErrorCode::InvalidType
        | ErrorCode::OutOfRange
        | ErrorCode::InvalidValue
        | ErrorCode::UnknownField => s.check,
        // Not the respondent's to fix (the survey, the collector, the
        // network): the form asks them to check, the console says more.
        ErrorCode::InvalidJson
        | ErrorCode::UnknownQuestion
        | ErrorCode::NotAsked
        | ErrorCode::WrongVersion
        | ErrorCode::UnknownSurvey
        | ErrorCode::SurveyClosed
        | ErrorCode::Duplicate
        | ErrorCode::MissingText
        | ErrorCode::Conflict
        | ErrorCode::PayloadTooLarge
        | ErrorCode::UnsupportedMediaType
        | ErrorCode::NotFound
        | ErrorCode::NotPublic
        | ErrorCode::RateLimited
        | ErrorCode::Unauthorized
        | ErrorCode::Forbidden
        | ErrorCode::Timeout
        | ErrorCode::Internal
        | ErrorCode::Unavailable => s.check,
    }
}

//! One condition in the logic editor: a question (of those it may read),
//! a comparison that suits its kind, and a value from the question's own
//! scale, yes or no, or options.

use candor_core::{Condition, Question, QuestionId, QuestionKind, Test, Value};
use leptos::prelude::*;

use super::question_editor::Editing;
use crate::i18n::tr;

/// A condition every kind can take: "is answered".
pub(super) fn answered(question: &Question) -> Condition {
    Condition::Answer {
        question: question.id.clone(),
        test: Test::Answered(true),
    }
}

/// The tests a question of `kind` can be put to, with their names.
fn tests_for(kind: &QuestionKind) -> Vec<(&'static str, &'static str)> {
    let mut tests = Vec::new();
    match kind {
        QuestionKind::Csat { .. } | QuestionKind::Nps | QuestionKind::Ces => tests.extend([
            ("equals", tr("is")),
            ("one_of", tr("is one of")),
            ("at_most", tr("is at most")),
            ("at_least", tr("is at least")),
        ]),
        QuestionKind::YesNo | QuestionKind::SingleChoice { .. } => {
            tests.extend([("equals", tr("is")), ("one_of", tr("is one of"))]);
        }
        QuestionKind::MultipleChoice { .. } => {
            tests.extend([("equals", tr("includes")), ("one_of", tr("includes any of"))]);
        }
        QuestionKind::ExpectationGap { .. }
        | QuestionKind::Likert { .. }
        | QuestionKind::Comment { .. }
        | QuestionKind::ContactRequest => {}
    }
    tests.extend([
        ("answered", tr("is answered")),
        ("not_answered", tr("is not answered")),
    ]);
    tests
}

fn test_name(test: &Test) -> &'static str {
    match test {
        Test::Equals(_) => "equals",
        Test::OneOf(_) => "one_of",
        Test::AtMost(_) => "at_most",
        Test::AtLeast(_) => "at_least",
        Test::Answered(true) => "answered",
        Test::Answered(false) => "not_answered",
    }
}

/// The values a question can be compared with, as (wire text, shown).
fn values_for(question: &Question, locale: &str) -> Vec<(String, String)> {
    match &question.kind {
        QuestionKind::YesNo => vec![
            ("true".into(), tr("Yes").into()),
            ("false".into(), tr("No").into()),
        ],
        QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options, .. } => options
            .iter()
            .map(|o| {
                (
                    o.id.to_string(),
                    o.label.get(locale).cloned().unwrap_or_else(|| o.id.to_string()),
                )
            })
            .collect(),
        kind => kind
            .scale()
            .into_iter()
            .flatten()
            .map(|n| (n.to_string(), n.to_string()))
            .collect(),
    }
}

fn value_text(value: &Value) -> String {
    match value {
        Value::Rating(n) => n.to_string(),
        Value::YesNo(yes) => yes.to_string(),
        Value::Option(id) => id.to_string(),
    }
}

fn value_of(text: &str) -> Option<Value> {
    match text {
        "true" => Some(Value::YesNo(true)),
        "false" => Some(Value::YesNo(false)),
        _ => match text.parse::<u8>() {
            Ok(n) => Some(Value::Rating(n)),
            Err(_) => QuestionId::parse("", text).ok().map(Value::Option),
        },
    }
}

/// `test` named `name`, with a first value that suits `question`.
fn test_of(name: &str, question: &Question, locale: &str) -> Test {
    let values = values_for(question, locale);
    let first = values.first().and_then(|(text, _)| value_of(text));
    let middle = values.get(values.len() / 2).and_then(|(text, _)| value_of(text));
    let rating = |value: Option<Value>| match value {
        Some(Value::Rating(n)) => n,
        _ => 0,
    };
    match (name, first) {
        ("equals", Some(value)) => Test::Equals(value),
        ("one_of", Some(value)) => Test::OneOf(vec![value]),
        ("at_most", Some(_)) => Test::AtMost(rating(middle)),
        ("at_least", Some(_)) => Test::AtLeast(rating(middle)),
        ("not_answered", _) => Test::Answered(false),
        _ => Test::Answered(true),
    }
}

/// The question and test of a condition on one answer; `None` for `all`
/// and `any`.
fn one_answer(condition: Condition) -> Option<(QuestionId, Test)> {
    match condition {
        Condition::Answer { question, test } => Some((question, test)),
        Condition::All(_) | Condition::Any(_) => None,
    }
}

/// One condition on question `index`'s earlier answers (or its own, for a
/// jump): `reads` questions from the first are readable. Its controls stay
/// in place as it changes (focus stays where the owner is); only the value
/// control is redrawn, when the question or the comparison changes.
#[component]
pub(super) fn ConditionRow(
    editing: Editing,
    /// What the row is called ("Condition 1", "Jump 2").
    name: String,
    /// How many questions, from the first, it may read.
    reads: usize,
    /// The condition now.
    condition: Signal<Option<Condition>>,
    /// Called with the changed condition.
    on_change: Callback<Condition>,
) -> impl IntoView {
    let label = |part: &str| format!("{name} — {part}");
    let (question_label, test_label, value_label) =
        (label(tr("question")), label(tr("comparison")), label(tr("value")));
    let read = move |id: &QuestionId| {
        editing
            .working
            .with(|s| s.questions.iter().take(reads).find(|q| &q.id == id).cloned())
    };
    let current = move || condition.get().and_then(one_answer);
    // What the value control depends on: the question and the comparison.
    let shape = Memo::new(move |_| current().map(|(id, test)| (id, test_name(&test))));
    // A condition on one answer, reading a question it may read: shown as
    // controls. One that reads a question moved after it says so.
    let simple = move || shape.get().is_some_and(|(id, _)| read(&id).is_some());
    let unreadable = move || shape.get().is_some();
    let question_options = move || {
        let at = editing.locale.get();
        let chosen = shape.get().map(|(id, _)| id.to_string());
        editing.working.with(|s| {
            s.questions
                .iter()
                .take(reads)
                .map(|q| {
                    let value = q.id.to_string();
                    let selected = chosen.as_deref() == Some(value.as_str());
                    let text = q.text.get(&at).cloned().unwrap_or_else(|| q.id.to_string());
                    view! {
                        <option value=value prop:selected=selected>
                            {text}
                        </option>
                    }
                })
                .collect_view()
        })
    };
    let test_options = move || {
        let Some((id, chosen)) = shape.get() else {
            return Vec::new();
        };
        let kind = read(&id).map(|q| q.kind);
        kind.map(|kind| tests_for(&kind))
            .unwrap_or_default()
            .into_iter()
            .map(|(value, text)| {
                view! {
                    <option value=value prop:selected=value == chosen>
                        {text}
                    </option>
                }
            })
            .collect::<Vec<_>>()
    };
    let set_question = move |id: String| {
        let Ok(id) = QuestionId::parse("", &id) else {
            return;
        };
        if let Some(question) = read(&id) {
            on_change.run(answered(&question));
        }
    };
    let set_test = move |name: String| {
        let at = editing.locale.get_untracked();
        if let Some(question) = shape.get_untracked().and_then(|(id, _)| read(&id)) {
            on_change.run(Condition::Answer {
                question: question.id.clone(),
                test: test_of(&name, &question, &at),
            });
        }
    };
    let set_value = move |text: String| {
        let Some((id, test)) = condition.get_untracked().and_then(one_answer) else {
            return;
        };
        let values: Vec<Value> = text.split(',').filter_map(|part| value_of(part.trim())).collect();
        let rating = |values: &[Value]| match values.first() {
            Some(Value::Rating(n)) => Some(*n),
            _ => None,
        };
        let test = match test {
            Test::Equals(_) => values.into_iter().next().map(Test::Equals),
            Test::OneOf(_) => (!values.is_empty()).then_some(Test::OneOf(values)),
            Test::AtMost(_) => rating(&values).map(Test::AtMost),
            Test::AtLeast(_) => rating(&values).map(Test::AtLeast),
            Test::Answered(_) => None,
        };
        if let Some(test) = test {
            on_change.run(Condition::Answer { question: id, test });
        }
    };
    let value_now = move || current().map(|(_, test)| test);
    let value_control = move || {
        let (id, name) = shape.get()?;
        let question = read(&id)?;
        let value_label = value_label.clone();
        Some(match name {
            "equals" => {
                let at = editing.locale.get_untracked();
                let options = values_for(&question, &at)
                    .into_iter()
                    .map(|(value, text)| {
                        let chosen = value.clone();
                        let selected =
                            move || matches!(value_now(), Some(Test::Equals(v)) if value_text(&v) == chosen);
                        view! {
                            <option value=value prop:selected=selected>
                                {text}
                            </option>
                        }
                    })
                    .collect_view();
                view! {
                    <select aria-label=value_label on:change=move |ev| set_value(event_target_value(&ev))>
                        {options}
                    </select>
                }
                .into_any()
            }
            "one_of" => {
                let text = move || match value_now() {
                    Some(Test::OneOf(values)) => values.iter().map(value_text).collect::<Vec<_>>().join(", "),
                    _ => String::new(),
                };
                view! {
                    <input
                        type="text"
                        aria-label=value_label
                        title=tr("Values, separated by commas")
                        prop:value=text
                        on:change=move |ev| set_value(event_target_value(&ev))
                    />
                }
                .into_any()
            }
            "at_most" | "at_least" => {
                let scale = question.kind.scale().unwrap_or(0..=10);
                let number = move || match value_now() {
                    Some(Test::AtMost(n) | Test::AtLeast(n)) => n.to_string(),
                    _ => String::new(),
                };
                view! {
                    <input
                        type="number"
                        aria-label=value_label
                        min=scale.start().to_string()
                        max=scale.end().to_string()
                        prop:value=number
                        on:change=move |ev| set_value(event_target_value(&ev))
                    />
                }
                .into_any()
            }
            _ => return None,
        })
    };
    view! {
        <Show
            when=simple
            fallback=move || {
                let note = if unreadable() {
                    tr(
                        "This condition reads a question that is no longer asked before it: remove it, or move the question back.",
                    )
                } else {
                    tr("A nested condition, kept as written.")
                };
                view! {
                    <p class="editor__note" role="status">
                        {note}
                    </p>
                }
            }
        >
            <div class="editor__condition">
                <select
                    aria-label=question_label.clone()
                    on:change=move |ev| set_question(event_target_value(&ev))
                >
                    {question_options}
                </select>
                <select aria-label=test_label.clone() on:change=move |ev| set_test(event_target_value(&ev))>
                    {test_options}
                </select>
                {value_control.clone()}
            </div>
        </Show>
    }
}

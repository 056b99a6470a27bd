//! A question's logic in plain words: "Ask this question" always, or only
//! when all (or any) of some conditions on earlier answers hold; and
//! "After this question", jumps: if a condition holds, go to a later
//! question or to the end. Each condition (`condition_row.rs`) is a
//! question, a comparison that suits its kind, and a value. A condition
//! nested deeper than the editor shows is kept as written.

use candor_core::{Condition, Jump, QuestionId, Target};
use leptos::prelude::*;

use super::condition_row::{ConditionRow, answered};
use super::question_editor::Editing;
use crate::i18n::{tr, trf};

/// How a question's `show_if` reads in the editor.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Always,
    All,
    Any,
}

/// `show_if` as a mode and its list of conditions.
fn split(show_if: Option<&Condition>) -> (Mode, Vec<Condition>) {
    match show_if {
        None => (Mode::Always, Vec::new()),
        Some(Condition::All(all)) => (Mode::All, all.clone()),
        Some(Condition::Any(any)) => (Mode::Any, any.clone()),
        Some(one @ Condition::Answer { .. }) => (Mode::All, vec![one.clone()]),
    }
}

/// The other way: one condition under "all" is written plainly.
fn join(mode: Mode, mut conditions: Vec<Condition>) -> Option<Condition> {
    match mode {
        Mode::Always => None,
        _ if conditions.is_empty() => None,
        Mode::All if conditions.len() == 1 => conditions.pop(),
        Mode::All => Some(Condition::All(conditions)),
        Mode::Any => Some(Condition::Any(conditions)),
    }
}

/// "Ask this question": always, or when all or any of its conditions hold.
#[component]
pub(super) fn ShowIfControls(editing: Editing, index: usize) -> impl IntoView {
    let i = index;
    let shown = move || {
        editing
            .read(i, |q, _| Some(split(q.logic.show_if.as_ref())))
            .unwrap_or((Mode::Always, vec![]))
    };
    let set = move |mode: Mode, conditions: Vec<Condition>| {
        editing.apply(move |s, _| {
            if let Some(q) = s.questions.get_mut(i) {
                q.logic.show_if = join(mode, conditions);
            }
        });
    };
    let first_earlier = move || editing.working.with(|s| s.questions.first().map(answered));
    let set_mode = move |value: String| {
        let mode = match value.as_str() {
            "all" => Mode::All,
            "any" => Mode::Any,
            _ => Mode::Always,
        };
        let (_, mut conditions) = shown();
        if mode != Mode::Always && conditions.is_empty() {
            conditions.extend(first_earlier());
        }
        set(mode, conditions);
    };
    let modes = [
        (Mode::Always, "always", tr("Always")),
        (Mode::All, "all", tr("Only when all of these hold")),
        (Mode::Any, "any", tr("Only when any of these holds")),
    ];
    // The rows are redrawn only when their number or the mode changes, so
    // focus stays on the control being used.
    let mode = Memo::new(move |_| shown().0);
    let count = Memo::new(move |_| shown().1.len());
    let mode_options = move || {
        modes
            .iter()
            .map(|&(option, value, text)| {
                view! {
                    <option value=value prop:selected=move || mode.get() == option>
                        {text}
                    </option>
                }
            })
            .collect_view()
    };
    let rows = move || {
        (mode.get() != Mode::Always).then(|| {
            (0..count.get())
                .map(|k| {
                    let condition = Signal::derive(move || shown().1.get(k).cloned());
                    let on_change = Callback::new(move |changed: Condition| {
                        let (mode, mut conditions) = shown();
                        if let Some(slot) = conditions.get_mut(k) {
                            *slot = changed;
                        }
                        set(mode, conditions);
                    });
                    let remove = move |_| {
                        let (mode, mut conditions) = shown();
                        if k < conditions.len() {
                            conditions.remove(k);
                        }
                        set(
                            if conditions.is_empty() { Mode::Always } else { mode },
                            conditions,
                        );
                    };
                    let name = trf("Condition {n}", &[("n", &(k + 1))]);
                    let remove_label = trf("Remove condition {n}", &[("n", &(k + 1))]);
                    view! {
                        <div class="editor__logic-row">
                            <ConditionRow
                                editing=editing
                                name=name
                                reads=i
                                condition=condition
                                on_change=on_change
                            />
                            <button type="button" aria-label=remove_label on:click=remove>
                                {tr("Remove")}
                            </button>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    let add = move |_| {
        let (mode, mut conditions) = shown();
        conditions.extend(first_earlier());
        set(if mode == Mode::Always { Mode::All } else { mode }, conditions);
    };
    let select_id = format!("show-if-{i}");
    let label_for = select_id.clone();
    // The first question has nothing before it to depend on, unless it was
    // moved there with its condition (shown, to be removed).
    let visible = move || i != 0 || mode.get() != Mode::Always;
    view! {
        <Show when=visible>
            <div class="editor__logic">
                <label for=label_for.clone()>{tr("Ask this question")}</label>
                <select id=select_id.clone() on:change=move |ev| set_mode(event_target_value(&ev))>
                    {mode_options}
                </select>
                {rows}
                <Show when=move || mode.get() != Mode::Always>
                    <button type="button" on:click=add>
                        {tr("Add condition")}
                    </button>
                </Show>
            </div>
        </Show>
    }
}

/// "After this question": jumps, each a condition and where it leads.
#[component]
pub(super) fn JumpControls(editing: Editing, index: usize) -> impl IntoView {
    let i = index;
    let jumps = move || editing.read(i, |q, _| q.logic.jumps.clone());
    let set = move |jumps: Vec<Jump>| {
        editing.apply(move |s, _| {
            if let Some(q) = s.questions.get_mut(i) {
                q.logic.jumps = jumps;
            }
        });
    };
    let later = move || {
        let at = editing.locale.get();
        editing.working.with(|s| {
            s.questions
                .iter()
                .skip(i + 1)
                .map(|q| {
                    (
                        q.id.to_string(),
                        q.text.get(&at).cloned().unwrap_or_else(|| q.id.to_string()),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let count = Memo::new(move |_| jumps().len());
    let rows = move || {
        (0..count.get())
            .map(|k| {
                let condition = Signal::derive(move || jumps().get(k).map(|j| j.condition.clone()));
                let on_change = Callback::new(move |changed: Condition| {
                    let mut all = jumps();
                    if let Some(jump) = all.get_mut(k) {
                        jump.condition = changed;
                    }
                    set(all);
                });
                let to = move || match jumps().get(k).map(|j| j.to.clone()) {
                    Some(Target::Question(id)) => id.to_string(),
                    _ => candor_core::END.to_owned(),
                };
                let targets = move || {
                    let now = to();
                    let mut options: Vec<(String, String)> = later();
                    options.push((candor_core::END.to_owned(), tr("the end").to_owned()));
                    options
                        .into_iter()
                        .map(|(value, text)| {
                            let selected = value == now;
                            view! {
                                <option value=value prop:selected=selected>
                                    {text}
                                </option>
                            }
                        })
                        .collect_view()
                };
                let set_to = move |value: String| {
                    let target = match QuestionId::parse("", &value) {
                        Ok(id) if id.as_str() != candor_core::END => Target::Question(id),
                        _ => Target::End,
                    };
                    let mut all = jumps();
                    if let Some(jump) = all.get_mut(k) {
                        jump.to = target;
                    }
                    set(all);
                };
                let remove = move |_| {
                    let mut all = jumps();
                    if k < all.len() {
                        all.remove(k);
                    }
                    set(all);
                };
                let name = trf("Jump {n}", &[("n", &(k + 1))]);
                let go_label = format!("{name} — {}", tr("go to"));
                let remove_label = trf("Remove jump {n}", &[("n", &(k + 1))]);
                view! {
                    <div class="editor__logic-row">
                        <ConditionRow
                            editing=editing
                            name=name
                            reads=i + 1
                            condition=condition
                            on_change=on_change
                        />
                        <span>{tr("go to")}</span>
                        <select aria-label=go_label on:change=move |ev| set_to(event_target_value(&ev))>
                            {targets}
                        </select>
                        <button type="button" aria-label=remove_label on:click=remove>
                            {tr("Remove")}
                        </button>
                    </div>
                }
            })
            .collect_view()
    };
    let add = move |_| {
        let Some(this) = editing.working.with(|s| s.questions.get(i).cloned()) else {
            return;
        };
        let mut all = jumps();
        all.push(Jump {
            condition: answered(&this),
            to: Target::End,
        });
        set(all);
    };
    view! {
        <div class="editor__logic">
            <span class="editor__logic-title">{tr("After this question")}</span>
            {rows}
            <button type="button" on:click=add>
                {tr("Add jump")}
            </button>
        </div>
    }
}

//! A multiple-choice question's own controls: whether "Other" is offered,
//! and how many choices an answer makes at least and at most.

use candor_core::QuestionKind;
use leptos::prelude::*;

use super::question_editor::Editing;
use crate::i18n::{tr, trf};

/// What a multiple-choice question's limits read as now: (options,
/// other, fewest, most; `None`: any number).
fn limits(kind: &QuestionKind) -> (usize, bool, u8, Option<u8>) {
    let QuestionKind::MultipleChoice {
        options,
        min_selections,
        max_selections,
        other,
    } = kind
    else {
        return (0, false, 1, None);
    };
    (
        options.len(),
        *other,
        min_selections.unwrap_or(1),
        *max_selections,
    )
}

/// Changes question `i`'s "Other" and limits, if it is multiple choice.
fn change(editing: Editing, i: usize, f: impl Fn(&mut bool, &mut Option<u8>, &mut Option<u8>)) {
    editing.apply(move |s, _| {
        if let Some(QuestionKind::MultipleChoice {
            min_selections,
            max_selections,
            other,
            ..
        }) = s.questions.get_mut(i).map(|q| &mut q.kind)
        {
            f(other, min_selections, max_selections);
        }
    });
}

/// "Other", and the fewest and most choices.
#[component]
pub(super) fn MultipleChoiceControls(editing: Editing, index: usize) -> impl IntoView {
    let i = index;
    let current = Memo::new(move |_| {
        editing
            .read(i, |q, _| Some(limits(&q.kind)))
            .unwrap_or((0, false, 1, None))
    });
    let choices = move || {
        let (options, other, _, _) = current.get();
        options + usize::from(other)
    };
    let fewest = move || {
        (1..=choices().max(1))
            .map(|n| {
                let selected = move || current.get().2 as usize == n;
                view! {
                    <option value=n.to_string() prop:selected=selected>
                        {n.to_string()}
                    </option>
                }
            })
            .collect_view()
    };
    let most = move || {
        let (_, _, min, max) = current.get();
        let any = view! {
            <option value="" prop:selected=max.is_none()>
                {tr("Any number")}
            </option>
        };
        let counts = (usize::from(min)..=choices())
            .map(|n| {
                view! {
                    <option value=n.to_string() prop:selected=max.map(usize::from) == Some(n)>
                        {n.to_string()}
                    </option>
                }
            })
            .collect_view();
        view! {
            {any}
            {counts}
        }
    };
    view! {
        <label class="editor__check" for=format!("other-{i}")>
            <input
                id=format!("other-{i}")
                type="checkbox"
                prop:checked=move || current.get().1
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    change(editing, i, move |other, _, _| *other = on);
                }
            />
            {tr("Offer “Other” with the respondent’s own words")}
        </label>
        <label for=format!("fewest-{i}")>{tr("Fewest choices")}</label>
        <select
            id=format!("fewest-{i}")
            on:change=move |ev| {
                let Ok(min) = event_target_value(&ev).parse::<u8>() else { return };
                change(
                    editing,
                    i,
                    move |_, fewest, most| {
                        *fewest = (min > 1).then_some(min);
                        if most.is_some_and(|most| most < min) {
                            *most = Some(min);
                        }
                    },
                );
            }
        >
            {fewest}
        </select>
        <label for=format!("most-{i}")>{tr("Most choices")}</label>
        <select
            id=format!("most-{i}")
            aria-describedby=format!("most-note-{i}")
            on:change=move |ev| {
                let max = event_target_value(&ev).parse::<u8>().ok();
                change(editing, i, move |_, _, most| *most = max);
            }
        >
            {most}
        </select>
        <p class="editor__note" id=format!("most-note-{i}")>
            {move || trf("Of {n} choices", &[("n", &choices())])}
        </p>
    }
}

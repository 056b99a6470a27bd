//! A multiple-choice question's own controls: whether "Other" is offered,
//! and how many choices an answer makes at least and at most.

use candor_core::QuestionKind;
use leptos::prelude::*;

use super::question_editor::Editing;
use crate::i18n::{count, tr};

/// What a multiple-choice question's limits read as now: (choices,
/// other, fewest, most; `None`: any number).
fn limits(kind: &QuestionKind) -> (usize, bool, u8, Option<u8>) {
    let (
        QuestionKind::MultipleChoice {
            min_selections,
            max_selections,
            other,
            ..
        },
        Some(choices),
    ) = (kind, kind.choices())
    else {
        return (0, false, 1, None);
    };
    (choices, *other, min_selections.unwrap_or(1), *max_selections)
}

/// Keeps a multiple choice's fewest and most choices within the choices
/// it has (after an option or "Other" is taken away), so the editor never
/// holds a definition publishing would refuse.
pub(super) fn keep_limits(kind: &mut QuestionKind) {
    let all = kind
        .choices()
        .map_or(u8::MAX, |all| u8::try_from(all).unwrap_or(u8::MAX));
    let QuestionKind::MultipleChoice {
        min_selections,
        max_selections,
        ..
    } = kind
    else {
        return;
    };
    if let Some(max) = max_selections {
        *max = (*max).min(all);
    }
    if let Some(min) = min_selections {
        *min = (*min).min(all).max(1);
    }
    if *min_selections == Some(1) {
        *min_selections = None;
    }
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
        if let Some(q) = s.questions.get_mut(i) {
            keep_limits(&mut q.kind);
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
    let choices = move || current.get().0;
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
            {move || count("Of {n} choices", choices() as u64)}
        </p>
    }
}

#[cfg(test)]
mod tests {
    use candor_core::templates::starter;
    use candor_core::{Kind, Survey};
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[wasm_bindgen_test]
    fn limits_follow_the_choices_taken_away_and_still_publish() {
        let mut survey = candor_core::templates::blank();
        let mut question = starter(&survey.questions, Kind::MultipleChoice);
        let QuestionKind::MultipleChoice {
            options,
            min_selections,
            max_selections,
            other,
        } = &mut question.kind
        else {
            panic!()
        };
        // Three options and Other: at least 3, at most 4; then two options
        // and Other go.
        (*min_selections, *max_selections) = (Some(3), Some(4));
        options.truncate(1);
        options.push(options[0].clone());
        options[1].id = candor_core::QuestionId::parse("", "more").unwrap();
        *other = false;
        keep_limits(&mut question.kind);
        assert_eq!(
            question.kind.selections(),
            Some(2..=2),
            "both limits within the two choices left"
        );
        survey.questions.push(question);
        let json = serde_json::to_vec(&survey).unwrap();
        assert!(Survey::from_json(&json).is_ok(), "the editor's survey publishes");
    }
}

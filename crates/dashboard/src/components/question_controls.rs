//! The controls only some kinds of question have: how a rating is drawn,
//! and the words of a question's options or dimensions.

use candor_core::{CsatDisplay, Labelled, Question, QuestionKind};
use leptos::prelude::*;

use super::question_editor::Editing;
use crate::i18n::{tr, trf};

/// How a satisfaction rating is drawn, and on how many points.
#[component]
pub(super) fn CsatControls(editing: Editing, index: usize) -> impl IntoView {
    let i = index;
    let current = move || {
        editing.read(i, |q, _| match q.kind {
            QuestionKind::Csat { display, points } => (display, points),
            _ => (CsatDisplay::Stars, 5),
        })
    };
    let set = move |display: Option<CsatDisplay>, points: Option<u8>| {
        editing.apply(move |s, _| {
            if let Some(QuestionKind::Csat {
                display: d,
                points: p,
            }) = s.questions.get_mut(i).map(|q| &mut q.kind)
            {
                *d = display.unwrap_or(*d);
                *p = points.unwrap_or(*p);
            }
        });
    };
    let displays = [
        (CsatDisplay::Stars, "stars", tr("Stars")),
        (CsatDisplay::Faces, "faces", tr("Faces")),
        (CsatDisplay::Numbers, "numbers", tr("Numbers")),
    ];
    let display_options = displays
        .iter()
        .map(|&(d, value, label)| {
            view! {
                <option value=value prop:selected=move || current().0 == d>
                    {label}
                </option>
            }
        })
        .collect_view();
    let point_options = [5u8, 7]
        .iter()
        .map(|&p| {
            view! {
                <option value=p.to_string() prop:selected=move || current().1 == p>
                    {trf("{points} points", &[("points", &p)])}
                </option>
            }
        })
        .collect_view();
    view! {
        <label for=format!("display-{i}")>{tr("Drawn as")}</label>
        <select
            id=format!("display-{i}")
            on:change=move |ev| {
                let chosen = displays
                    .iter()
                    .find(|(_, v, _)| *v == event_target_value(&ev))
                    .map(|(d, _, _)| *d);
                set(chosen, None);
            }
        >
            {display_options}
        </select>
        <label for=format!("points-{i}")>{tr("Scale")}</label>
        <select id=format!("points-{i}") on:change=move |ev| set(None, event_target_value(&ev).parse().ok())>
            {point_options}
        </select>
    }
}

/// The option or dimension labels of question `index` in the locale being
/// edited; options (`editable`) can also be added and removed.
#[component]
pub(super) fn Labels(editing: Editing, index: usize, editable: bool) -> impl IntoView {
    let i = index;
    fn labels(q: &Question) -> &[Labelled] {
        match &q.kind {
            QuestionKind::SingleChoice { options } => options,
            QuestionKind::ExpectationGap { dimensions } => dimensions,
            QuestionKind::Csat { .. }
            | QuestionKind::Nps
            | QuestionKind::Ces
            | QuestionKind::YesNo
            | QuestionKind::Comment { .. }
            | QuestionKind::ContactRequest => &[],
        }
    }
    fn labels_mut(q: &mut Question) -> Option<&mut Vec<Labelled>> {
        match &mut q.kind {
            QuestionKind::SingleChoice { options } => Some(options),
            QuestionKind::ExpectationGap { dimensions } => Some(dimensions),
            QuestionKind::Csat { .. }
            | QuestionKind::Nps
            | QuestionKind::Ces
            | QuestionKind::YesNo
            | QuestionKind::Comment { .. }
            | QuestionKind::ContactRequest => None,
        }
    }
    let how_many = Memo::new(move |_| editing.read(i, |q, _| labels(q).len()));
    let noun = if editable {
        tr("Option {n}")
    } else {
        tr("Dimension {n}")
    };
    let rows = move || {
        (0..how_many.get())
            .map(|j| {
                let id = format!("label-{i}-{j}");
                let value = move || {
                    editing.read(i, |q, at| {
                        labels(q)
                            .get(j)
                            .and_then(|l| l.label.get(at).cloned())
                            .unwrap_or_default()
                    })
                };
                let remove = editable.then(|| {
                    view! {
                        <button
                            type="button"
                            disabled=move || { how_many.get() <= 2 }
                            aria-label=trf("Remove option {n}", &[("n", &(j + 1))])
                            on:click=move |_| {
                                editing
                                    .apply(move |s, _| {
                                        if let Some(list) = s.questions.get_mut(i).and_then(labels_mut)
                                            && j < list.len()
                                        {
                                            list.remove(j);
                                        }
                                    })
                            }
                        >
                            {tr("Remove")}
                        </button>
                    }
                });
                let label_for = id.clone();
                view! {
                    <div class="editor__label">
                        <label for=label_for>{noun.replace("{n}", &(j + 1).to_string())}</label>
                        <input
                            id=id
                            type="text"
                            prop:value=value
                            on:input=move |ev| {
                                let text = event_target_value(&ev);
                                editing
                                    .apply(move |s, at| {
                                        if let Some(label) = s
                                            .questions
                                            .get_mut(i)
                                            .and_then(labels_mut)
                                            .and_then(|l| l.get_mut(j))
                                        {
                                            label.label.insert(at.to_owned(), text);
                                        }
                                    });
                            }
                        />
                        {remove}
                    </div>
                }
            })
            .collect_view()
    };
    let add = editable.then(|| {
        view! {
            <button
                type="button"
                on:click=move |_| {
                    editing
                        .apply(|s, at| {
                            let default_locale = s.default_locale.clone();
                            let Some(list) = s.questions.get_mut(i).and_then(labels_mut) else { return };
                            let n = (1..)
                                .find(|n| !list.iter().any(|l| l.id.as_str() == format!("option-{n}")))
                                .unwrap_or(1);
                            if let Ok(id) = candor_core::QuestionId::parse("id", &format!("option-{n}")) {
                                let text = tr("Option {n}").replace("{n}", &n.to_string());
                                let label = [(default_locale, text.clone()), (at.to_owned(), text)]
                                    .into_iter()
                                    .collect();
                                list.push(Labelled { id, label });
                            }
                        })
                }
            >
                {tr("Add option")}
            </button>
        }
    });
    view! { <div class="editor__labels">{rows} {add}</div> }
}

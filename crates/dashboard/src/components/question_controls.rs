//! The controls only some kinds of question have: how a rating is drawn,
//! on how many points, and the words of a question's options, dimensions
//! or statements.

use candor_core::{CsatDisplay, Labelled, Question, QuestionKind};
use leptos::prelude::*;

use super::choice_controls::keep_limits;
use super::question_editor::Editing;
use crate::i18n::{count, tr, trf};

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
        <Points
            index=i
            current=Signal::derive(move || current().1)
            set=Callback::new(move |p| set(None, Some(p)))
        />
    }
}

/// A Likert question's scale: 5 or 7 points.
#[component]
pub(super) fn LikertControls(editing: Editing, index: usize) -> impl IntoView {
    let i = index;
    let current = Signal::derive(move || {
        editing
            .read(i, |q, _| match q.kind {
                QuestionKind::Likert { points, .. } => Some(points),
                _ => None,
            })
            .unwrap_or(5)
    });
    let set = Callback::new(move |points: u8| {
        editing.apply(move |s, _| {
            if let Some(QuestionKind::Likert { points: p, .. }) = s.questions.get_mut(i).map(|q| &mut q.kind)
            {
                *p = points;
            }
        });
    });
    view! { <Points index=i current=current set=set /> }
}

/// A choice of 5 or 7 points.
#[component]
fn Points(index: usize, current: Signal<u8>, set: Callback<u8>) -> impl IntoView {
    let options = [5u8, 7]
        .iter()
        .map(|&p| {
            view! {
                <option value=p.to_string() prop:selected=move || current.get() == p>
                    {count("{n} points", u64::from(p))}
                </option>
            }
        })
        .collect_view();
    view! {
        <label for=format!("points-{index}")>{tr("Scale")}</label>
        <select
            id=format!("points-{index}")
            on:change=move |ev| {
                if let Ok(points) = event_target_value(&ev).parse() {
                    set.run(points)
                }
            }
        >
            {options}
        </select>
    }
}

/// Which labels a question's list holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LabelList {
    /// A choice question's options: added and removed, at least two.
    Options,
    /// A gap question's dimensions: renamed only.
    Dimensions,
    /// A Likert question's statements: added and removed, at least one.
    Statements,
}

impl LabelList {
    /// The row's name, `{n}` its number.
    fn noun(self) -> &'static str {
        match self {
            Self::Options => tr("Option {n}"),
            Self::Dimensions => tr("Dimension {n}"),
            Self::Statements => tr("Statement {n}"),
        }
    }

    /// The fewest rows it keeps, and the words of adding and removing one;
    /// `None` when rows are not added or removed.
    fn editable(self) -> Option<(usize, &'static str, &'static str)> {
        match self {
            Self::Options => Some((2, tr("Add option"), tr("Remove option {n}"))),
            Self::Statements => Some((1, tr("Add statement"), tr("Remove statement {n}"))),
            Self::Dimensions => None,
        }
    }

    /// The id a new row takes, numbered.
    fn id_base(self) -> &'static str {
        match self {
            Self::Options | Self::Dimensions => "option",
            Self::Statements => "statement",
        }
    }
}

/// The option, dimension or statement labels of question `index` in the
/// locale being edited; options and statements can also be added and
/// removed.
#[component]
pub(super) fn Labels(editing: Editing, index: usize, list: LabelList) -> impl IntoView {
    let i = index;
    fn labels(q: &Question) -> &[Labelled] {
        match &q.kind {
            QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options, .. } => options,
            QuestionKind::ExpectationGap { dimensions } => dimensions,
            QuestionKind::Likert { statements, .. } => statements,
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
            QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options, .. } => {
                Some(options)
            }
            QuestionKind::ExpectationGap { dimensions } => Some(dimensions),
            QuestionKind::Likert { statements, .. } => Some(statements),
            QuestionKind::Csat { .. }
            | QuestionKind::Nps
            | QuestionKind::Ces
            | QuestionKind::YesNo
            | QuestionKind::Comment { .. }
            | QuestionKind::ContactRequest => None,
        }
    }
    let how_many = Memo::new(move |_| editing.read(i, |q, _| labels(q).len()));
    let noun = list.noun();
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
                let remove = list.editable().map(|(fewest, _, remove)| {
                    view! {
                        <button
                            type="button"
                            disabled=move || { how_many.get() <= fewest }
                            aria-label=trf(remove, &[("n", &(j + 1))])
                            on:click=move |_| {
                                editing
                                    .apply(move |s, _| {
                                        if let Some(list) = s.questions.get_mut(i).and_then(labels_mut)
                                            && j < list.len()
                                        {
                                            list.remove(j);
                                        }
                                        if let Some(q) = s.questions.get_mut(i) {
                                            keep_limits(&mut q.kind);
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
    let add = list.editable().map(|(_, add, _)| {
        view! {
            <button
                type="button"
                on:click=move |_| {
                    editing
                        .apply(|s, at| {
                            let default_locale = s.default_locale.clone();
                            let Some(labels) = s.questions.get_mut(i).and_then(labels_mut) else { return };
                            let base = list.id_base();
                            let n = (1..)
                                .find(|n| !labels.iter().any(|l| l.id.as_str() == format!("{base}-{n}")))
                                .unwrap_or(1);
                            if let Ok(id) = candor_core::QuestionId::parse("id", &format!("{base}-{n}")) {
                                let text = noun.replace("{n}", &n.to_string());
                                let label = [(default_locale, text.clone()), (at.to_owned(), text)]
                                    .into_iter()
                                    .collect();
                                labels.push(Labelled { id, label });
                            }
                        })
                }
            >
                {add}
            </button>
        }
    });
    view! { <div class="editor__labels">{rows} {add}</div> }
}

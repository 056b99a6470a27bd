//! The editor's questions: the words of each (per locale, with its options
//! or dimensions), how a rating is drawn, whether it is required; and adding
//! a question of any kind (worded in every language by core's starters),
//! moving one up or down, removing one. Reads go through `.get(i)`: a row
//! may be asked once more after its question left.

use candor_core::Kind;
use candor_core::templates::starter;
use candor_core::{CsatDisplay, Labelled, Question, QuestionKind, Survey};
use leptos::prelude::*;

use crate::i18n::{tr, trf};

/// Applies one change to the working copy (the locale being edited is
/// given) and clears the last save message.
#[derive(Clone, Copy)]
pub struct Editing {
    pub working: RwSignal<Survey>,
    pub locale: RwSignal<String>,
    pub message: RwSignal<Option<Result<String, String>>>,
}

impl Editing {
    pub fn apply(self, change: impl FnOnce(&mut Survey, &str)) {
        let at = self.locale.get_untracked();
        self.working.update(|survey| change(survey, &at));
        self.message.set(None);
    }

    fn read<T: Default>(self, i: usize, f: impl Fn(&Question, &str) -> T) -> T {
        let at = self.locale.get();
        self.working
            .with(|s| s.questions.get(i).map(|q| f(q, &at)).unwrap_or_default())
    }
}

/// The kinds as the editor names them.
fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Csat => tr("Satisfaction (CSAT)"),
        Kind::Nps => tr("Recommendation (NPS)"),
        Kind::Ces => tr("Effort (CES)"),
        Kind::ExpectationGap => tr("Expectation vs experience"),
        Kind::YesNo => tr("Yes or no"),
        Kind::SingleChoice => tr("One choice of several"),
        Kind::Comment => tr("Comment"),
        Kind::ContactRequest => tr("Contact request"),
    }
}

/// Moves focus to the element `id` once the view has caught up.
fn focus_later(id: String) {
    request_animation_frame(move || {
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id));
        if let Some(element) =
            element.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = element.focus();
        }
    });
}

#[component]
pub fn QuestionEditor(editing: Editing) -> impl IntoView {
    let count = Memo::new(move |_| editing.working.with(|s| s.questions.len()));
    let rows = move || {
        (0..count.get())
            .map(|i| view! { <QuestionRow editing=editing index=i count=count /> })
            .collect_view()
    };
    let new_kind = RwSignal::new(Kind::ALL[0]);
    let kinds = Kind::ALL
        .iter()
        .map(|k| view! { <option value=k.name()>{kind_name(*k)}</option> })
        .collect_view();
    let add = move |_| {
        let kind = new_kind.get_untracked();
        editing.apply(|s, _| s.questions.push(starter(&s.questions, kind)));
        focus_later(format!("text-{}", count.get_untracked() - 1));
    };
    view! {
        {rows}
        <div class="editor__add">
            <label for="new-kind">{tr("New question")}</label>
            <select id="new-kind" on:change=move |ev| {
                if let Some(kind) = Kind::parse(&event_target_value(&ev)) {
                    new_kind.set(kind);
                }
            }>{kinds}</select>
            <button type="button" on:click=add>{tr("Add question")}</button>
        </div>
    }
}

#[component]
fn QuestionRow(editing: Editing, index: usize, count: Memo<usize>) -> impl IntoView {
    let i = index;
    let text_id = format!("text-{i}");
    let required_id = format!("required-{i}");
    let (text_for, required_for) = (text_id.clone(), required_id.clone());
    let kind = move || editing.read(i, |q, _| Some(q.kind.kind()));
    let legend = move || {
        let name = kind().map_or(tr("Question"), kind_name);
        trf("Question {n}: {kind}", &[("n", &(i + 1)), ("kind", &name)])
    };
    let move_to = move |to: usize, button: &'static str| {
        editing.apply(|s, _| {
            if i < s.questions.len() && to < s.questions.len() {
                s.questions.swap(i, to);
            }
        });
        // The question moved, so its controls are now at `to`; follow it,
        // or stay on the other button when this one no longer applies.
        let last = count.get_untracked().saturating_sub(1);
        let target = match button {
            "up" if to == 0 => format!("down-{to}"),
            "down" if to == last => format!("up-{to}"),
            other => format!("{other}-{to}"),
        };
        focus_later(target);
    };
    let remove = move |_| {
        editing.apply(|s, _| {
            if s.questions.len() > 1 && i < s.questions.len() {
                s.questions.remove(i);
            }
        });
        focus_later(format!(
            "text-{}",
            i.saturating_sub(1).min(count.get_untracked().saturating_sub(1))
        ));
    };
    let name = move || editing.read(i, |q, at| q.text.get(at).cloned().unwrap_or_default());
    view! {
        <fieldset class="editor__question" data-question=move || editing.read(i, |q, _| q.id.to_string())>
            <legend>{legend}</legend>
            <label for=text_for>{tr("Text")}</label>
            <input id=text_id type="text" prop:value=name
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    editing.apply(move |s, at| if let Some(q) = s.questions.get_mut(i) { q.text.insert(at.to_owned(), value); });
                } />
            {move || match editing.read(i, |q, _| Some(q.kind.clone())) {
                Some(QuestionKind::Csat { .. }) => view! { <CsatControls editing=editing index=i /> }.into_any(),
                Some(QuestionKind::SingleChoice { .. }) => view! { <Labels editing=editing index=i editable=true /> }.into_any(),
                Some(QuestionKind::ExpectationGap { .. }) => view! { <Labels editing=editing index=i editable=false /> }.into_any(),
                // Kinds with nothing to set beyond their text.
                Some(
                    QuestionKind::Nps
                    | QuestionKind::Ces
                    | QuestionKind::YesNo
                    | QuestionKind::Comment { .. }
                    | QuestionKind::ContactRequest,
                )
                | None => ().into_any(),
            }}
            <label class="editor__check" for=required_for>
                <input id=required_id type="checkbox" prop:checked=move || editing.read(i, |q, _| q.required)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        editing.apply(move |s, _| if let Some(q) = s.questions.get_mut(i) { q.required = on; });
                    } />
                {tr("Required")}
            </label>
            <div class="editor__row-actions">
                <button type="button" id=format!("up-{i}") disabled=move || i == 0
                    aria-label=trf("Move question {n} up", &[("n", &(i + 1))]) on:click=move |_| move_to(i.saturating_sub(1), "up")>{tr("↑ Up")}</button>
                <button type="button" id=format!("down-{i}") disabled=move || { i + 1 >= count.get() }
                    aria-label=trf("Move question {n} down", &[("n", &(i + 1))]) on:click=move |_| move_to(i + 1, "down")>{tr("↓ Down")}</button>
                <button type="button" id=format!("remove-{i}") disabled=move || { count.get() <= 1 }
                    aria-label=trf("Remove question {n}", &[("n", &(i + 1))]) on:click=remove>{tr("Remove")}</button>
            </div>
        </fieldset>
    }
}

/// How a satisfaction rating is drawn, and on how many points.
#[component]
fn CsatControls(editing: Editing, index: usize) -> impl IntoView {
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
        .map(|&(d, value, label)| view! { <option value=value prop:selected=move || current().0 == d>{label}</option> })
        .collect_view();
    let point_options = [5u8, 7]
        .iter()
        .map(|&p| view! { <option value=p.to_string() prop:selected=move || current().1 == p>{trf("{points} points", &[("points", &p)])}</option> })
        .collect_view();
    view! {
        <label for=format!("display-{i}")>{tr("Drawn as")}</label>
        <select id=format!("display-{i}") on:change=move |ev| {
            let chosen = displays.iter().find(|(_, v, _)| *v == event_target_value(&ev)).map(|(d, _, _)| *d);
            set(chosen, None);
        }>{display_options}</select>
        <label for=format!("points-{i}")>{tr("Scale")}</label>
        <select id=format!("points-{i}") on:change=move |ev| set(None, event_target_value(&ev).parse().ok())>{point_options}</select>
    }
}

/// The option or dimension labels of question `index` in the locale being
/// edited; options (`editable`) can also be added and removed.
#[component]
fn Labels(editing: Editing, index: usize, editable: bool) -> impl IntoView {
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
                let value = move || editing.read(i, |q, at| labels(q).get(j).and_then(|l| l.label.get(at).cloned()).unwrap_or_default());
                let remove = editable.then(|| {
                    view! {
                        <button type="button" disabled=move || { how_many.get() <= 2 } aria-label=trf("Remove option {n}", &[("n", &(j + 1))])
                            on:click=move |_| editing.apply(move |s, _| {
                                if let Some(list) = s.questions.get_mut(i).and_then(labels_mut) && j < list.len() {
                                    list.remove(j);
                                }
                            })>{tr("Remove")}</button>
                    }
                });
                let label_for = id.clone();
                view! {
                    <div class="editor__label">
                        <label for=label_for>{noun.replace("{n}", &(j + 1).to_string())}</label>
                        <input id=id type="text" prop:value=value on:input=move |ev| {
                            let text = event_target_value(&ev);
                            editing.apply(move |s, at| {
                                if let Some(label) = s.questions.get_mut(i).and_then(labels_mut).and_then(|l| l.get_mut(j)) {
                                    label.label.insert(at.to_owned(), text);
                                }
                            });
                        } />
                        {remove}
                    </div>
                }
            })
            .collect_view()
    };
    let add = editable.then(|| {
        view! {
            <button type="button" on:click=move |_| editing.apply(|s, at| {
                let default_locale = s.default_locale.clone();
                let Some(list) = s.questions.get_mut(i).and_then(labels_mut) else { return };
                let n = (1..).find(|n| !list.iter().any(|l| l.id.as_str() == format!("option-{n}"))).unwrap_or(1);
                if let Ok(id) = candor_core::QuestionId::parse("id", &format!("option-{n}")) {
                    // The default locale needs every text; the one being
                    // edited shows it.
                    let text = tr("Option {n}").replace("{n}", &n.to_string());
                    let label = [(default_locale, text.clone()), (at.to_owned(), text)].into_iter().collect();
                    list.push(Labelled { id, label });
                }
            })>{tr("Add option")}</button>
        }
    });
    view! {
        <div class="editor__labels">
            {rows}
            {add}
        </div>
    }
}

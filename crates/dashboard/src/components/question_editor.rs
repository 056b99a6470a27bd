//! The editor's questions: the words of each (per locale, with its options
//! or dimensions, and how a rating is drawn: `question_controls.rs`),
//! whether it is required, when it is asked and where the survey goes
//! after it (`logic_controls.rs`); and adding
//! a question of any kind (worded in every language by core's starters),
//! moving one up or down, removing one. Reads go through `.get(i)`: a row
//! may be asked once more after its question left.

use candor_core::Kind;
use candor_core::templates::starter;
use candor_core::{Question, QuestionKind, Survey};
use leptos::prelude::*;

use super::choice_controls::MultipleChoiceControls;
use super::logic_controls::{JumpControls, ShowIfControls};
use super::question_controls::{CsatControls, LabelList, Labels, LikertControls};
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

    pub(super) fn read<T: Default>(self, i: usize, f: impl Fn(&Question, &str) -> T) -> T {
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
        Kind::MultipleChoice => tr("Several choices (checkboxes)"),
        Kind::Likert => tr("Agreement with statements (Likert)"),
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
            <select
                id="new-kind"
                on:change=move |ev| {
                    if let Some(kind) = Kind::parse(&event_target_value(&ev)) {
                        new_kind.set(kind);
                    }
                }
            >
                {kinds}
            </select>
            <button type="button" on:click=add>
                {tr("Add question")}
            </button>
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
            <input
                id=text_id
                type="text"
                prop:value=name
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    editing
                        .apply(move |s, at| {
                            if let Some(q) = s.questions.get_mut(i) {
                                q.text.insert(at.to_owned(), value);
                            }
                        });
                }
            />
            {move || match editing.read(i, |q, _| Some(q.kind.clone())) {
                Some(QuestionKind::Csat { .. }) => {
                    view! { <CsatControls editing=editing index=i /> }.into_any()
                }
                Some(QuestionKind::SingleChoice { .. }) => {
                    view! { <Labels editing=editing index=i list=LabelList::Options /> }.into_any()
                }
                Some(QuestionKind::MultipleChoice { .. }) => {
                    view! {
                        <Labels editing=editing index=i list=LabelList::Options />
                        <MultipleChoiceControls editing=editing index=i />
                    }
                        .into_any()
                }
                Some(QuestionKind::Likert { .. }) => {
                    view! {
                        <LikertControls editing=editing index=i />
                        <Labels editing=editing index=i list=LabelList::Statements />
                    }
                        .into_any()
                }
                Some(QuestionKind::ExpectationGap { .. }) => {
                    view! { <Labels editing=editing index=i list=LabelList::Dimensions /> }.into_any()
                }
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
                <input
                    id=required_id
                    type="checkbox"
                    prop:checked=move || editing.read(i, |q, _| q.required)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        editing
                            .apply(move |s, _| {
                                if let Some(q) = s.questions.get_mut(i) {
                                    q.required = on;
                                }
                            });
                    }
                />
                {tr("Required")}
            </label>
            <ShowIfControls editing=editing index=i />
            <JumpControls editing=editing index=i />
            <div class="editor__row-actions">
                <button
                    type="button"
                    id=format!("up-{i}")
                    disabled=move || i == 0
                    aria-label=trf("Move question {n} up", &[("n", &(i + 1))])
                    on:click=move |_| move_to(i.saturating_sub(1), "up")
                >
                    {tr("↑ Up")}
                </button>
                <button
                    type="button"
                    id=format!("down-{i}")
                    disabled=move || { i + 1 >= count.get() }
                    aria-label=trf("Move question {n} down", &[("n", &(i + 1))])
                    on:click=move |_| move_to(i + 1, "down")
                >
                    {tr("↓ Down")}
                </button>
                <button
                    type="button"
                    id=format!("remove-{i}")
                    disabled=move || { count.get() <= 1 }
                    aria-label=trf("Remove question {n}", &[("n", &(i + 1))])
                    on:click=remove
                >
                    {tr("Remove")}
                </button>
            </div>
        </fieldset>
    }
}

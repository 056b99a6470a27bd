//! Editing a survey without writing JSON: texts per locale, required
//! questions, where and when it shows, sampling and publicity; a live
//! preview of the widget beside the form; save as draft, publish as the next
//! version, and the embed snippet to copy. The collector checks every draft
//! with the same parser as everything else and names the field at fault.

use candor::Preview;
use candor_core::{DisplayMode, Survey, Trigger};
use leptos::html::Div;
use leptos::prelude::*;

use super::question_editor::{Editing, QuestionEditor};
use super::targeting_controls::TargetingEditor;
use super::trigger_controls::{trigger_name, trigger_of, triggers, with_detail};
use crate::api::use_admin;
use crate::i18n::{failure, language_name, tr, trf};

fn displays() -> [(DisplayMode, &'static str); 4] {
    [
        (DisplayMode::Inline, tr("In the page")),
        (DisplayMode::Popover, tr("Corner card (popover)")),
        (DisplayMode::SlideIn, tr("Panel from the side")),
        (DisplayMode::SideTab, tr("Feedback tab")),
    ]
}

#[component]
pub fn Editor(published: Survey) -> impl IntoView {
    let admin = use_admin();
    let working = RwSignal::new(published.clone());
    // Texts open in the dashboard's language when the survey has it.
    let shown = crate::i18n::locale();
    let first = if published.locales().contains(&shown) {
        shown.to_owned()
    } else {
        published.default_locale.clone()
    };
    let locale = RwSignal::new(first);
    let message = RwSignal::new(None::<Result<String, String>>);
    let id = published.id.to_string();
    // The draft, when one waits, is what gets edited.
    // An edit made while it loads wins: the draft replaces the working copy
    // only if that is still the published survey it started as.
    {
        let (admin, id, start) = (admin.clone(), id.clone(), published.clone());
        leptos::task::spawn_local(async move {
            match admin.definitions(&id).await {
                Ok(found) => {
                    if let Some(draft) = found.draft
                        && working.with_untracked(|w| *w == start)
                    {
                        working.set(draft);
                    }
                }
                Err(error) => message.set(Some(Err(trf(
                    "Could not load the draft: {error}.",
                    &[("error", &failure(&error))],
                )))),
            }
        });
    }
    let save = {
        let admin = admin.clone();
        Action::new_local(move |publish: &bool| {
            let (admin, survey, publish) = (admin.clone(), working.get_untracked(), *publish);
            async move {
                let saved = admin.save_draft(&survey).await;
                let outcome = match saved {
                    Ok(_) if publish => admin
                        .publish(survey.id.as_str())
                        .await
                        .map(|s| trf("Published as version {version}.", &[("version", &s.version)])),
                    Ok(_) => Ok(tr("Draft saved. Publish it to show it to respondents.").to_owned()),
                    Err(error) => Err(error),
                };
                message.set(Some(
                    outcome.map_err(|e| trf("Not saved: {error}.", &[("error", &failure(&e))])),
                ));
            }
        })
    };
    let editing = Editing {
        working,
        locale,
        message,
    };
    // A text field for the locale being edited; `read` and `write` reach
    // the text.
    let text_input = move |label: &'static str,
                           field: String,
                           read: fn(&Survey, &str, usize) -> String,
                           write: fn(&mut Survey, &str, usize, String),
                           index: usize| {
        view! {
            <label for=field.clone()>{label}</label>
            <input
                id=field
                type="text"
                prop:value=move || working.with(|s| read(s, &locale.get(), index))
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    editing.apply(move |s, at| write(s, at, index, value));
                }
            />
        }
    };
    let locales = move || {
        working
            .with(|s| s.title.keys().cloned().collect::<Vec<_>>())
            .into_iter()
            .map(|l| {
                view! {
                    <option value=l.clone() selected=locale.get_untracked() == l>
                        {language_name(&l)}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <div class="editor">
            <form class="editor__form" on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default()>
                <label for="locale">{tr("Editing texts in")}</label>
                <select id="locale" on:change=move |ev| locale.set(event_target_value(&ev))>
                    {locales}
                </select>
                {text_input(
                    tr("Title"),
                    "title".to_owned(),
                    |s, at, _| s.title.get(at).cloned().unwrap_or_default(),
                    |s, at, _, v| {
                        s.title.insert(at.to_owned(), v);
                    },
                    0,
                )}
                <QuestionEditor editing=editing />
                <SettingsEditor editing=editing />
                <TargetingEditor editing=editing />
                <div class="editor__actions">
                    <button
                        type="button"
                        disabled=move || save.pending().get()
                        on:click=move |_| {
                            save.dispatch_local(false);
                        }
                    >
                        {tr("Save draft")}
                    </button>
                    <button
                        type="button"
                        disabled=move || save.pending().get()
                        on:click=move |_| {
                            save.dispatch_local(true);
                        }
                    >
                        {tr("Publish")}
                    </button>
                </div>
                <p class="editor__message" role="status">
                    {move || match message.get() {
                        Some(Ok(text)) => view! { <span class="ok">{text}</span> }.into_any(),
                        Some(Err(text)) => view! { <span class="error">{text}</span> }.into_any(),
                        None => ().into_any(),
                    }}
                </p>
                <EmbedSnippet id=id.clone() />
            </form>
            <LivePreview editing=editing />
        </div>
    }
}

/// Where, when and to whom the survey shows, and what of it is public.
#[component]
fn SettingsEditor(editing: Editing) -> impl IntoView {
    let working = editing.working;
    let display_options = displays()
        .iter()
        .map(|(mode, label)| {
            let value = serde_json::to_value(mode)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            let mode = *mode;
            view! {
                <option value=value selected=move || working.with(|s| s.settings.display == mode)>
                    {*label}
                </option>
            }
        })
        .collect_view();
    let trigger_options = triggers()
        .iter()
        .map(|(value, label)| {
            let value = *value;
            view! {
                <option
                    value=value
                    selected=move || working.with(|s| trigger_name(&s.settings.trigger) == value)
                >
                    {*label}
                </option>
            }
        })
        .collect_view();
    // Memos here and below: a field redrawn on every edit of the survey
    // would lose what is being typed in it when another field changes.
    let detail = Memo::new(move |_| {
        working.with(|s| match &s.settings.trigger {
            Trigger::Delay { seconds } => Some((tr("Seconds"), seconds.to_string())),
            Trigger::Scroll { percent } => Some((tr("Percent of the page"), percent.to_string())),
            Trigger::Event { name } => Some((tr("Event name"), name.clone())),
            Trigger::Click { selector } => Some((tr("Element clicked (CSS selector)"), selector.clone())),
            Trigger::PageView { count } => Some((tr("Page view in the visit"), count.to_string())),
            Trigger::Immediately | Trigger::ExitIntent | Trigger::Api => None,
        })
    });
    let sampling = Memo::new(move |_| working.with(|s| format!("{:.0}", s.settings.sampling_rate * 100.0)));
    let minimum =
        Memo::new(move |_| working.with(|s| s.settings.public_aggregates.minimum_sample.to_string()));
    let trigger_detail = move || {
        let (label, value) = detail.get()?;
        Some(view! {
            <label for="trigger-detail">{label}</label>
            <input
                id="trigger-detail"
                type="text"
                prop:value=value
                on:change=move |ev| {
                    let raw = event_target_value(&ev);
                    editing.apply(move |s, _| s.settings.trigger = with_detail(&s.settings.trigger, &raw));
                }
            />
        })
    };
    view! {
        <fieldset class="editor__settings">
            <legend>{tr("Where and when")}</legend>
            <label for="display">{tr("Display")}</label>
            <select
                id="display"
                on:change=move |ev| {
                    let raw = event_target_value(&ev);
                    if let Ok(mode) = serde_json::from_value::<DisplayMode>(serde_json::Value::String(raw)) {
                        editing.apply(move |s, _| s.settings.display = mode);
                    }
                }
            >
                {display_options}
            </select>
            <label for="trigger">{tr("Trigger")}</label>
            <select
                id="trigger"
                on:change=move |ev| {
                    let raw = event_target_value(&ev);
                    editing.apply(move |s, _| s.settings.trigger = trigger_of(&raw));
                }
            >
                {trigger_options}
            </select>
            {trigger_detail}
            <label for="sampling">{tr("Share of visitors asked (%)")}</label>
            <input
                id="sampling"
                type="number"
                min="0"
                max="100"
                step="1"
                prop:value=sampling
                on:change=move |ev| {
                    if let Ok(percent) = event_target_value(&ev).parse::<f64>() {
                        editing
                            .apply(move |s, _| s.settings.sampling_rate = (percent / 100.0).clamp(0.0, 1.0));
                    }
                }
            />
            <label class="editor__check" for="public">
                <input
                    id="public"
                    type="checkbox"
                    prop:checked=move || working.with(|s| s.settings.public_aggregates.enabled)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        editing.apply(move |s, _| s.settings.public_aggregates.enabled = on);
                    }
                />
                {tr("Show aggregates to respondents and on snapshots")}
            </label>
            <label for="minimum">{tr("Minimum sample before figures are public")}</label>
            <input
                id="minimum"
                type="number"
                min="1"
                step="1"
                prop:value=minimum
                on:change=move |ev| {
                    if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                        editing.apply(move |s, _| s.settings.public_aggregates.minimum_sample = n);
                    }
                }
            />
        </fieldset>
    }
}

/// The survey as the widget draws it, following every edit, in the locale
/// being edited.
#[component]
fn LivePreview(editing: Editing) -> impl IntoView {
    let (working, locale) = (editing.working, editing.locale);
    let preview_host = NodeRef::<Div>::new();
    let shown = StoredValue::new_local(None::<Preview>);
    Effect::new(move |_| {
        let (survey, at) = (working.get(), locale.get());
        if let Some(host) = preview_host.get() {
            shown.set_value(None);
            match candor::preview(&host, survey, at) {
                Ok(preview) => shown.set_value(Some(preview)),
                Err(error) => web_sys::console::warn_2(&"Candor: the preview failed".into(), &error),
            }
        }
    });
    view! {
        <section class="editor__preview" aria-labelledby="preview-title">
            <h2 id="preview-title">{tr("Preview")}</h2>
            <div node_ref=preview_host></div>
        </section>
    }
}

/// The one line a site owner pastes, with a button to copy it.
#[component]
fn EmbedSnippet(id: String) -> impl IntoView {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let snippet = format!(r#"<script src="{origin}/candor.js" data-survey="{id}" async></script>"#);
    let copied = RwSignal::new(false);
    let copy = {
        let snippet = snippet.clone();
        move |_| {
            if let Some(window) = web_sys::window() {
                let _ = window.navigator().clipboard().write_text(&snippet);
                copied.set(true);
            }
        }
    };
    view! {
        <h2>{tr("Embed")}</h2>
        <pre class="editor__snippet">
            <code>{snippet}</code>
        </pre>
        <button type="button" on:click=copy>
            {move || if copied.get() { tr("Copied") } else { tr("Copy the snippet") }}
        </button>
    }
}

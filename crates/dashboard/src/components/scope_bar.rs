//! The window and filters of a survey's page: days (7, 30, 90, all) and the
//! locale, page and context values its responses have. A choice rewrites the
//! address, so it can be shared and every tab follows it.

use candor_core::{Segment, Window};
use leptos::prelude::*;

use super::survey_view::Tab;
use crate::api::use_admin;
use crate::i18n::{language_name, tr};
use crate::scope::Scope;
use candor_core::admin::{FacetValue, Facets};

/// The windows offered.
const WINDOWS: [Window; 4] = [Window::Days7, Window::Days30, Window::Days90, Window::All];

/// The name of `window` in the dashboard's words.
pub fn window_name(window: Window) -> &'static str {
    match window {
        Window::Days7 => tr("Last 7 days"),
        Window::Days30 => tr("Last 30 days"),
        Window::Days90 => tr("Last 90 days"),
        Window::All => tr("All time"),
    }
}

/// Radio buttons for the window and a select per filter.
#[component]
pub fn ScopeBar(
    survey: String,
    tab: Tab,
    scope: Signal<Scope>,
    /// The window shown when none is chosen (the survey's own).
    default_window: Window,
) -> impl IntoView {
    let admin = use_admin();
    let facets = {
        let (admin, survey) = (admin.clone(), survey.clone());
        LocalResource::new(move || {
            let (admin, survey) = (admin.clone(), survey.clone());
            async move { admin.facets(&survey).await.unwrap_or_default() }
        })
    };
    let base = format!("#/surveys/{survey}{}", tab.path());
    let go = move |next: Scope| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().set_hash(&format!("{base}{}", next.query()));
        }
    };
    let window = Memo::new(move |_| scope.with(|s| s.window).unwrap_or(default_window));
    let windows = WINDOWS
        .iter()
        .map(|w| {
            let (w, go) = (*w, go.clone());
            view! {
                <label class="windows__option">
                    <input
                        type="radio"
                        name="window"
                        value=w.to_string()
                        prop:checked=move || window.get() == w
                        on:change=move |_| go(Scope {
                            window: Some(w),
                            ..scope.get_untracked()
                        })
                    />
                    {window_name(w)}
                </label>
            }
        })
        .collect_view();
    // Built once per facets answer, not per choice: the select a keyboard
    // user just changed keeps its focus; only which option is selected
    // follows the address.
    let filters = {
        let go = go.clone();
        move || {
            let facets: Facets = facets.get().unwrap_or_default();
            let segment = scope.with_untracked(|s| s.segment.clone());
            let mut selects = Vec::new();
            // The locale and the page: one select each, reading and writing
            // their own field of the segment.
            type Field = fn(&mut Segment) -> &mut Option<String>;
            // Each value shown as people read it: a language by its name.
            type Shown = fn(&str) -> String;
            let fields: [(&str, &str, &[FacetValue], Field, Shown); 2] = [
                (
                    tr("Language"),
                    "filter-locale",
                    &facets.locales,
                    |s| &mut s.locale,
                    language_name,
                ),
                (
                    tr("Page"),
                    "filter-page",
                    &facets.pages,
                    |s| &mut s.page,
                    str::to_owned,
                ),
            ];
            for (label, id, values, field, shown) in fields {
                if values.is_empty() && field(&mut segment.clone()).is_none() {
                    continue;
                }
                let go = go.clone();
                let chosen = Signal::derive(move || scope.with(|s| field(&mut s.segment.clone()).clone()));
                selects.push(select(
                    label.to_owned(),
                    id.to_owned(),
                    values,
                    shown,
                    chosen,
                    move |value| {
                        let mut next = scope.get_untracked();
                        *field(&mut next.segment) = value;
                        go(next);
                    },
                ));
            }
            let mut names: Vec<String> = facets.context.iter().map(|c| c.name.clone()).collect();
            let extra: Vec<String> = segment
                .context
                .keys()
                .filter(|k| !names.contains(k))
                .cloned()
                .collect();
            names.extend(extra);
            for name in names {
                let values = facets
                    .context
                    .iter()
                    .find(|c| c.name == name)
                    .map(|c| c.values.clone())
                    .unwrap_or_default();
                let (go, key, read) = (go.clone(), name.clone(), name.clone());
                let chosen = Signal::derive(move || scope.with(|s| s.segment.context.get(&read).cloned()));
                selects.push(select(
                    name.clone(),
                    format!("filter-context-{name}"),
                    &values,
                    str::to_owned,
                    chosen,
                    move |value| {
                        let mut next = scope.get_untracked();
                        match value {
                            Some(value) => next.segment.context.insert(key.clone(), value),
                            None => next.segment.context.remove(&key),
                        };
                        go(next);
                    },
                ));
            }
            selects.into_iter().collect_view()
        }
    };
    let clear = {
        let go = go.clone();
        move |_| {
            go(Scope {
                segment: Segment::default(),
                ..scope.get_untracked()
            })
        }
    };
    let partial = {
        let go = go.clone();
        move |ev| {
            go(Scope {
                partial: event_target_checked(&ev),
                ..scope.get_untracked()
            })
        }
    };
    view! {
        <div class="scope">
            <fieldset class="windows">
                <legend>{tr("Window")}</legend>
                {windows}
            </fieldset>
            <label class="scope__partial">
                <input type="checkbox" prop:checked=move || scope.with(|s| s.partial) on:change=partial />
                {tr("Count unfinished responses (partial saves) in the figures")}
            </label>
            <form
                class="filters"
                aria-label=tr("Filter responses")
                on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default()
            >
                {filters}
                <Show when=move || scope.with(|s| !s.segment.is_empty())>
                    <button type="button" on:click=clear.clone()>
                        {tr("Show all responses")}
                    </button>
                </Show>
            </form>
        </div>
    }
}

/// A labelled select: "Any" (no filter), then each value (as `shown`
/// writes it) with its count.
/// A chosen value not among them (from an edited address, or one that no
/// longer occurs) is listed too, so it can be seen and undone.
fn select(
    label: String,
    id: String,
    values: &[FacetValue],
    shown: fn(&str) -> String,
    chosen: Signal<Option<String>>,
    on_choose: impl Fn(Option<String>) + 'static,
) -> AnyView {
    let mut options: Vec<(String, String)> = values
        .iter()
        .map(|v| (v.value.clone(), format!("{} ({})", shown(&v.value), v.responses)))
        .collect();
    if let Some(current) = chosen.get_untracked()
        && !values.iter().any(|v| v.value == current)
    {
        options.push((current.clone(), format!("{} (0)", shown(&current))));
    }
    let options = options
        .into_iter()
        .map(|(value, text)| {
            let mine = value.clone();
            view! {
                <option value=value prop:selected=move || chosen.get().as_deref() == Some(mine.as_str())>
                    {text}
                </option>
            }
        })
        .collect_view();
    let target = id.clone();
    view! {
        <label for=target>
            {label}
            <select
                id=id
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    on_choose((!value.is_empty()).then_some(value));
                }
            >
                <option value="" prop:selected=move || chosen.with(Option::is_none)>
                    {tr("Any")}
                </option>
                {options}
            </select>
        </label>
    }
    .into_any()
}

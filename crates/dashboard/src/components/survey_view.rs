//! One survey's figures, live: each answer from the collector carries the
//! data generation, and the next request waits until it changes (a long
//! poll), so a new response shows within a moment of being stored.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use candor_core::admin::ExportFormat;
use candor_core::{Segment, Survey, Window};
use leptos::prelude::*;

use super::comments::Comments;
use super::editor::Editor;
use super::figures::QuestionCard;
use super::funnel_card::FunnelCard;
use super::scope_bar::{ScopeBar, window_name};
use crate::api::{Admin, AdminError, Live, use_admin};
use crate::i18n::{count, failure, language_name, tr, trf};
use crate::scope::Scope;

/// Which part of a survey's page is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Figures,
    Comments,
    Edit,
}

impl Tab {
    /// The tab's part of the address after the survey id.
    pub fn path(self) -> &'static str {
        match self {
            Self::Figures => "",
            Self::Comments => "/comments",
            Self::Edit => "/edit",
        }
    }
}

/// A survey's page: title, tabs, window and filters, exports, and the tab's
/// content, all over the scope in the address.
#[component]
pub fn SurveyView(survey: String, tab: Tab, scope: Signal<Scope>) -> impl IntoView {
    let admin = use_admin();
    let definition = {
        let (admin, survey) = (admin.clone(), survey.clone());
        LocalResource::new(move || {
            let (admin, survey) = (admin.clone(), survey.clone());
            async move { find(&admin, &survey).await }
        })
    };
    let default_window = Memo::new(move |_| match definition.get() {
        Some(Ok(Some(survey))) => survey.settings.public_aggregates.window,
        _ => Window::Days30,
    });
    let window = Memo::new(move |_| scope.with(|s| s.window).unwrap_or_else(|| default_window.get()));
    let segment = Memo::new(move |_| scope.with(|s| s.segment.clone()));
    let partial = Memo::new(move |_| scope.with(|s| s.partial));
    let export = {
        let (admin, survey) = (admin.clone(), survey.clone());
        Action::new_local(move |format: &ExportFormat| {
            let (admin, survey, format) = (admin.clone(), survey.clone(), *format);
            let (segment, partial) = (segment.get_untracked(), partial.get_untracked());
            let from = Scope::from_day(window.get_untracked());
            async move {
                let text = admin
                    .export(&survey, format, &segment, from, partial)
                    .await
                    .map_err(|e| failure(&e))?;
                crate::download::save(&format!("{survey}.{}", format.name()), format.media_type(), &text)
                    .map_err(|_| tr("The browser refused the download.").to_owned())
            }
        })
    };
    let content = move || {
        let survey = match definition.get() {
            Some(Ok(Some(survey))) => survey,
            Some(Ok(None)) => {
                return view! {
                    <p class="error" role="alert">
                        {tr("No such survey.")}
                    </p>
                }
                .into_any();
            }
            Some(Err(error)) => {
                return view! {
                    <p class="error" role="alert">
                        {trf("Could not load the survey: {error}.", &[("error", &failure(&error))])}
                    </p>
                }
                .into_any();
            }
            None => return view! { <p class="status">{tr("Loading…")}</p> }.into_any(),
        };
        let bar = view! {
            <ScopeBar
                survey=survey.id.to_string()
                tab=tab
                scope=scope
                default_window=survey.settings.public_aggregates.window
            />
        };
        match tab {
            Tab::Figures => view! {
                {bar}
                <FunnelCard survey=survey.clone() window=window />
                <LiveFigures survey=survey segment=segment window=window partial=partial />
            }
            .into_any(),
            Tab::Comments => view! {
                {bar}
                <Comments survey=survey segment=segment window=window />
            }
            .into_any(),
            Tab::Edit => view! { <Editor published=survey /> }.into_any(),
        }
    };
    let title = move || match definition.get() {
        Some(Ok(Some(survey))) => survey.text(&survey.title, crate::i18n::locale()).to_owned(),
        _ => tr("Survey").to_owned(),
    };
    let link = |to: Tab, label: &'static str| {
        let base = format!("#/surveys/{survey}{}", to.path());
        let href = move || format!("{base}{}", scope.with(Scope::query));
        view! {
            <a href=href aria-current=(tab == to).then_some("page")>
                {label}
            </a>
        }
    };
    view! {
        <p>
            <a href="#/">{tr("← All surveys")}</a>
        </p>
        <h1>{title}</h1>
        <nav class="tabs" aria-label=tr("Survey")>
            {link(Tab::Figures, tr("Figures"))}
            {link(Tab::Comments, tr("Comments"))}
            {link(Tab::Edit, tr("Edit"))}
        </nav>
        <div class="exports">
            <button
                type="button"
                on:click=move |_| {
                    export.dispatch_local(ExportFormat::Csv);
                }
            >
                {tr("Export CSV")}
            </button>
            <button
                type="button"
                on:click=move |_| {
                    export.dispatch_local(ExportFormat::Ndjson);
                }
            >
                {tr("Export NDJSON")}
            </button>
            <span class="error" role="alert">
                {move || export.value().get().and_then(Result::err)}
            </span>
        </div>
        {content}
    }
}

/// The figures for the chosen window and segment, kept current by long
/// polling.
#[component]
fn LiveFigures(
    survey: Survey,
    segment: Memo<Segment>,
    window: Memo<Window>,
    /// Whether partial responses count.
    partial: Memo<bool>,
) -> impl IntoView {
    let admin = use_admin();
    let live = RwSignal::new(None::<Result<Live, AdminError>>);
    // One polling loop per window and segment: each has a number, and a
    // loop whose number is no longer current stops (as all do on leaving).
    let current = Arc::new(AtomicU32::new(0));
    let stopped = current.clone();
    on_cleanup(move || stopped.store(u32::MAX, Ordering::Relaxed));
    let survey_id = survey.id.to_string();
    Effect::new(move |_| {
        let (chosen, segment, partial) = (window.get(), segment.get(), partial.get());
        let generation_of_loop = current.fetch_add(1, Ordering::Relaxed) + 1;
        live.set(None);
        let (admin, survey, current) = (admin.clone(), survey_id.clone(), current.clone());
        leptos::task::spawn_local(async move {
            let mut after = None;
            while current.load(Ordering::Relaxed) == generation_of_loop {
                let answer = admin.snapshot(&survey, chosen, &segment, partial, after).await;
                if current.load(Ordering::Relaxed) != generation_of_loop {
                    break;
                }
                let failed = answer.is_err();
                after = answer.as_ref().ok().and_then(|l| l.generation);
                live.set(Some(answer));
                if failed {
                    // Back off before asking again.
                    sleep(5_000).await;
                }
            }
        });
    });
    let survey = StoredValue::new(survey);
    let figures = move || match live.get() {
        None => view! { <p class="status">{tr("Loading figures…")}</p> }.into_any(),
        Some(Err(error)) => view! {
            <p class="error" role="alert">
                {trf("Could not load the figures: {error}. Retrying.", &[("error", &failure(&error))])}
            </p>
        }
        .into_any(),
        Some(Ok(Live { snapshot, .. })) => {
            let name = window_name(snapshot.window);
            let narrowed = describe(&segment.get_untracked());
            let cards = snapshot
                .questions
                .iter()
                .map(|q| view! { <QuestionCard survey=survey.get_value() figures=q.clone() window=name /> })
                .collect_view();
            view! {
                <p class="summary" data-responses=snapshot.responses.to_string()>
                    {format!("{} · {name}{narrowed}", count("{n} responses", snapshot.responses))}
                </p>
                <div class="cards">{cards}</div>
            }
            .into_any()
        }
    };
    view! {
        <p class="live" aria-hidden="true">
            {tr("● Live")}
        </p>
        // Announces new figures politely, without moving focus.
        <div aria-live="polite">{figures}</div>
    }
}

/// " · language Thai · page /checkout · channel app", or nothing.
fn describe(segment: &Segment) -> String {
    let mut parts = Vec::new();
    if let Some(locale) = &segment.locale {
        parts.push(trf("language {locale}", &[("locale", &language_name(locale))]));
    }
    if let Some(page) = &segment.page {
        parts.push(trf("page {page}", &[("page", page)]));
    }
    for (name, value) in &segment.context {
        parts.push(format!("{name} {value}"));
    }
    parts.iter().map(|p| format!(" · {p}")).collect()
}

/// The published definition of `id`; `None` when there is no such survey.
async fn find(admin: &Admin, id: &str) -> Result<Option<Survey>, AdminError> {
    match admin.definitions(id).await {
        Ok(found) => Ok(Some(found.published)),
        Err(AdminError::Failed { status: 404, .. }) => Ok(None),
        Err(error) => Err(error),
    }
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

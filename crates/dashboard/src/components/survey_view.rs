//! One survey's figures, live: each answer from the collector carries the
//! data generation, and the next request waits until it changes (a long
//! poll), so a new response shows within a moment of being stored.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use candor_core::{Survey, Window};
use leptos::prelude::*;

use super::figures::QuestionCard;
use crate::api::{Admin, AdminError, Live, SurveySummary};

const WINDOWS: [(Window, &str); 4] = [
    (Window::Days7, "Last 7 days"),
    (Window::Days30, "Last 30 days"),
    (Window::Days90, "Last 90 days"),
    (Window::All, "All time"),
];

#[component]
pub fn SurveyView(admin: Admin, survey: String, on_refused: Callback<()>) -> impl IntoView {
    let window = RwSignal::new(Window::Days30);
    let live = RwSignal::new(None::<Result<Live, AdminError>>);
    let definition = {
        let (admin, survey) = (admin.clone(), survey.clone());
        LocalResource::new(move || {
            let (admin, survey) = (admin.clone(), survey.clone());
            async move { find(&admin, &survey).await }
        })
    };
    // One polling loop per window choice: each has a number, and a loop
    // whose number is no longer current stops (as all do on leaving).
    let current = Arc::new(AtomicU32::new(0));
    let stopped = current.clone();
    on_cleanup(move || stopped.store(u32::MAX, Ordering::Relaxed));
    Effect::new(move |_| {
        let chosen = window.get();
        let generation_of_loop = current.fetch_add(1, Ordering::Relaxed) + 1;
        live.set(None);
        let (admin, survey, current) = (admin.clone(), survey.clone(), current.clone());
        leptos::task::spawn_local(async move {
            let mut after = None;
            while current.load(Ordering::Relaxed) == generation_of_loop {
                let answer = admin.snapshot(&survey, chosen, after).await;
                if current.load(Ordering::Relaxed) != generation_of_loop {
                    break;
                }
                let failed = answer.is_err();
                after = answer.as_ref().ok().and_then(|l| l.generation);
                if matches!(answer, Err(AdminError::NotAllowed)) {
                    on_refused.run(());
                }
                live.set(Some(answer));
                if failed {
                    // Back off before asking again.
                    gloo_sleep(5_000).await;
                }
            }
        });
    });
    let figures = move || {
        let survey = match definition.get() {
            Some(Ok(Some(survey))) => survey,
            Some(Ok(None)) => {
                return view! { <p class="error" role="alert">"No such survey."</p> }.into_any();
            }
            Some(Err(error)) => {
                return view! { <p class="error" role="alert">{format!("Could not load the survey: {error}.")}</p> }.into_any();
            }
            None => return view! { <p class="status">"Loading…"</p> }.into_any(),
        };
        match live.get() {
            None => view! { <p class="status">"Loading figures…"</p> }.into_any(),
            Some(Err(error)) => view! { <p class="error" role="alert">{format!("Could not load the figures: {error}. Retrying.")}</p> }.into_any(),
            Some(Ok(Live { snapshot, .. })) => {
                let name = WINDOWS.iter().find(|(w, _)| *w == snapshot.window).map_or("", |(_, n)| n);
                let cards = snapshot
                    .questions
                    .iter()
                    .map(|q| view! { <QuestionCard survey=survey.clone() figures=q.clone() window=name /> })
                    .collect_view();
                view! {
                    <p class="summary" data-responses=snapshot.responses.to_string()>
                        {format!("{} responses · {name}", snapshot.responses)}
                    </p>
                    <div class="cards">{cards}</div>
                }
                .into_any()
            }
        }
    };
    let title = move || match definition.get() {
        Some(Ok(Some(survey))) => survey.text(&survey.title, &survey.default_locale).to_owned(),
        _ => "Survey".to_owned(),
    };
    let options = WINDOWS
        .iter()
        .map(|(w, name)| {
            let w = *w;
            view! {
                <label class="windows__option">
                    <input type="radio" name="window" value=w.to_string()
                        prop:checked=move || window.get() == w on:change=move |_| window.set(w) />
                    {*name}
                </label>
            }
        })
        .collect_view();
    view! {
        <p><a href="#/">"← All surveys"</a></p>
        <h1>{title}</h1>
        <fieldset class="windows">
            <legend>"Window"</legend>
            {options}
        </fieldset>
        <p class="live" aria-hidden="true">"● Live"</p>
        // Announces new figures politely, without moving focus.
        <div aria-live="polite">{figures}</div>
    }
}

/// The published definition of `id`, from the survey list.
async fn find(admin: &Admin, id: &str) -> Result<Option<Survey>, AdminError> {
    Ok(admin
        .surveys()
        .await?
        .into_iter()
        .map(|SurveySummary { survey, .. }| survey)
        .find(|s| s.id.as_str() == id))
}

async fn gloo_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

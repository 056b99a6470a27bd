//! The whole widget: load the survey, show it where its settings say, ask,
//! send through the outbox, thank, show the aggregate.

use std::collections::BTreeMap;

use candor_core::{DisplayMode, ResponseSubmission, Survey};
use leptos::prelude::*;
use serde::Serialize;

use super::frame::Frame;
use super::reactive::{effect, flag, show_if, show_or};
use super::snapshot_summary::SnapshotSummary;
use super::survey_form::SurveyForm;
use crate::api::{Api, ApiError};
use crate::draft::{self, Draft};
use crate::i18n::{choose_locale, direction, strings};
use crate::memory::{self, Outcome};
use crate::outbox::{self, Delivery};
use crate::{events, theme};
use candor_core::SurveyLabels;
use candor_core::snapshot::PublicFigures;

/// What became of the response, as the thank-you screen needs it.
#[derive(Clone)]
struct Sent {
    delivery: Delivery,
    /// The public figures, when they could be read.
    snapshot: Option<PublicFigures>,
}

/// The survey of `api`, from loading to thank-you. Renders nothing while the
/// survey loads or when it cannot be loaded (a warning goes to the console):
/// a broken endpoint must never show up as a broken page.
#[component]
pub fn Widget(
    /// The endpoint and survey to talk to.
    api: Api,
    /// The survey itself, for endpoints that do not serve definitions; when
    /// absent it is read from the endpoint.
    #[prop(default = None)]
    definition: Option<Survey>,
    /// Where to show it; the survey's `display` setting when absent.
    #[prop(default = None)]
    display: Option<DisplayMode>,
    /// Hidden fields sent with the response (channel, order band…), read
    /// when it is sent.
    #[prop(optional)]
    context: Option<Callback<(), BTreeMap<String, String>>>,
) -> impl IntoView {
    let api = StoredValue::new(api);
    let survey = crate::task::resolved({
        let api = api.get_value();
        async move {
            match definition {
                Some(survey) => Ok(survey),
                None => api.survey().await,
            }
        }
    });
    // The host page's part of every save: its context and path.
    let from_page = move |submission: &ResponseSubmission| {
        let mut submission = submission.clone();
        if let Some(context) = context {
            // Fields core would refuse are left out (with a warning), so the
            // response itself is never refused for its context.
            let (kept, refused) = candor_core::response_context::keep_valid(context.run(()));
            for error in refused {
                web_sys::console::warn_1(&format!("Candor: {error}").into());
            }
            submission.context = kept;
        }
        submission.page = page_path();
        submission.visitor = api.with_value(|api| api.visitor().cloned());
        submission
    };
    // What became of the response (`None` until it is sent), and how many
    // are on their way.
    let outcome = RwSignal::new(None::<Result<Sent, ApiError>>);
    let in_flight = RwSignal::new(0_u32);
    let busy = Signal::derive(move || in_flight.get() > 0);
    // Into the outbox, then out; the figures are read once it arrived.
    let send = move |submission: &ResponseSubmission| {
        let api = api.get_value();
        let submission = from_page(submission);
        async move {
            let delivery = outbox::submit(&api.responses_url(), &submission)
                .await
                .map_err(ApiError::from)?;
            draft::clear(api.survey_id());
            memory::remember(api.survey_id(), Outcome::Answered);
            events::emit(
                "submit",
                &Submitted {
                    survey: api.survey_id(),
                    response: &submission,
                },
            );
            let snapshot = match delivery {
                Delivery::Delivered => api.snapshot().await.inspect_err(warn).ok(),
                Delivery::Queued => None,
            };
            Ok::<Sent, ApiError>(Sent { delivery, snapshot })
        }
    };
    let locale = Memo::new(move |_| match survey.get() {
        Some(Ok(survey)) => choose_locale(&survey),
        _ => "en".to_owned(),
    });
    let sent = flag(move || matches!(outcome.get(), Some(Ok(_))));
    let root = NodeRef::<leptos::html::Section>::new();
    effect(move |_| {
        if let (Some(Ok(survey)), Some(root)) = (survey.get(), root.get()) {
            theme::apply(&root, &survey.settings.theme);
        }
    });
    let failed = move || matches!(outcome.get(), Some(Err(_)));
    let on_submit = Callback::new(move |submission: ResponseSubmission| {
        let sending = send(&submission);
        in_flight.update(|n| *n += 1);
        leptos::task::spawn_local(async move {
            let result = sending.await;
            // The widget may be gone by then; its signals with it.
            let _ = outcome.try_set(Some(result));
            let _ = in_flight.try_update(|n| *n -= 1);
        });
    });
    // A partial save: kept here for a reload to resume, and sent through
    // the outbox, which a later save or the finished response replaces.
    let on_save = Callback::new(move |submission: ResponseSubmission| {
        let api = api.get_value();
        let submission = from_page(&submission);
        draft::store(
            api.survey_id(),
            &Draft {
                id: submission.id,
                version: submission.survey_version,
                sequence: submission.sequence.unwrap_or(0),
                answers: submission.answers.clone(),
                saved: js_sys::Date::now(),
            },
        );
        wasm_bindgen_futures::spawn_local(async move {
            // A refusal is reported by the outbox (`Candor.on("error")`).
            let _ = outbox::submit(&api.responses_url(), &submission).await;
        });
    });
    let closed = Trigger::new();
    // Closing before answering is a dismissal: the loader then waits the
    // survey's dismissal days before asking this browser again.
    let on_close = Callback::new(move |()| {
        if !sent.get_untracked() {
            let id = api.with_value(|api| api.survey_id().to_owned());
            api.with_value(|api| api.report("dismissed"));
            // What was answered before closing is kept.
            closed.notify();
            memory::remember(&id, Outcome::Dismissed);
            events::emit("dismiss", &Dismissed { survey: &id });
        }
    });
    let thanks = move || {
        let sent = outcome.get().and_then(Result::ok);
        let text = thank_you(&locale.get_untracked(), sent.as_ref());
        let snapshot = sent
            .and_then(|sent| sent.snapshot)
            .zip(survey.get().and_then(Result::ok))
            .map(|(snapshot, survey)| {
                let labels = SurveyLabels::of(&survey);
                view! { <SnapshotSummary snapshot=snapshot labels=labels locale=locale.get_untracked() /> }
            });
        view! {
            <div class="candor-thanks">
                <p class="candor-thanks__text">{text}</p>
                {snapshot}
            </div>
        }
    };
    // Told once per mount, when the survey is first drawn.
    let shown = StoredValue::new(false);
    let on_start = Callback::new(move |()| api.with_value(|api| api.report("started")));
    let content = move || {
        let survey = match survey.get() {
            Some(Ok(survey)) => survey,
            Some(Err(error)) => {
                warn(&error);
                return None;
            }
            None => return None,
        };
        if !shown.get_value() {
            shown.set_value(true);
            api.with_value(|api| api.report("shown"));
        }
        let mode = display.unwrap_or(survey.settings.display);
        let title = survey.text(&survey.title, &locale.get_untracked()).to_owned();
        let form = survey.clone();
        let body = move || {
            let form = form.clone();
            let draft = api.with_value(|api| draft::load(api.survey_id(), form.version));
            let asking = move || {
                view! {
                    <SurveyForm
                        survey=form.clone()
                        on_submit=on_submit
                        on_save=on_save
                        on_start=on_start
                        save_now=closed
                        draft=draft.clone()
                        busy=busy
                        locale=locale.get_untracked()
                    />
                    {show_if(
                        failed,
                        move || {
                            view! {
                                <p class="candor-send-error" role="alert">
                                    {move || strings(&locale.get()).send_failed}
                                </p>
                            }
                        },
                    )}
                }
            };
            show_or(move || !sent.get(), asking, thanks)
        };
        Some(view! {
            <Frame mode=mode label=title locale=locale on_close=on_close>
                {body()}
            </Frame>
        })
    };
    view! {
        <section
            class="candor-shell"
            node_ref=root
            lang=move || locale.get()
            dir=move || direction(&locale.get())
        >
            // Announced to screen readers; the visible texts stay quiet.
            <p class="candor-visually-hidden" role="status">
                {move || {
                    let locale = locale.get();
                    match outcome.get() {
                        _ if busy.get() => strings(&locale).sending,
                        Some(Ok(sent)) => thank_you(&locale, Some(&sent)),
                        _ => "",
                    }
                }}
            </p>
            {content}
        </section>
    }
}

/// `Candor.on("submit")`'s detail.
#[derive(Serialize)]
struct Submitted<'a> {
    survey: &'a str,
    response: &'a ResponseSubmission,
}

/// `Candor.on("dismiss")`'s detail.
#[derive(Serialize)]
struct Dismissed<'a> {
    survey: &'a str,
}

/// Thanks for a response that arrived, or that waits in the outbox.
fn thank_you(locale: &str, sent: Option<&Sent>) -> &'static str {
    let s = strings(locale);
    match sent {
        Some(Sent {
            delivery: Delivery::Delivered,
            ..
        }) => s.thanks,
        _ => s.queued,
    }
}

fn warn(error: &ApiError) {
    web_sys::console::warn_1(&format!("Candor: {error}").into());
}

/// The host page's path, for the owner's per-page figures: never the query
/// string or fragment, which may hold personal data. `None` when it is not
/// one core keeps (too long, say), so the response is never refused for it.
fn page_path() -> Option<String> {
    let path = web_sys::window()?.location().pathname().ok()?;
    candor_core::response_page::check(&path).ok().map(|()| path)
}

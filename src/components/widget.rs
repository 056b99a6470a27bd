//! The whole widget: load the survey, ask, send, thank, show the aggregate.

use candor_core::{ResponseSubmission, Snapshot};
use leptos::prelude::*;

use super::snapshot_summary::SnapshotSummary;
use super::survey_form::SurveyForm;
use crate::api::{Api, ApiError};
use crate::i18n::{choose_locale, direction, strings};

/// The survey of `api`, from loading to thank-you. Renders nothing while the
/// survey loads or when it cannot be loaded (a warning goes to the console):
/// a broken endpoint must never show up as a broken page.
#[component]
pub fn Widget(
    /// The endpoint and survey to talk to.
    api: Api,
) -> impl IntoView {
    let api = StoredValue::new(api);
    let survey = LocalResource::new(move || {
        let api = api.get_value();
        async move { api.survey().await }
    });
    // Sends, then reads the figures; a failed read still counts as sent.
    let send = Action::new_local(move |submission: &ResponseSubmission| {
        let api = api.get_value();
        let submission = submission.clone();
        async move {
            api.submit(&submission).await?;
            Ok::<Option<Snapshot>, ApiError>(api.snapshot().await.inspect_err(warn).ok())
        }
    });
    // The page's language, as far as the survey speaks it.
    let locale = Memo::new(move |_| match survey.get() {
        Some(Ok(survey)) => choose_locale(&survey),
        _ => "en".to_owned(),
    });
    let sent = Memo::new(move |_| matches!(send.value().get(), Some(Ok(_))));
    let root = NodeRef::<leptos::html::Section>::new();
    // The survey's theme goes onto the root once both exist.
    Effect::new(move |_| {
        if let (Some(Ok(survey)), Some(root)) = (survey.get(), root.get()) {
            crate::theme::apply(&root, &survey.settings.theme);
        }
    });
    let failed = move || matches!(send.value().get(), Some(Err(_)));
    let on_submit = Callback::new(move |submission| {
        send.dispatch_local(submission);
    });
    let form = move || match survey.get() {
        Some(Ok(survey)) => {
            let locale = locale.get_untracked();
            Some(
                view! { <SurveyForm survey=survey on_submit=on_submit busy=send.pending() locale=locale /> }
                    .into_any(),
            )
        }
        Some(Err(error)) => {
            warn(&error);
            None
        }
        None => None,
    };
    let thanks = move || {
        let snapshot = match send.value().get() {
            Some(Ok(Some(snapshot))) => survey.get().and_then(Result::ok).map(|survey| {
                view! { <SnapshotSummary snapshot=snapshot survey=survey locale=locale.get_untracked() /> }
            }),
            _ => None,
        };
        view! {
            <div class="candor-thanks">
                <p class="candor-thanks__text">{strings(&locale.get_untracked()).thanks}</p>
                {snapshot}
            </div>
        }
    };
    view! {
        <section
            class="candor"
            node_ref=root
            lang=move || locale.get()
            dir=move || direction(&locale.get())
        >
            // Announced to screen readers; the visible texts stay quiet.
            <p class="candor-visually-hidden" role="status">
                {move || {
                    let s = strings(&locale.get());
                    if send.pending().get() {
                        s.sending
                    } else if sent.get() {
                        s.thanks
                    } else {
                        ""
                    }
                }}
            </p>
            <Show when=move || !sent.get() fallback=thanks>
                {form}
                <Show when=failed>
                    <p class="candor-send-error" role="alert">
                        {move || strings(&locale.get()).send_failed}
                    </p>
                </Show>
            </Show>
        </section>
    }
}

fn warn(error: &ApiError) {
    web_sys::console::warn_1(&format!("Candor: {error}").into());
}

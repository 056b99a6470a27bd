//! `<candor-snapshot endpoint="…" survey="…">`: a live satisfaction
//! snapshot for any page, redrawn from the collector's snapshot stream
//! whenever responses arrive.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use super::snapshot_summary::SnapshotSummary;
use crate::api::Api;
use crate::i18n::direction;
use candor_core::snapshot::PublicFigures;

/// The survey's public figures, kept current by Server-Sent Events. Shows
/// nothing until the first snapshot arrives (and nothing if the endpoint
/// cannot be reached: a warning goes to the console).
#[component]
pub fn LiveSnapshot(
    /// The endpoint and survey.
    api: Api,
) -> impl IntoView {
    let latest = RwSignal::new(None::<PublicFigures>);
    let stream_url = api.stream_url();
    let api = StoredValue::new(api);
    let survey = crate::task::resolved({
        let api = api.get_value();
        async move { api.survey_labels().await }
    });
    match web_sys::EventSource::new(&stream_url) {
        Ok(source) => {
            let on_snapshot =
                Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                    let parsed = event
                        .data()
                        .as_string()
                        .and_then(|data| crate::json::parse::<PublicFigures>(&data).ok());
                    if let Some(snapshot) = parsed {
                        latest.set(Some(snapshot));
                    }
                });
            let _ = source.add_event_listener_with_callback("snapshot", on_snapshot.as_ref().unchecked_ref());
            // The listener lives as long as the stream, which closes with
            // the component.
            on_snapshot.forget();
            let source = send_wrapper::SendWrapper::new(source);
            on_cleanup(move || source.close());
        }
        Err(_) => web_sys::console::warn_1(&"Candor: the snapshot stream could not be opened".into()),
    }
    move || {
        let (Some(Ok(labels)), Some(snapshot)) = (survey.get(), latest.get()) else {
            return None;
        };
        let locale = crate::i18n::choose_snapshot_locale(&labels);
        let dir = direction(&locale);
        let lang = locale.clone();
        let title = labels.text(&labels.title, &locale).to_owned();
        Some(view! {
            <section class="candor candor--snapshot" lang=lang dir=dir aria-live="polite">
                <h2 class="candor-form__title">{title}</h2>
                <SnapshotSummary snapshot=snapshot labels=labels.clone() locale=locale />
            </section>
        })
    }
}

//! The aggregate shown after sending: "212 responses · average 4.3 / 5".

use candor_core::{Figures, Snapshot};
use leptos::prelude::*;

use crate::i18n::{strings, summary};

/// One line of public figures, or why there are none yet.
#[component]
pub fn SnapshotSummary(
    /// The figures from the collector.
    snapshot: Snapshot,
    /// The shown locale.
    locale: String,
) -> impl IntoView {
    let csat = snapshot.questions.iter().find_map(|q| match q.figures {
        Figures::Csat { mean, .. } => Some(mean),
        _ => None,
    });
    let text = match csat {
        Some(mean) => summary(&locale, snapshot.responses, mean),
        None => strings(&locale).still_collecting.to_owned(),
    };
    view! { <p class="candor-summary" data-responses=snapshot.responses.to_string()>{text}</p> }
}

//! "A survey has new responses", across collectors: PostgreSQL's
//! LISTEN/NOTIFY carries it between collectors sharing one database; SQLite
//! has one collector, which tells itself.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use candor_core::SurveyId;
use sqlx::postgres::PgListener;
use tokio::sync::broadcast;

use super::StoreError;

/// The PostgreSQL channel name.
pub const CHANNEL: &str = "candor_responses";

/// Forwards every notification on [`CHANNEL`] to `changes`, reconnecting
/// quietly when the connection drops (PgListener does).
pub async fn listen(
    url: &str,
    changes: broadcast::Sender<SurveyId>,
    generation: Arc<AtomicU64>,
) -> Result<(), StoreError> {
    let mut listener = PgListener::connect(url).await?;
    listener.listen(CHANNEL).await?;
    tokio::spawn(async move {
        loop {
            match listener.recv().await {
                Ok(notification) => {
                    generation.fetch_add(1, Ordering::AcqRel);
                    if let Ok(id) = SurveyId::parse("survey", notification.payload()) {
                        // No receivers is fine: nobody is streaming.
                        let _ = changes.send(id);
                    }
                }
                Err(error) => {
                    // Changes may be missed while reconnecting.
                    generation.fetch_add(1, Ordering::AcqRel);
                    tracing::warn!(%error, "lost the PostgreSQL notification connection; retrying");
                    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                }
            }
        }
    });
    Ok(())
}

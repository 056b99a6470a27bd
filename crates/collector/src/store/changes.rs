//! "A survey has new responses", across collectors: PostgreSQL's
//! LISTEN/NOTIFY carries it between collectors sharing one database; SQLite
//! has one collector, which tells itself.

use std::sync::Arc;

use candor_core::SurveyId;
use sqlx::postgres::PgListener;
use tokio::sync::broadcast;

use super::StoreError;
use super::generations::Generations;

/// The PostgreSQL channel name.
pub const CHANNEL: &str = "candor_responses";

/// Forwards every notification on [`CHANNEL`] to `changes`, reconnecting
/// quietly when the connection drops (PgListener does).
pub async fn listen(
    url: &str,
    changes: broadcast::Sender<SurveyId>,
    generations: Arc<Generations>,
) -> Result<(), StoreError> {
    let mut listener = PgListener::connect(url).await?;
    listener.listen(CHANNEL).await?;
    tokio::spawn(async move {
        loop {
            match listener.recv().await {
                Ok(notification) => match SurveyId::parse("survey", notification.payload()) {
                    Ok(id) => {
                        generations.bump(&id);
                        // No receivers is fine: nobody is streaming.
                        let _ = changes.send(id);
                    }
                    Err(_) => generations.bump_all(),
                },
                Err(error) => {
                    // Changes may be missed while reconnecting.
                    generations.bump_all();
                    tracing::warn!(%error, "lost the PostgreSQL notification connection; retrying");
                    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                }
            }
        }
    });
    Ok(())
}

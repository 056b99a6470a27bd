//! Destinations: where the owner wants events sent, added, changed and
//! removed through the admin API.

use candor_core::SurveyId;
use candor_core::admin::{Destination, DestinationKind, DestinationSpec};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::{Store, StoreError, on_pool};

/// A destination's row: id, kind, name, url, secret, events, surveys,
/// enabled, created_at.
type Row = (
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    String,
    bool,
    String,
);

const COLUMNS: &str = "id, kind, name, url, secret, events, surveys, enabled, created_at";

impl Store {
    /// Every destination, oldest first.
    pub async fn destinations(&self) -> Result<Vec<Destination>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM destinations ORDER BY created_at, id");
        let rows: Vec<Row> = on_pool!(self.backend, |pool| sqlx::query_as(&sql).fetch_all(pool).await?);
        rows.into_iter().map(destination).collect()
    }

    /// The destination `id`, if there is one.
    pub async fn destination(&self, id: &str) -> Result<Option<Destination>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM destinations WHERE id = $1");
        let row: Option<Row> = on_pool!(self.backend, |pool| {
            sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?
        });
        row.map(destination).transpose()
    }

    /// Adds a destination with `secret` (webhooks only) under a new id.
    pub async fn add_destination(
        &self,
        spec: &DestinationSpec,
        secret: Option<&str>,
    ) -> Result<Destination, StoreError> {
        let id = uuid::Uuid::new_v4().to_string();
        let created_at = OffsetDateTime::now_utc().format(&Rfc3339)?;
        let (events, surveys) = (
            serde_json::to_string(&spec.events)?,
            serde_json::to_string(&spec.surveys)?,
        );
        on_pool!(self.backend, |pool| {
            sqlx::query(
                "INSERT INTO destinations (id, kind, name, url, secret, events, surveys, enabled, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(&id)
            .bind(spec.kind.as_str())
            .bind(&spec.name)
            .bind(&spec.url)
            .bind(secret)
            .bind(&events)
            .bind(&surveys)
            .bind(spec.enabled)
            .bind(&created_at)
            .execute(pool)
            .await
            .map(drop)?
        });
        Ok(Destination {
            id,
            spec: spec.clone(),
            secret: secret.map(str::to_owned),
            created_at,
        })
    }

    /// Replaces what the owner set on `id` (its secret and history stay);
    /// `false` when there is no such destination.
    pub async fn update_destination(&self, id: &str, spec: &DestinationSpec) -> Result<bool, StoreError> {
        let (events, surveys) = (
            serde_json::to_string(&spec.events)?,
            serde_json::to_string(&spec.surveys)?,
        );
        let updated = on_pool!(self.backend, |pool| {
            sqlx::query(
                "UPDATE destinations SET name = $2, url = $3, events = $4, surveys = $5, enabled = $6
                 WHERE id = $1 AND kind = $7",
            )
            .bind(id)
            .bind(&spec.name)
            .bind(&spec.url)
            .bind(&events)
            .bind(&surveys)
            .bind(spec.enabled)
            .bind(spec.kind.as_str())
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(updated == 1)
    }

    /// Removes `id` and its deliveries; `false` when there was none.
    pub async fn remove_destination(&self, id: &str) -> Result<bool, StoreError> {
        let removed = on_pool!(self.backend, |pool| {
            sqlx::query("DELETE FROM destinations WHERE id = $1")
                .bind(id)
                .execute(pool)
                .await?
                .rows_affected()
        });
        Ok(removed == 1)
    }
}

fn destination(
    (id, kind, name, url, secret, events, surveys, enabled, created_at): Row,
) -> Result<Destination, StoreError> {
    let kind = DestinationKind::parse(&kind)
        .ok_or_else(|| StoreError::Inconsistent(format!("destination kind {kind:?}")))?;
    let surveys: Vec<SurveyId> = serde_json::from_str(&surveys)?;
    Ok(Destination {
        id,
        spec: DestinationSpec {
            kind,
            name,
            url,
            events: serde_json::from_str(&events)?,
            surveys,
            enabled,
        },
        secret,
        created_at,
    })
}

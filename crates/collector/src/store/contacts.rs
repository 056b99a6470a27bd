//! The contact-request queue: respondents who asked to be contacted, and
//! the team's follow-up of each (status, assignee, notes, the time of the
//! first follow-up), due within its survey's target.

use std::collections::HashMap;

use candor_core::admin::{
    ContactRequest, ContactStatus, ContactUpdate, DEFAULT_TARGET_HOURS, FollowUpSummary, median,
};
use candor_core::{SurveyId, Window};
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};

use super::{Store, StoreError, on_pool};

/// A request's row.
type Row = (
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
    String,
    Option<String>,
);

impl Store {
    /// The queue (optionally one status): overdue requests first, then
    /// oldest first.
    pub async fn contacts(&self, status: Option<ContactStatus>) -> Result<Vec<ContactRequest>, StoreError> {
        let mut requests = self
            .contacts_where("$1 IS NULL OR status = $1", status.map(ContactStatus::as_str))
            .await?;
        // Stable: oldest first within each group.
        requests.sort_by_key(|r| !r.overdue);
        Ok(requests)
    }

    /// The request of `response_id`, if there is one.
    pub async fn contact(&self, response_id: &str) -> Result<Option<ContactRequest>, StoreError> {
        Ok(self
            .contacts_where("response_id = $1", Some(response_id))
            .await?
            .pop())
    }

    /// The requests `condition` (on `$1`, bound to `value`) picks, oldest
    /// first, each with its due time.
    async fn contacts_where(
        &self,
        condition: &str,
        value: Option<&str>,
    ) -> Result<Vec<ContactRequest>, StoreError> {
        let sql = format!(
            "SELECT response_id, survey_id, received_at, name, email, phone, status, assignee, notes, first_follow_up_at
             FROM contact_requests WHERE {condition} ORDER BY received_at, response_id"
        );
        let rows: Vec<Row> = on_pool!(self.backend, |pool| {
            sqlx::query_as(&sql).bind(value).fetch_all(pool).await?
        });
        let targets = self.follow_up_targets().await?;
        let now = OffsetDateTime::now_utc();
        rows.into_iter().map(|row| request(row, &targets, now)).collect()
    }

    /// Changes a request as `update` says; the first move out of "open"
    /// is its first follow-up. `false` when there is no such request.
    pub async fn update_contact(
        &self,
        response_id: &str,
        update: &ContactUpdate,
    ) -> Result<bool, StoreError> {
        let now = OffsetDateTime::now_utc().format(&Rfc3339)?;
        let (set_assignee, assignee) = match &update.assignee {
            Some(assignee) => (true, assignee.as_deref()),
            None => (false, None),
        };
        let updated = on_pool!(self.backend, |pool| {
            sqlx::query(
                "UPDATE contact_requests SET
                   status = COALESCE($2, status),
                   assignee = CASE WHEN $3 THEN $4 ELSE assignee END,
                   notes = COALESCE($5, notes),
                   first_follow_up_at = CASE
                     WHEN first_follow_up_at IS NULL AND $2 IS NOT NULL AND $2 <> 'open' THEN $6
                     ELSE first_follow_up_at END,
                   updated_at = $6
                 WHERE response_id = $1",
            )
            .bind(response_id)
            .bind(update.status.map(ContactStatus::as_str))
            .bind(set_assignee)
            .bind(assignee)
            .bind(update.notes.as_deref())
            .bind(&now)
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(updated == 1)
    }

    /// How requests received in `window` were followed up.
    pub async fn follow_up_summary(&self, window: Window) -> Result<FollowUpSummary, StoreError> {
        let now = OffsetDateTime::now_utc();
        let first = window
            .first_day(candor_core::Day::from_unix_seconds(now.unix_timestamp()))
            .map_or_else(|| "0000-00-00".to_owned(), |day| day.to_string());
        let requests = self.contacts_where("received_at >= $1", Some(&first)).await?;
        let count = |status: ContactStatus| requests.iter().filter(|r| r.status == status).count() as u64;
        let hours: Vec<f64> = requests
            .iter()
            .filter_map(|r| {
                let asked = OffsetDateTime::parse(&r.received_at, &Rfc3339).ok()?;
                let answered = OffsetDateTime::parse(r.first_follow_up_at.as_deref()?, &Rfc3339).ok()?;
                Some((answered - asked).as_seconds_f64().max(0.0) / 3600.0)
            })
            .collect();
        Ok(FollowUpSummary {
            window,
            open: count(ContactStatus::Open),
            in_progress: count(ContactStatus::InProgress),
            done: count(ContactStatus::Done),
            overdue: requests.iter().filter(|r| r.overdue).count() as u64,
            median_hours_to_first_follow_up: median(hours),
        })
    }

    /// Every survey's follow-up target that is not the default, in hours.
    async fn follow_up_targets(&self) -> Result<HashMap<String, i64>, StoreError> {
        let rows: Vec<(String, i64)> = on_pool!(self.backend, |pool| {
            sqlx::query_as("SELECT survey_id, target_hours FROM follow_up_targets")
                .fetch_all(pool)
                .await?
        });
        Ok(rows.into_iter().collect())
    }

    /// `survey`'s follow-up target, in hours.
    pub async fn follow_up_target(&self, survey: &SurveyId) -> Result<u32, StoreError> {
        let hours = self.follow_up_targets().await?.get(survey.as_str()).copied();
        Ok(hours
            .and_then(|h| u32::try_from(h).ok())
            .unwrap_or(DEFAULT_TARGET_HOURS))
    }

    /// Sets `survey`'s follow-up target.
    pub async fn set_follow_up_target(&self, survey: &SurveyId, hours: u32) -> Result<(), StoreError> {
        on_pool!(self.backend, |pool| {
            sqlx::query(
                "INSERT INTO follow_up_targets (survey_id, target_hours) VALUES ($1, $2)
                 ON CONFLICT (survey_id) DO UPDATE SET target_hours = excluded.target_hours",
            )
            .bind(survey.as_str())
            .bind(i64::from(hours))
            .execute(pool)
            .await
            .map(drop)?
        });
        Ok(())
    }
}

fn request(
    (response_id, survey_id, received_at, name, email, phone, status, assignee, notes, first_follow_up_at): Row,
    targets: &HashMap<String, i64>,
    now: OffsetDateTime,
) -> Result<ContactRequest, StoreError> {
    let status = ContactStatus::parse(&status)
        .ok_or_else(|| StoreError::Inconsistent(format!("contact status {status:?}")))?;
    let hours = targets
        .get(&survey_id)
        .copied()
        .unwrap_or(i64::from(DEFAULT_TARGET_HOURS));
    let asked = OffsetDateTime::parse(&received_at, &Rfc3339)
        .map_err(|e| StoreError::Inconsistent(format!("contact request time {received_at:?}: {e}")))?;
    let due = asked + Duration::hours(hours);
    Ok(ContactRequest {
        overdue: status == ContactStatus::Open && now > due,
        due_at: due.format(&Rfc3339)?,
        response_id,
        survey_id,
        received_at,
        name,
        email,
        phone,
        status,
        assignee,
        notes,
        first_follow_up_at,
    })
}

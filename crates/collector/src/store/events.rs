//! What is queued: the events a batch causes (`response.completed`,
//! `response.partial`, `contact.requested`, and `alert.fired` for each
//! rule a finished response fires), each with the destinations it goes to,
//! as one outbox row in the batch's transaction (`outbox.rs` moves it into
//! the queue); and the once-a-day drop alerts.

use std::collections::BTreeSet;

use candor_core::ValidResponse;
use candor_core::admin::{AlertRule, EventKind};
use serde_json::{Value, json};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::batch::{Plan, Tx, on_tx};
use super::deliveries::{insert_sql, now_ms};
use super::outbox::OutboxEvent;
use super::release::placeholders;
use super::{Store, StoreError, on_pool};

/// One event a batch caused.
pub(super) struct Event<'a> {
    pub(super) kind: EventKind,
    pub(super) response: &'a ValidResponse,
}

/// Every enabled destination, as [`Wanting::parse`] reads it.
const ENABLED_DESTINATIONS: &str = "SELECT id, events, surveys FROM destinations WHERE enabled";

/// An enabled destination as the queue sees it: what it subscribes to.
struct Wanting {
    id: String,
    kinds: Vec<EventKind>,
    surveys: Vec<String>,
}

impl Wanting {
    /// The enabled destinations from rows of [`ENABLED_DESTINATIONS`].
    fn parse(rows: Vec<(String, String, String)>) -> Result<Vec<Self>, StoreError> {
        rows.into_iter()
            .map(|(id, kinds, surveys)| {
                Ok(Self {
                    id,
                    kinds: serde_json::from_str(&kinds)?,
                    surveys: serde_json::from_str(&surveys)?,
                })
            })
            .collect()
    }

    /// Whether an event of `kind` about `survey` goes here: subscribed to,
    /// or named by the rule that fired (`named`).
    fn wants(&self, kind: EventKind, survey: &str, named: Option<&[String]>) -> bool {
        let subscribed = self.kinds.contains(&kind)
            && (self.surveys.is_empty() || self.surveys.iter().any(|s| s == survey));
        subscribed || named.is_some_and(|named| named.contains(&self.id))
    }
}

impl Tx {
    /// Queues `events` for every enabled destination that wants them, and
    /// `alert.fired` for every enabled rule a finished response fires
    /// (to the rule's destinations and those subscribed to alerts), as one
    /// outbox row; how many deliveries that makes.
    pub(super) async fn queue_events(
        &mut self,
        plan: &Plan,
        events: &[Event<'_>],
    ) -> Result<usize, StoreError> {
        if events.is_empty() {
            return Ok(0);
        }
        let rows = on_tx!(self, |tx| sqlx::query_as(ENABLED_DESTINATIONS)
            .fetch_all(&mut **tx)
            .await?);
        let destinations = Wanting::parse(rows)?;
        if destinations.is_empty() {
            return Ok(0);
        }
        let rules = self.enabled_rules(events).await?;
        let mut queued: Vec<OutboxEvent> = Vec::new();
        for event in events {
            let survey = event.response.survey().as_str();
            let payload = || response_payload(event.kind, event.response, &plan.received);
            push(&mut queued, &destinations, event, event.kind, None, payload);
            if event.kind != EventKind::ResponseCompleted {
                continue;
            }
            for rule in rules
                .iter()
                .filter(|r| r.survey_id == survey && r.spec.condition.fires_on(event.response))
            {
                let payload = || {
                    let mut payload = response_payload(EventKind::AlertFired, event.response, &plan.received);
                    payload["data"]["rule"] = json!(rule.spec.name);
                    payload["data"]["rule_id"] = json!(rule.id);
                    payload["data"]["condition"] = json!(rule.spec.condition);
                    payload
                };
                push(
                    &mut queued,
                    &destinations,
                    event,
                    EventKind::AlertFired,
                    Some(&rule.spec.destinations),
                    payload,
                );
            }
        }
        if queued.is_empty() {
            return Ok(0);
        }
        self.write_outbox(&queued, now_ms()).await?;
        Ok(queued.iter().map(|e| e.to.len()).sum())
    }

    /// The enabled rules of the surveys `events` concern.
    async fn enabled_rules(&mut self, events: &[Event<'_>]) -> Result<Vec<AlertRule>, StoreError> {
        let surveys: BTreeSet<&str> = events
            .iter()
            .filter(|e| e.kind == EventKind::ResponseCompleted)
            .map(|e| e.response.survey().as_str())
            .collect();
        if surveys.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT {} FROM alert_rules WHERE enabled AND survey_id IN {}",
            super::alerts::COLUMNS,
            placeholders(1, surveys.len())
        );
        let rows: Vec<(String, String, String, String, String, bool, String)> = on_tx!(self, |tx| {
            let mut query = sqlx::query_as(&sql);
            for survey in &surveys {
                query = query.bind(*survey);
            }
            query.fetch_all(&mut **tx).await?
        });
        rows.into_iter().map(super::alerts::rule).collect()
    }
}

/// Queues one event of `kind` about `event`'s response for each enabled
/// destination subscribed to it, and each of `named` (a rule's).
fn push(
    queued: &mut Vec<OutboxEvent>,
    destinations: &[Wanting],
    event: &Event<'_>,
    kind: EventKind,
    named: Option<&[String]>,
    payload: impl FnOnce() -> Value,
) {
    let survey = event.response.survey().as_str();
    let to: Vec<String> = destinations
        .iter()
        .filter(|d| d.wants(kind, survey, named))
        .map(|d| d.id.clone())
        .collect();
    if to.is_empty() {
        return;
    }
    queued.push(OutboxEvent {
        id: event_id(),
        kind: kind.as_str().to_owned(),
        survey: survey.to_owned(),
        response: event.response.id().to_string(),
        payload: payload().to_string(),
        to,
    });
}

impl Store {
    /// Queues the drop alert of `rule` for `day` (its data as given) to the
    /// rule's enabled destinations and those subscribed to its survey's
    /// alerts, once: its id is the rule's and the day's, so a second check
    /// (or another collector's) queues nothing. How many were queued.
    pub async fn queue_drop_alert(
        &self,
        rule: &AlertRule,
        day: &str,
        data: Value,
    ) -> Result<usize, StoreError> {
        let rows = on_pool!(self.backend, |pool| sqlx::query_as(ENABLED_DESTINATIONS)
            .fetch_all(pool)
            .await?);
        let to: Vec<String> = Wanting::parse(rows)?
            .into_iter()
            .filter(|d| {
                d.wants(
                    EventKind::AlertFired,
                    &rule.survey_id,
                    Some(&rule.spec.destinations),
                )
            })
            .map(|d| d.id)
            .collect();
        let id = format!("msg_drop_{}_{}", rule.id.replace('-', ""), day.replace('-', ""));
        let payload = json!({
            "type": EventKind::AlertFired.as_str(),
            "timestamp": OffsetDateTime::now_utc().format(&Rfc3339)?,
            "data": data,
        })
        .to_string();
        let sql = format!(
            "{} ON CONFLICT (event_id, destination_id) DO NOTHING",
            insert_sql(1)
        );
        let mut queued = 0;
        for destination in &to {
            queued += on_pool!(self.backend, |pool| {
                sqlx::query(&sql)
                    .bind(&id)
                    .bind(destination)
                    .bind(EventKind::AlertFired.as_str())
                    .bind(&rule.survey_id)
                    .bind(None::<&str>)
                    .bind(&payload)
                    .bind(now_ms())
                    .execute(pool)
                    .await?
                    .rows_affected()
            });
        }
        Ok(usize::try_from(queued).unwrap_or(usize::MAX))
    }
}

/// A new event id, in Standard Webhooks' `msg_…` form. Time-ordered
/// (UUIDv7), so the queue's primary key grows at its end: random ids would
/// touch a different index page with every row.
pub(super) fn event_id() -> String {
    format!("msg_{}", uuid::Uuid::now_v7().simple())
}

/// The event a stored response causes, as documented in docs/api.md.
fn response_payload(kind: EventKind, response: &ValidResponse, received: &str) -> Value {
    json!({
        "type": kind.as_str(),
        "timestamp": received,
        "data": {
            "survey_id": response.survey().as_str(),
            "survey_version": response.survey_version(),
            "response_id": response.id().to_string(),
            "received_at": received,
            "complete": kind != EventKind::ResponsePartial,
            "locale": response.locale(),
            "page": response.page(),
            "answers": response.answers(),
            "context": response.context(),
        },
    })
}

-- Destinations: where events are sent (a webhook of the owner's, or a
-- Slack incoming webhook), and which events of which surveys.
CREATE TABLE destinations (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,       -- webhook | slack
    name        TEXT NOT NULL,
    url         TEXT NOT NULL,
    secret      TEXT,                -- a webhook's signing secret, whsec_…
    events      TEXT NOT NULL,       -- JSON array of event types
    surveys     TEXT NOT NULL,       -- JSON array of survey ids; [] every survey
    enabled     BOOLEAN NOT NULL,
    created_at  TEXT NOT NULL        -- RFC 3339, UTC
);

-- The delivery queue: one row per event and destination, written in the
-- transaction that stores what caused the event, so no event is lost to a
-- crash. A worker claims due rows (a lease, taken with SKIP LOCKED on
-- PostgreSQL, so collectors sharing the database never send one attempt
-- twice), sends, and records the outcome or the next attempt's time.
CREATE TABLE deliveries (
    event_id         TEXT NOT NULL,   -- the webhook-id of every attempt
    destination_id   TEXT NOT NULL REFERENCES destinations(id) ON DELETE CASCADE,
    event            TEXT NOT NULL,   -- the event's type
    survey_id        TEXT,
    response_id      TEXT,
    payload          TEXT NOT NULL,   -- the event as JSON, sent as it is on every attempt
    created_at       BIGINT NOT NULL, -- ms since the epoch
    status           TEXT NOT NULL,   -- pending | delivered | failed
    attempts         BIGINT NOT NULL,
    next_attempt_at  BIGINT NOT NULL, -- ms since the epoch; due when past
    tries_since      BIGINT NOT NULL, -- when this round of attempts began (the event, or a replay)
    lease_until      BIGINT,          -- claimed by a worker until then
    last_attempt_at  BIGINT,
    response_code    BIGINT,
    latency_ms       BIGINT,
    error            TEXT,
    PRIMARY KEY (event_id, destination_id)
);
CREATE INDEX deliveries_due ON deliveries (destination_id, status, next_attempt_at);
CREATE INDEX deliveries_recent ON deliveries (destination_id, created_at);
CREATE INDEX deliveries_by_response ON deliveries (response_id);

-- Alert rules: per survey, when a response (or a day's drop) sends
-- alert.fired to the rule's destinations.
CREATE TABLE alert_rules (
    id            TEXT PRIMARY KEY,
    survey_id     TEXT NOT NULL REFERENCES surveys(id),
    name          TEXT NOT NULL,
    condition     TEXT NOT NULL,     -- the AlertCondition as JSON
    destinations  TEXT NOT NULL,     -- JSON array of destination ids
    enabled       BOOLEAN NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX alert_rules_by_survey ON alert_rules (survey_id);

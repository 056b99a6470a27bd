-- Every published version of every survey: a response is validated against
-- the version it answers, and keeps it.
CREATE TABLE survey_versions (
    survey_id     TEXT NOT NULL REFERENCES surveys(id),
    version       BIGINT NOT NULL,
    definition    TEXT NOT NULL,
    published_at  TEXT NOT NULL,
    PRIMARY KEY (survey_id, version)
);
INSERT INTO survey_versions (survey_id, version, definition, published_at)
    SELECT id, version, definition, updated_at FROM surveys;

-- An unpublished edit, if any.
ALTER TABLE surveys ADD COLUMN draft TEXT;

-- Respondents who asked to be contacted: the team's follow-up queue.
CREATE TABLE contact_requests (
    response_id  TEXT PRIMARY KEY REFERENCES responses(id) ON DELETE CASCADE,
    survey_id    TEXT NOT NULL,
    received_at  TEXT NOT NULL,
    name         TEXT,
    email        TEXT,
    phone        TEXT,
    status       TEXT NOT NULL DEFAULT 'open',  -- open | done
    updated_at   TEXT NOT NULL
);
CREATE INDEX contact_requests_by_status ON contact_requests (status, received_at);
CREATE INDEX contact_requests_by_email ON contact_requests (email);

-- Settings the collector keeps for itself (the admin token's SHA-256).
CREATE TABLE collector_settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

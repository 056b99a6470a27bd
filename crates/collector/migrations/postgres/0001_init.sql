-- Published survey definitions (the current version of each survey).
CREATE TABLE surveys (
    id          TEXT PRIMARY KEY,
    version     BIGINT NOT NULL,
    definition  TEXT NOT NULL,        -- candor_core::Survey as JSON
    updated_at  TEXT NOT NULL
);

-- Every stored response, exactly once: the client-chosen id is the key.
CREATE TABLE responses (
    id              TEXT PRIMARY KEY, -- UUID chosen by the client
    survey_id       TEXT NOT NULL REFERENCES surveys(id),
    survey_version  BIGINT NOT NULL,
    received_at     TEXT NOT NULL,    -- RFC 3339, UTC
    locale          TEXT,
    answers         TEXT NOT NULL     -- validated answers as JSON
);
CREATE INDEX responses_by_survey ON responses (survey_id, received_at);

-- One mergeable summary per survey and UTC day (candor_core::stats::SurveyStats
-- as JSON), updated in the transaction that stores each response, so a
-- snapshot reads days, never responses.
CREATE TABLE daily_stats (
    survey_id  TEXT NOT NULL REFERENCES surveys(id),
    day        TEXT NOT NULL,         -- YYYY-MM-DD, UTC
    stats      TEXT NOT NULL,
    PRIMARY KEY (survey_id, day)
);

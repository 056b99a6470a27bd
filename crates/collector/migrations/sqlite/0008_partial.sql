-- Partial responses: a response being answered is saved as it goes
-- (docs/api.md, "Partial responses"), its latest save kept here until the
-- finished response arrives (which removes it, in the transaction that
-- stores the finished one). The owner's figures can include them; public
-- figures never do.
CREATE TABLE partial_responses (
    id              TEXT PRIMARY KEY, -- the response's id, chosen by the client
    survey_id       TEXT NOT NULL REFERENCES surveys(id),
    survey_version  BIGINT NOT NULL,
    sequence        BIGINT NOT NULL,  -- the save kept: only a higher one replaces it
    day             TEXT NOT NULL,    -- its first save's UTC day: the summary holding it
    received_at     TEXT NOT NULL,    -- RFC 3339, UTC, the first save
    updated_at      TEXT NOT NULL,    -- the save kept
    locale          TEXT,
    page            TEXT,
    answers         TEXT NOT NULL,    -- validated answers as JSON (never contact details)
    context         TEXT NOT NULL,
    stats           TEXT NOT NULL     -- its SurveyStats: what it adds to its day's summary
);
CREATE INDEX partial_responses_by_survey ON partial_responses (survey_id, received_at);

-- The summary of the partial responses kept, per survey and the day they
-- were started; the owner's "all responses" figures merge it with
-- daily_stats.
CREATE TABLE partial_daily_stats (
    survey_id  TEXT NOT NULL REFERENCES surveys(id),
    day        TEXT NOT NULL,
    stats      TEXT NOT NULL,
    PRIMARY KEY (survey_id, day)
) WITHOUT ROWID;

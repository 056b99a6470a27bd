-- The response funnel: how often each survey was shown, started and
-- dismissed, per UTC day and page (counts only, as the widget reports
-- them). The collector adds them up in memory and writes them every few
-- seconds, so a busy page costs one small upsert per interval, never a
-- write per event. Finished responses are counted from responses.
CREATE TABLE funnel_daily (
    survey_id  TEXT NOT NULL REFERENCES surveys(id),
    day        TEXT NOT NULL,         -- YYYY-MM-DD, UTC
    page       TEXT NOT NULL,         -- the page path; '' when not told
    shown      BIGINT NOT NULL,
    started    BIGINT NOT NULL,
    dismissed  BIGINT NOT NULL,
    PRIMARY KEY (survey_id, day, page)
);

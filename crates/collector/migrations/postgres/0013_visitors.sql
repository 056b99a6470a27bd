-- Identified visitors (`Candor.identify`): per visitor and survey, the last
-- day a response was finished and the last day the survey was dismissed,
-- so recontact, dismissal and the site-wide cap hold across devices.
-- `visitor` is the browser's SHA-256 of the collector's salt and the page's
-- id: the id itself never reaches the collector. Days in UTC, no finer.
CREATE TABLE visitors (
    visitor       TEXT NOT NULL,
    survey_id     TEXT NOT NULL,
    answered_on   TEXT,
    dismissed_on  TEXT,
    PRIMARY KEY (visitor, survey_id)
);

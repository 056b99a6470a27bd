-- (SQLite: WITHOUT ROWID, so each table is one b-tree, its key: fewer
-- pages written by each commit.)
-- Public figures are built from released groups (candor_core::release):
-- every unit (responses, a question, a gap dimension) gathers its answers
-- into groups of the survey's minimum sample, released whole on the day
-- they fill, so no two public answers can be subtracted down to fewer
-- respondents than that.

-- Each unit's group being filled.
CREATE TABLE release_open (
    survey_id  TEXT NOT NULL,
    unit       TEXT NOT NULL,     -- candor_core::release::Unit::key
    seq        BIGINT NOT NULL,   -- its number within the unit
    n          BIGINT NOT NULL,   -- answers in it
    stats      TEXT NOT NULL,     -- their SurveyStats
    PRIMARY KEY (survey_id, unit)
) WITHOUT ROWID;

-- Every group released, kept so an erasure can withdraw the one holding
-- an erased answer (its stats are then emptied and it is never shown).
CREATE TABLE release_groups (
    survey_id  TEXT NOT NULL,
    unit       TEXT NOT NULL,
    seq        BIGINT NOT NULL,
    day        TEXT NOT NULL,     -- released on, YYYY-MM-DD, UTC
    stats      TEXT NOT NULL,
    withdrawn  BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (survey_id, unit, seq)
) WITHOUT ROWID;

-- Released groups merged per survey and day: what public snapshots read.
CREATE TABLE release_days (
    survey_id  TEXT NOT NULL,
    day        TEXT NOT NULL,
    stats      TEXT NOT NULL,
    PRIMARY KEY (survey_id, day)
) WITHOUT ROWID;

-- The group of each unit a response joined, as JSON {unit: seq}; NULL for
-- responses stored before groups existed, until the collector replays them
-- at its first start.
ALTER TABLE responses ADD COLUMN release TEXT;

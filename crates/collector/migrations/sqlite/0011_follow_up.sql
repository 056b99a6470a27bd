-- The follow-up workflow: a contact request is open, in progress or done,
-- has an assignee and notes, and remembers when it first left "open" (the
-- time to first follow-up). Requests already done count as followed up
-- when they were marked.
ALTER TABLE contact_requests ADD COLUMN assignee TEXT;
ALTER TABLE contact_requests ADD COLUMN notes TEXT NOT NULL DEFAULT '';
ALTER TABLE contact_requests ADD COLUMN first_follow_up_at TEXT;
UPDATE contact_requests SET first_follow_up_at = updated_at WHERE status = 'done';

-- Each survey's follow-up target (hours from arrival); absent: 24.
CREATE TABLE follow_up_targets (
    survey_id     TEXT PRIMARY KEY REFERENCES surveys(id),
    target_hours  BIGINT NOT NULL
);

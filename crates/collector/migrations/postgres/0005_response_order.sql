-- Listing, export and segment figures read a survey's responses in
-- (received_at, id) order from a cursor: with the id in the index, every
-- page starts where the last one ended instead of scanning from the top.
CREATE INDEX responses_by_survey_time_id ON responses (survey_id, received_at, id);
DROP INDEX responses_by_survey;

-- The path of the page a response was given on (no query string or
-- fragment), for the owner's per-page figures; NULL when the client did not
-- say.
ALTER TABLE responses ADD COLUMN page TEXT;

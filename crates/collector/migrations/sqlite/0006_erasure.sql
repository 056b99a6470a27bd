-- What an erasure leaves behind: the SHA-256 of each erased response id,
-- so a retried post of the same response (the widget's outbox keeps
-- retrying until it hears back) is answered as handled and stores nothing.
CREATE TABLE erased_responses (
    id_hash    TEXT PRIMARY KEY,
    erased_at  TEXT NOT NULL
) WITHOUT ROWID;

-- The outbox: one row per stored batch that caused events, holding its
-- events and the destinations each goes to, written in the batch's
-- transaction (so an event exists exactly when what caused it does). The
-- delivery worker moves each into `deliveries` (one row per event and
-- destination) and deletes it in one transaction of its own, so the
-- response writer adds one small row per batch, not several per response.
CREATE TABLE delivery_outbox (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    events      TEXT NOT NULL,   -- JSON: [{id, kind, survey, response, payload, to: [destination ids]}]
    created_at  BIGINT NOT NULL  -- ms since the epoch
);

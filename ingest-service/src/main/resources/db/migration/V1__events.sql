-- The event log: every accepted event, exactly once, in the order it was committed.
CREATE SCHEMA IF NOT EXISTS ingest;

CREATE TABLE ingest.events (
    -- Monotonic position in the log; consumers read incrementally by (txid, seq), see below.
    seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The sender's id: the de-duplication key (the first stored version wins).
    event_id     text        NOT NULL,
    type         text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    ticket_id    text,
    contact_id   text,
    agent_id     text,
    team_id      text,
    customer_id  text,
    channel      text,
    region       text,
    attributes   jsonb       NOT NULL DEFAULT '{}'::jsonb,
    -- The inserting transaction. Identity values are handed out before commit, so a
    -- lower seq can become visible after a higher one; a consumer that only reads rows
    -- whose txid is below pg_snapshot_xmin(pg_current_snapshot()) never skips one.
    txid         xid8        NOT NULL DEFAULT pg_current_xact_id(),
    CONSTRAINT events_event_id_key UNIQUE (event_id)
);

CREATE INDEX events_ticket_idx ON ingest.events (ticket_id, occurred_at) WHERE ticket_id IS NOT NULL;
CREATE INDEX events_occurred_at_idx ON ingest.events (occurred_at);
CREATE INDEX events_txid_seq_idx ON ingest.events (txid, seq);

COMMENT ON TABLE ingest.events IS 'SupportPulse event log (events.md); published to metrics-service, read by (txid, seq).';

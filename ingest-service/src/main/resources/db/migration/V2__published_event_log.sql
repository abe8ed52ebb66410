-- The published face of the event log: what other services (metrics-service) may read. Its columns are a contract;
-- the table behind it may change (partitioning, say) without breaking readers.
CREATE VIEW ingest.event_log AS
SELECT seq, txid, event_id, type, occurred_at, received_at, ticket_id, contact_id, agent_id, team_id, customer_id,
       channel, region, attributes
FROM ingest.events;

COMMENT ON VIEW ingest.event_log IS
    'Published event log. Read incrementally by (txid, seq), only rows with txid < pg_snapshot_xmin(pg_current_snapshot()).';

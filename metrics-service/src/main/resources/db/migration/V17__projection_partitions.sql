-- The event log is projected in two partitions at once, each with its own cursor and its own turn (advisory lock), so
-- that catching up uses two cores: one projection transaction used one, and at a million tickets took twice as long as
-- ingest to catch up. An event belongs to the partition of its ticket (ticket events), its contact (contact events), or
-- else of whichever of ticket, contact and event id it has first, so every read model row is written by one partition
-- only; the hourly and daily rollups, which both write, take their rows in one order. The hash is md5's, not
-- hashtext's: an event's partition must never change, whatever PostgreSQL version computes it.
CREATE FUNCTION metrics.projection_partition(type text, ticket_id text, contact_id text, event_id text) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ('x' || substr(md5(CASE WHEN type LIKE 'contact.%' THEN coalesce(contact_id, event_id)
                                   ELSE coalesce(ticket_id, contact_id, event_id) END), 1, 8))::bit(32)::integer & 1;

-- Both partitions have projected everything before the single cursor's position.
UPDATE metrics.projection_cursor SET name = 'tickets/0' WHERE name = 'tickets';
INSERT INTO metrics.projection_cursor (name, last_txid, last_seq, updated_at)
SELECT 'tickets/1', last_txid, last_seq, updated_at FROM metrics.projection_cursor WHERE name = 'tickets/0';

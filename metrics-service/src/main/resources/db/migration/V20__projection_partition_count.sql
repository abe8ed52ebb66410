-- The number of partitions the projection follows the log in is a setting (supportpulse.metrics.projection.partitions):
-- each partition is one database session, so more of them use more of the database server's cores, and take a larger
-- share of cores that ingest's sessions use too. The count the cursors were last aligned for is recorded beside the
-- probe's hash; a projection configured for another count realigns them first, as for a changed hash (V17).

-- No batch in progress while the function and the cursors change: every partition's turn, in partition order.
SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext('supportpulse.metrics.tickets'), p)
                      FROM generate_series(0, 1) AS p) turns;

ALTER TABLE metrics.projection_partitioning
    ADD COLUMN partitions integer NOT NULL DEFAULT 2 CHECK (partitions BETWEEN 1 AND 16);

-- An event's partition among the given number of them. For two it is the one that the four-argument function of V17
-- gives (the hash's lowest bit), which the previous release keeps using while it still runs beside this one: the two
-- agree on every event, so this migration moves no cursor. For any even count, each partition's events lie within
-- one of those two (the one of the same parity), which TicketProjectionRepository's turns rely on.
CREATE FUNCTION metrics.projection_partition(type text, ticket_id text, contact_id text, event_id text,
                                             partitions integer)
    RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (hashtext(CASE WHEN type LIKE 'contact.%' THEN coalesce(contact_id, event_id)
                          ELSE coalesce(ticket_id, contact_id, event_id) END) & 2147483647) % partitions;

-- Called under every partition's turn. If the server's hash or the count differs from what was recorded, every
-- partition of the wanted count goes on from the earliest of all the cursors (events may have changed partition, and
-- those of a partition that goes away may not all have been projected; projecting events again changes nothing): the
-- cursors of partitions beyond the count are removed, missing ones created. Returns that position, whether the hash
-- had changed and the count before, or no row when nothing had changed.
CREATE FUNCTION metrics.realign_projection_partitions(wanted integer)
    RETURNS TABLE (from_txid text, from_seq bigint, hash_changed boolean, partitions_before integer)
    LANGUAGE plpgsql AS $$
DECLARE
    recorded metrics.projection_partitioning;
    earliest record;
BEGIN
    SELECT * INTO recorded FROM metrics.projection_partitioning FOR UPDATE;
    IF recorded.probe_hash = metrics.projection_hash_probe() AND recorded.partitions = wanted THEN
        RETURN;
    END IF;
    SELECT c.last_txid, c.last_seq INTO earliest FROM metrics.projection_cursor c
    WHERE c.name LIKE 'tickets/%' ORDER BY c.last_txid, c.last_seq LIMIT 1;
    DELETE FROM metrics.projection_cursor c
    WHERE c.name LIKE 'tickets/%' AND substr(c.name, length('tickets/') + 1)::integer >= wanted;
    INSERT INTO metrics.projection_cursor AS c (name, last_txid, last_seq)
    SELECT 'tickets/' || p, coalesce(earliest.last_txid, '0'), coalesce(earliest.last_seq, 0)
    FROM generate_series(0, wanted - 1) AS p
    ON CONFLICT (name) DO UPDATE SET last_txid = excluded.last_txid, last_seq = excluded.last_seq, updated_at = now();
    UPDATE metrics.projection_partitioning SET probe_hash = metrics.projection_hash_probe(), partitions = wanted;
    RETURN QUERY SELECT coalesce(earliest.last_txid, '0')::text, coalesce(earliest.last_seq, 0),
                        recorded.probe_hash <> metrics.projection_hash_probe(), recorded.partitions;
END
$$;

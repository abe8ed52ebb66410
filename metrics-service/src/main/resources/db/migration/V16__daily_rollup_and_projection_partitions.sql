-- One migration, one transaction, so that a replica of the previous release projecting meanwhile cannot write between
-- the daily level's fill and the cursors' move: the cursor row is locked first (an old replica's batch in progress
-- commits before the fill reads the hourly rollup), and once the move commits old replicas find no cursor to project.
SELECT 1 FROM metrics.projection_cursor WHERE name = 'tickets' FOR UPDATE;

-- The hourly rollup summed per UTC day, kept by the projection beside it. A query reads a whole UTC day from one row
-- when none of its cuts (range ends, period starts, snapshot instants) falls inside that day, and the day's hours
-- otherwise: a year of open tickets by team read 104,000 hourly rows, and reads about 4,400 daily ones. Cuts at UTC
-- midnight split no day (UTC and, in winter, zones whose days start on other hours split only their first and last).
CREATE TABLE metrics.ticket_rollup_daily (LIKE metrics.ticket_rollup INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
    WITH (fillfactor = 70);
ALTER TABLE metrics.ticket_rollup_daily RENAME COLUMN hour TO day;
ALTER TABLE metrics.ticket_rollup_daily
    ADD CONSTRAINT ticket_rollup_daily_key UNIQUE NULLS NOT DISTINCT (dimension, value, day);

INSERT INTO metrics.ticket_rollup_daily
SELECT dimension, value, date_trunc('day', hour, 'UTC'), sum(created), sum(escalated), sum(resolved),
       sum(resolved_first_contact), sum(resolved_reopened), sum(resolved_public_replies),
       sum(resolved_customer_replies), sum(opened), sum(closed), sum(first_response_achieved),
       sum(first_response_breached), sum(resolution_achieved), sum(resolution_breached)
FROM metrics.ticket_rollup
GROUP BY 1, 2, 3;

-- The hours of the days that a query's cuts split, read by hour.
CREATE INDEX ticket_rollup_hour_idx ON metrics.ticket_rollup (dimension, hour);

-- Tickets still waiting for their first reply or their resolution (the clock-decided SLA breaches) with the columns
-- those queries read, so that they read the index alone: at a million tickets the 22,000 unanswered ones lay on as
-- many pages of the table.
DROP INDEX metrics.tickets_unanswered_idx;
CREATE INDEX tickets_unanswered_idx ON metrics.tickets (created_at) INCLUDE (priority, team_id, channel, region, type)
    WHERE first_reply_at IS NULL;
DROP INDEX metrics.tickets_unresolved_idx;
CREATE INDEX tickets_unresolved_idx ON metrics.tickets (created_at) INCLUDE (priority, team_id, channel, region, type)
    WHERE resolved_at IS NULL;

-- The event log is projected in two partitions at once, each with its own cursor and its own turn (advisory lock), so
-- that catching up uses two cores: one projection transaction used one, and at a million tickets took twice as long as
-- ingest to catch up. An event belongs to the partition of its ticket (ticket events), its contact (contact events), or
-- else of whichever of ticket, contact and event id it has first, so every ticket and contact is written by one
-- partition only; the rollups and customer segments, which both write, are taken in one order. The hash is md5's, not
-- hashtext's: an event's partition must never change, whatever PostgreSQL version computes it.
CREATE FUNCTION metrics.projection_partition(type text, ticket_id text, contact_id text, event_id text) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ('x' || substr(md5(CASE WHEN type LIKE 'contact.%' THEN coalesce(contact_id, event_id)
                                   ELSE coalesce(ticket_id, contact_id, event_id) END), 1, 8))::bit(32)::integer & 1;

-- Both partitions have projected everything before the single cursor's position.
UPDATE metrics.projection_cursor SET name = 'tickets/0' WHERE name = 'tickets';
INSERT INTO metrics.projection_cursor (name, last_txid, last_seq, updated_at)
SELECT 'tickets/1', last_txid, last_seq, updated_at FROM metrics.projection_cursor WHERE name = 'tickets/0';

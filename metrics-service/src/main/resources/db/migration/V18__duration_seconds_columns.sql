-- The durations from creation to an anchor, stored with each ticket row as the catalog defines them (in seconds, clamped
-- at 0, null unless the ticket was created and has the anchor), so that their statements read them from the anchor's
-- covering index instead of computing them from two timestamps per sample: first response time over a year at a
-- million tickets took a quarter less time for its total (288 to 219 ms) and a sixth to a fifth less for its points.
-- Adding the columns rewrites the table under its exclusive lock (about 5 s at a million tickets, queries and the
-- projection waiting meanwhile). The previous release keeps working on the new schema: its upserts name their columns,
-- and its duration statements, which compute from created_at, read the ticket rows where the index lacks it.
ALTER TABLE metrics.tickets
    ADD COLUMN first_response_time_seconds float8 GENERATED ALWAYS AS (
        CASE WHEN created_at IS NOT NULL AND first_reply_at IS NOT NULL
             THEN greatest(0, date_part('epoch', first_reply_at - created_at)) END) STORED,
    ADD COLUMN resolution_time_seconds float8 GENERATED ALWAYS AS (
        CASE WHEN created_at IS NOT NULL AND resolved_at IS NOT NULL
             THEN greatest(0, date_part('epoch', resolved_at - created_at)) END) STORED,
    ADD COLUMN first_assignment_time_seconds float8 GENERATED ALWAYS AS (
        CASE WHEN created_at IS NOT NULL AND first_assigned_at IS NOT NULL
             THEN greatest(0, date_part('epoch', first_assigned_at - created_at)) END) STORED;

-- Each anchor's index carries the agent and the duration. The resolution's keeps created_at too: the counts and rates
-- anchored at the resolution ask for it.
DROP INDEX metrics.tickets_first_reply_at_idx;
CREATE INDEX tickets_first_reply_at_idx ON metrics.tickets (first_reply_at)
    INCLUDE (first_reply_agent, first_response_time_seconds) WHERE first_reply_at IS NOT NULL;

DROP INDEX metrics.tickets_resolved_at_idx;
CREATE INDEX tickets_resolved_at_idx ON metrics.tickets (resolved_at)
    INCLUDE (resolver, created_at, resolution_time_seconds) WHERE resolved_at IS NOT NULL;

DROP INDEX metrics.tickets_first_assigned_at_idx;
CREATE INDEX tickets_first_assigned_at_idx ON metrics.tickets (first_assigned_at)
    INCLUDE (first_assignee, first_assignment_time_seconds) WHERE first_assigned_at IS NOT NULL;

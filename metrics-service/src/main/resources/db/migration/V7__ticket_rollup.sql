-- An hourly rollup of the additive ticket metrics, so that counts and rates over long ranges read a few thousand
-- rows instead of every ticket. Hours are UTC hours: every IANA zone with whole-hour offsets cuts its days, weeks and
-- months on them; queries that are not cut on whole hours read the per-ticket facts instead.

-- The sums of what each ticket contributes (repository/TicketContributions) per UTC hour, for all tickets (dimension
-- '') and per value of each dimension.
CREATE TABLE metrics.ticket_rollup (
    dimension                  text        NOT NULL CHECK (dimension IN ('', 'team', 'channel', 'region', 'type',
                                                                          'priority')),
    value                      text,
    hour                       timestamptz NOT NULL,
    created                    bigint      NOT NULL DEFAULT 0,
    escalated                  bigint      NOT NULL DEFAULT 0,
    resolved                   bigint      NOT NULL DEFAULT 0,
    resolved_first_contact     bigint      NOT NULL DEFAULT 0,
    resolved_reopened          bigint      NOT NULL DEFAULT 0,
    resolved_public_replies    bigint      NOT NULL DEFAULT 0,
    resolved_customer_replies  bigint      NOT NULL DEFAULT 0,
    opened                     bigint      NOT NULL DEFAULT 0,
    closed                     bigint      NOT NULL DEFAULT 0,
    first_response_achieved    bigint      NOT NULL DEFAULT 0,
    first_response_breached    bigint      NOT NULL DEFAULT 0,
    resolution_achieved        bigint      NOT NULL DEFAULT 0,
    resolution_breached        bigint      NOT NULL DEFAULT 0,
    CONSTRAINT ticket_rollup_key UNIQUE NULLS NOT DISTINCT (dimension, value, hour)
) PARTITION BY LIST (dimension);

-- A query reads one dimension: it scans that partition only. The projection updates counters in place; the free
-- space left on each page lets those updates stay on the page (no index entry, less bloat).
CREATE TABLE metrics.ticket_rollup_all PARTITION OF metrics.ticket_rollup FOR VALUES IN ('') WITH (fillfactor = 70);
CREATE TABLE metrics.ticket_rollup_team PARTITION OF metrics.ticket_rollup FOR VALUES IN ('team')
    WITH (fillfactor = 70);
CREATE TABLE metrics.ticket_rollup_channel PARTITION OF metrics.ticket_rollup FOR VALUES IN ('channel')
    WITH (fillfactor = 70);
CREATE TABLE metrics.ticket_rollup_region PARTITION OF metrics.ticket_rollup FOR VALUES IN ('region')
    WITH (fillfactor = 70);
CREATE TABLE metrics.ticket_rollup_type PARTITION OF metrics.ticket_rollup FOR VALUES IN ('type')
    WITH (fillfactor = 70);
CREATE TABLE metrics.ticket_rollup_priority PARTITION OF metrics.ticket_rollup FOR VALUES IN ('priority')
    WITH (fillfactor = 70);

-- Tickets still waiting for their first reply or their resolution: the clock-decided SLA breaches read these.
CREATE INDEX tickets_unanswered_idx ON metrics.tickets (created_at) WHERE first_reply_at IS NULL;
CREATE INDEX tickets_unresolved_idx ON metrics.tickets (created_at) WHERE resolved_at IS NULL;

-- The projection keeps the rollup by adding each touched ticket's new contributions and taking away its old ones, so
-- the rollup and the facts must start together: the facts are rebuilt from the log, which replays every event.
TRUNCATE metrics.tickets, metrics.ticket_replies, metrics.ticket_reopens, metrics.ticket_reassignments,
    metrics.ticket_resolved_spans, metrics.ticket_messages, metrics.contacts;
UPDATE metrics.projection_cursor SET last_txid = '0', last_seq = 0;

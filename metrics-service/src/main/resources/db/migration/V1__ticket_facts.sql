-- Read models of metrics-service, derived from ingest.event_log. Everything here can be rebuilt from the log.
CREATE SCHEMA IF NOT EXISTS metrics;

-- How far each projection has read the event log, by (txid, seq).
CREATE TABLE metrics.projection_cursor (
    name       text PRIMARY KEY,
    last_txid  xid8        NOT NULL DEFAULT '0',
    last_seq   bigint      NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO metrics.projection_cursor (name) VALUES ('tickets');

-- One row per ticket: the timestamps, counts and current dimensions the ticket formulas need (metrics.md). Each row
-- is recomputed from all of the ticket's events whenever one arrives, so arrival order and replays change nothing.
CREATE TABLE metrics.tickets (
    ticket_id          text PRIMARY KEY,
    -- Null until ticket.created arrives: such tickets wait and count in no metric.
    created_at         timestamptz,
    -- Current dimensions: ticket.created's values, overridden by later ticket.updated.
    channel            text,
    region             text,
    type               text,
    priority           text NOT NULL DEFAULT 'normal',
    team_id            text,
    customer_id        text,
    -- Agent of the latest ticket.assigned.
    assignee           text,
    first_assigned_at  timestamptz,
    first_assignee     text,
    -- First public agent reply (ticket.agent_replied with public not false).
    first_reply_at     timestamptz,
    first_reply_agent  text,
    public_replies     integer NOT NULL DEFAULT 0,
    customer_replies   integer NOT NULL DEFAULT 0,
    -- The latest ticket.resolved, set only while the ticket is resolved now (no reopen after it).
    resolved_at        timestamptz,
    -- agentId of that resolution, else the assignee at that moment.
    resolver           text,
    reopens            integer NOT NULL DEFAULT 0,
    escalated          boolean NOT NULL DEFAULT false,
    work_seconds       bigint  NOT NULL DEFAULT 0
);

CREATE INDEX tickets_created_at_idx ON metrics.tickets (created_at);
CREATE INDEX tickets_resolved_at_idx ON metrics.tickets (resolved_at) WHERE resolved_at IS NOT NULL;
CREATE INDEX tickets_first_reply_at_idx ON metrics.tickets (first_reply_at) WHERE first_reply_at IS NOT NULL;
CREATE INDEX tickets_first_assigned_at_idx ON metrics.tickets (first_assigned_at) WHERE first_assigned_at IS NOT NULL;

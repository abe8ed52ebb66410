-- Facts anchored at single ticket events (a reply, a reopen, a reassignment), recomputed per ticket like
-- metrics.tickets; each row joins its ticket for the current dimensions.

-- One REPLY_TIME sample per public agent reply that answered at least one message (the creation or a customer
-- message): the wait since the first message it answered.
CREATE TABLE metrics.ticket_replies (
    ticket_id    text             NOT NULL,
    replied_at   timestamptz      NOT NULL,
    reply_agent  text,
    wait_seconds double precision NOT NULL
);
CREATE INDEX ticket_replies_ticket_idx ON metrics.ticket_replies (ticket_id);
CREATE INDEX ticket_replies_replied_at_idx ON metrics.ticket_replies (replied_at);

CREATE TABLE metrics.ticket_reopens (
    ticket_id    text        NOT NULL,
    reopened_at  timestamptz NOT NULL
);
CREATE INDEX ticket_reopens_ticket_idx ON metrics.ticket_reopens (ticket_id);
CREATE INDEX ticket_reopens_reopened_at_idx ON metrics.ticket_reopens (reopened_at);

-- Assignments to an agent other than the previous assignee (a first assignment is none).
CREATE TABLE metrics.ticket_reassignments (
    ticket_id      text        NOT NULL,
    reassigned_at  timestamptz NOT NULL
);
CREATE INDEX ticket_reassignments_ticket_idx ON metrics.ticket_reassignments (ticket_id);
CREATE INDEX ticket_reassignments_at_idx ON metrics.ticket_reassignments (reassigned_at);

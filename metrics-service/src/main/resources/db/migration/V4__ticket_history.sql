-- What snapshot metrics need to know a ticket's state at any instant, recomputed per ticket like the rest.

-- Each resolution and the reopen that ended it (null: still resolved). A ticket is resolved at instant x when some
-- span has resolved_from < x and (resolved_until is null or resolved_until >= x): state from events strictly before x.
CREATE TABLE metrics.ticket_resolved_spans (
    ticket_id       text        NOT NULL,
    resolved_from   timestamptz NOT NULL,
    resolved_until  timestamptz
);
CREATE INDEX ticket_resolved_spans_ticket_idx ON metrics.ticket_resolved_spans (ticket_id, resolved_from);

-- Customer messages and public agent replies, for the backlog's "waiting for a reply" test.
CREATE TABLE metrics.ticket_messages (
    ticket_id      text        NOT NULL,
    sent_at        timestamptz NOT NULL,
    from_customer  boolean     NOT NULL
);
CREATE INDEX ticket_messages_ticket_idx ON metrics.ticket_messages (ticket_id, from_customer, sent_at);

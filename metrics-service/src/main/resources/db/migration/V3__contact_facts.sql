-- One row per contact (a call or live chat in a queue), recomputed from all its events like metrics.tickets.
CREATE TABLE metrics.contacts (
    contact_id       text PRIMARY KEY,
    queued_at        timestamptz,
    answered_at      timestamptz,
    abandoned_at     timestamptz,
    blocked_at       timestamptz,
    ended_at         timestamptz,
    answering_agent  text,
    ending_agent     text,
    -- Where the contact came from (its first events), and the team of the agent who took it.
    team_id          text,
    channel          text,
    region           text,
    ticket_id        text,
    -- Talk + hold + wrap-up of the latest contact.ended.
    handle_seconds   bigint
);

CREATE INDEX contacts_queued_at_idx ON metrics.contacts (queued_at);
CREATE INDEX contacts_answered_at_idx ON metrics.contacts (answered_at) WHERE answered_at IS NOT NULL;
CREATE INDEX contacts_ended_at_idx ON metrics.contacts (ended_at) WHERE ended_at IS NOT NULL;
CREATE INDEX contacts_blocked_at_idx ON metrics.contacts (blocked_at) WHERE blocked_at IS NOT NULL;

-- Survey invitations and the one response each may get. Rows are written once and never changed, so a reader that
-- has seen a row's (txid, seq) has seen all of it.

-- One sequence orders both tables, so the published change log below is one ordered stream.
CREATE SEQUENCE survey.change_seq;

CREATE TABLE survey.invitations (
    id          uuid PRIMARY KEY,
    -- 256 random bits, base64url: unguessable, and it says nothing about the invitation.
    token       text        NOT NULL UNIQUE,
    kind        text        NOT NULL CHECK (kind IN ('CSAT', 'CES', 'NPS')),
    ticket_id   text,
    customer_id text,
    agent_id    text,
    team_id     text,
    channel     text,
    region      text,
    locale      text,
    sent_at     timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL CHECK (expires_at > sent_at),
    created_at  timestamptz NOT NULL DEFAULT now(),
    txid        xid8        NOT NULL DEFAULT pg_current_xact_id(),
    seq         bigint      NOT NULL DEFAULT nextval('survey.change_seq')
);

-- "The same invitation" is the same kind for the same ticket; invitations without a ticket are all distinct.
CREATE UNIQUE INDEX invitations_kind_ticket_idx ON survey.invitations (kind, ticket_id) WHERE ticket_id IS NOT NULL;
CREATE INDEX invitations_change_idx ON survey.invitations (txid, seq);

CREATE TABLE survey.responses (
    -- The primary key is what makes "one response per invitation" hold under concurrent submissions.
    invitation_id uuid        PRIMARY KEY REFERENCES survey.invitations (id),
    score         smallint    NOT NULL CHECK (score BETWEEN 0 AND 10),
    -- Stored exactly as the customer typed it; escaping is the job of whatever displays it.
    comment       text        CHECK (char_length(comment) <= 2000),
    submitted_at  timestamptz NOT NULL,
    -- widget (REST), graphql, or import (history from another tool)
    source        text        NOT NULL CHECK (source IN ('rest', 'graphql', 'import')),
    received_at   timestamptz NOT NULL DEFAULT now(),
    txid          xid8        NOT NULL DEFAULT pg_current_xact_id(),
    seq           bigint      NOT NULL DEFAULT nextval('survey.change_seq')
);

CREATE INDEX responses_change_idx ON survey.responses (txid, seq);

-- ---------------------------------------------------------------------------------------------------------------
-- The published face of the survey data: what metrics-service may read. Its columns are a contract; the tables
-- behind it may change.

CREATE VIEW survey.change_log AS
SELECT txid, seq, id AS invitation_id FROM survey.invitations
UNION ALL
SELECT txid, seq, invitation_id FROM survey.responses;

COMMENT ON VIEW survey.change_log IS
    'Every written invitation and response, by the invitation it belongs to. Read incrementally by (txid, seq), only '
    'rows with txid < pg_snapshot_xmin(pg_current_snapshot()), then read those invitations from survey.invitation_facts.';

CREATE VIEW survey.invitation_facts AS
SELECT i.id AS invitation_id, i.kind, i.ticket_id, i.customer_id, i.agent_id, i.team_id, i.channel, i.region,
       i.sent_at, r.score, r.submitted_at
FROM survey.invitations i
LEFT JOIN survey.responses r ON r.invitation_id = i.id;

COMMENT ON VIEW survey.invitation_facts IS
    'One row per invitation with its response, if any: what the satisfaction metrics are computed from.';

-- Read models of the satisfaction metrics: survey invitations with their responses, copied from what survey-service
-- publishes (survey.change_log, survey.invitation_facts), and the qa.review events of the event log.

-- One row per survey invitation, with its response once there is one. survey-service writes invitations and
-- responses once and never changes them; the survey projection upserts each invitation a change names, so replays
-- change nothing. The dimensions are the invitation's own; the metrics fill the missing ones from its ticket's
-- current values when they are asked (a ticket can change after the survey).
CREATE TABLE metrics.survey_invitations (
    invitation_id  uuid PRIMARY KEY,
    kind           text        NOT NULL,
    ticket_id      text,
    customer_id    text,
    agent_id       text,
    team_id        text,
    channel        text,
    region         text,
    sent_at        timestamptz NOT NULL,
    -- Null until the invitation is answered.
    score          smallint,
    submitted_at   timestamptz
);

-- CSAT, CSAT_SCORE, NPS and CES read the responses of one kind by submission time; the response rate reads the
-- invitations by the time they were sent.
CREATE INDEX survey_invitations_submitted_idx ON metrics.survey_invitations (kind, submitted_at)
    WHERE submitted_at IS NOT NULL;
CREATE INDEX survey_invitations_sent_idx ON metrics.survey_invitations (sent_at);

-- The survey projection has its own cursor over survey.change_log, by (txid, seq) like the one over the event log.
INSERT INTO metrics.projection_cursor (name) VALUES ('surveys');

-- One row per qa.review event: the internal quality score of one reviewed interaction. Events never change, so a
-- review is inserted once, by its event id, whenever its event is projected (late ones included).
CREATE TABLE metrics.quality_reviews (
    event_id     text PRIMARY KEY,
    ticket_id    text,
    agent_id     text,
    team_id      text,
    channel      text,
    region       text,
    reviewed_at  timestamptz      NOT NULL,
    score        double precision NOT NULL
);
CREATE INDEX quality_reviews_reviewed_at_idx ON metrics.quality_reviews (reviewed_at);

-- Reviews the ticket projection passed before this table existed: read them from the log once, if there is one yet
-- (the projection adds any that come later, and skips these).
DO $$
BEGIN
    IF to_regclass('ingest.event_log') IS NOT NULL THEN
        INSERT INTO metrics.quality_reviews (event_id, ticket_id, agent_id, team_id, channel, region, reviewed_at,
                                             score)
        SELECT event_id, ticket_id, agent_id, team_id, channel, region, occurred_at, (attributes->>'score')::float8
        FROM ingest.event_log
        WHERE type = 'qa.review' AND jsonb_typeof(attributes->'score') = 'number'
        ON CONFLICT (event_id) DO NOTHING;
    END IF;
END
$$;

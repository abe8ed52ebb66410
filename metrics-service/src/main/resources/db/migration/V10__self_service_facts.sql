-- Read model of the self-service metrics: one row per knowledge-base, bot and forum event (events.md, Self-service).
-- Events never change, so each is inserted once, by its event id, whenever it is projected (late ones included); the
-- attributes the metrics read are copied into columns, null where an event does not carry them or carries a value of
-- the wrong JSON type.
CREATE TABLE metrics.self_service_events (
    event_id        text PRIMARY KEY,
    type            text             NOT NULL,
    occurred_at     timestamptz      NOT NULL,
    channel         text,
    region          text,
    customer_id     text,
    visitor_id      text,
    article_id      text,
    conversation_id text,
    thread_id       text,
    seconds_on_page double precision,
    bounced         boolean,
    vote            text,
    outcome         text,
    question        boolean
);

-- Every self-service metric reads the events of one type by occurrence time.
CREATE INDEX self_service_events_type_idx ON metrics.self_service_events (type, occurred_at);
-- A forum thread's resolution is looked up by its thread.
CREATE INDEX self_service_events_thread_idx ON metrics.self_service_events (thread_id, type)
    WHERE thread_id IS NOT NULL;

-- Self-service events the projection passed before this table existed: read them from the log once, if there is one
-- yet (the projection adds any that come later, and skips these).
DO $$
BEGIN
    IF to_regclass('ingest.event_log') IS NOT NULL THEN
        INSERT INTO metrics.self_service_events (event_id, type, occurred_at, channel, region, customer_id,
                                                 visitor_id, article_id, conversation_id, thread_id, seconds_on_page,
                                                 bounced, vote, outcome, question)
        SELECT event_id, type, occurred_at, channel, region, customer_id,
               attributes->>'visitorId', attributes->>'articleId', attributes->>'conversationId',
               attributes->>'threadId',
               CASE WHEN jsonb_typeof(attributes->'secondsOnPage') = 'number'
                    THEN (attributes->>'secondsOnPage')::float8 END,
               CASE WHEN jsonb_typeof(attributes->'bounced') = 'boolean' THEN (attributes->>'bounced')::boolean END,
               attributes->>'vote', attributes->>'outcome',
               CASE WHEN jsonb_typeof(attributes->'question') = 'boolean' THEN (attributes->>'question')::boolean END
        FROM ingest.event_log
        WHERE type IN ('kb.article_viewed', 'kb.article_voted', 'bot.conversation', 'forum.post_created',
                       'forum.thread_resolved')
        ON CONFLICT (event_id) DO NOTHING;
    END IF;
END
$$;

-- Read model of SELF_SERVICE_SUCCESS_RATE, REFERRAL_RATE, OFFERS_GRANTED and SOCIAL_ENGAGEMENT (events.md):
-- selfservice.session joins the other self-service events with its resolved flag; a customer's creation row keeps the
-- channel, region and referred of its latest customer.created; offers and social engagement are facts of their own,
-- inserted once by event id like the self-service events.
ALTER TABLE metrics.self_service_events ADD COLUMN resolved boolean;

ALTER TABLE metrics.customer_segments
    ADD COLUMN channel  text,
    ADD COLUMN region   text,
    ADD COLUMN referred boolean;

CREATE TABLE metrics.business_events (
    event_id    text PRIMARY KEY,
    type        text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    channel     text,
    region      text,
    customer_id text,
    kind        text
);

-- Each metric reads the events of one type by occurrence time.
CREATE INDEX business_events_type_idx ON metrics.business_events (type, occurred_at);
-- REFERRAL_RATE reads new customers by creation time.
CREATE INDEX customer_segments_created_idx ON metrics.customer_segments (created_at);

-- Events the projection passed before these columns and this table existed: read them from the log once, if there is
-- one yet (the projection adds any that come later, and skips these).
DO $$
BEGIN
    IF to_regclass('ingest.event_log') IS NOT NULL THEN
        INSERT INTO metrics.self_service_events (event_id, type, occurred_at, channel, region, customer_id,
                                                 visitor_id, resolved)
        SELECT event_id, type, occurred_at, channel, region, customer_id, attributes->>'visitorId',
               CASE WHEN jsonb_typeof(attributes->'resolved') = 'boolean' THEN (attributes->>'resolved')::boolean END
        FROM ingest.event_log
        WHERE type = 'selfservice.session'
        ON CONFLICT (event_id) DO NOTHING;

        UPDATE metrics.customer_segments c
        SET channel = e.channel, region = e.region,
            referred = CASE WHEN jsonb_typeof(e.attributes->'referred') = 'boolean'
                            THEN (e.attributes->>'referred')::boolean END
        FROM ingest.event_log e
        WHERE e.type = 'customer.created' AND e.event_id = c.event_id;

        INSERT INTO metrics.business_events (event_id, type, occurred_at, channel, region, customer_id, kind)
        SELECT event_id, type, occurred_at, channel, region, customer_id, attributes->>'kind'
        FROM ingest.event_log
        WHERE type IN ('customer.offer_granted', 'social.engagement')
        ON CONFLICT (event_id) DO NOTHING;
    END IF;
END
$$;

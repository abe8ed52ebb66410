-- Read model of CUSTOMER_CHURN_RATE, CUSTOMER_RETENTION_RATE and CUSTOMER_LIFETIME_VALUE (events.md): customer.churned
-- and customer.revenue join the offers and social events in metrics.business_events, revenue with its amount and
-- currency.
ALTER TABLE metrics.business_events
    ADD COLUMN amount   numeric,
    ADD COLUMN currency text;

-- The customer-base metrics look up each customer's churns and revenue.
CREATE INDEX business_events_customer_idx ON metrics.business_events (type, customer_id, occurred_at);

-- Events the projection passed before these columns existed: read them from the log once, if there is one yet (the
-- projection adds any that come later, and skips these).
DO $$
BEGIN
    IF to_regclass('ingest.event_log') IS NOT NULL THEN
        INSERT INTO metrics.business_events (event_id, type, occurred_at, channel, region, customer_id, kind, amount,
                                             currency)
        SELECT event_id, type, occurred_at, channel, region, customer_id, attributes->>'kind',
               CASE WHEN jsonb_typeof(attributes->'amount') = 'number' THEN (attributes->>'amount')::numeric END,
               attributes->>'currency'
        FROM ingest.event_log
        WHERE type IN ('customer.churned', 'customer.revenue')
        ON CONFLICT (event_id) DO NOTHING;
    END IF;
END
$$;

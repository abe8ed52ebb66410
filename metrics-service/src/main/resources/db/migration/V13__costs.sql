-- Read model of COST_PER_TICKET and COST_PER_SELF_SERVICE_SESSION (events.md): each cost.recorded once by event id,
-- with its category, amount, currency and the dates it covers (periodEnd inclusive).
CREATE TABLE metrics.costs (
    event_id     text PRIMARY KEY,
    category     text,
    amount       numeric,
    currency     text,
    period_start date        NOT NULL,
    period_end   date        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    channel      text,
    region       text
);

-- Costs the projection passed before this table existed: read them from the log once, if there is one yet (the
-- projection adds any that come later, and skips these).
DO $$
BEGIN
    IF to_regclass('ingest.event_log') IS NOT NULL THEN
        INSERT INTO metrics.costs (event_id, category, amount, currency, period_start, period_end, occurred_at, channel,
                                   region)
        SELECT event_id, attributes->>'category',
               CASE WHEN jsonb_typeof(attributes->'amount') = 'number' THEN (attributes->>'amount')::numeric END,
               attributes->>'currency', (attributes->>'periodStart')::date, (attributes->>'periodEnd')::date,
               occurred_at, channel, region
        FROM ingest.event_log
        WHERE type = 'cost.recorded' AND attributes->>'periodStart' ~ '^\d{4}-\d{2}-\d{2}$'
          AND attributes->>'periodEnd' ~ '^\d{4}-\d{2}-\d{2}$'
          AND (attributes->>'periodStart')::date <= (attributes->>'periodEnd')::date
        ON CONFLICT (event_id) DO NOTHING;
    END IF;
END
$$;

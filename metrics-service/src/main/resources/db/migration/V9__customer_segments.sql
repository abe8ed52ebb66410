-- The segment of each customer, from its customer.created event (events.md): what CUSTOMER_SEGMENT slices by. A
-- customer created twice (a correction at the source) takes the segment of the latest creation.
CREATE TABLE metrics.customer_segments (
    customer_id text PRIMARY KEY,
    segment     text,
    created_at  timestamptz NOT NULL,
    event_id    text        NOT NULL
);

-- A review may name its customer; the ticket's customer stands in where it does not.
ALTER TABLE metrics.quality_reviews ADD COLUMN customer_id text;

-- Customers and review customers the projection passed before these existed: read them from the log once, if there is
-- one yet (the projection keeps them from here on).
DO $$
BEGIN
    IF to_regclass('ingest.event_log') IS NOT NULL THEN
        INSERT INTO metrics.customer_segments (customer_id, segment, created_at, event_id)
        SELECT DISTINCT ON (customer_id) customer_id, attributes->>'segment', occurred_at, event_id
        FROM ingest.event_log
        WHERE type = 'customer.created' AND customer_id IS NOT NULL
        ORDER BY customer_id, occurred_at DESC, event_id DESC;

        UPDATE metrics.quality_reviews r SET customer_id = e.customer_id
        FROM ingest.event_log e
        WHERE e.type = 'qa.review' AND e.event_id = r.event_id AND e.customer_id IS NOT NULL;
    END IF;
END
$$;

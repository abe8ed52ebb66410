-- REQUEST_VOLUME by CUSTOMER_SEGMENT: a contact without a ticket is a request of the customer its events name (the
-- envelope's optional customerId, the first one given), null where none does.
ALTER TABLE metrics.contacts ADD COLUMN customer_id text;

-- Contacts the projection passed before this column existed: read their customer from the log once, if there is one
-- yet (the projection recomputes every contact it touches later, customer included).
DO $$
BEGIN
    IF to_regclass('ingest.event_log') IS NOT NULL THEN
        UPDATE metrics.contacts c
        SET customer_id = first.customer_id
        FROM (SELECT DISTINCT ON (contact_id) contact_id, customer_id
              FROM ingest.event_log
              WHERE type LIKE 'contact.%' AND contact_id IS NOT NULL AND customer_id IS NOT NULL
              ORDER BY contact_id, occurred_at, event_id) first
        WHERE first.contact_id = c.contact_id;
    END IF;
END
$$;

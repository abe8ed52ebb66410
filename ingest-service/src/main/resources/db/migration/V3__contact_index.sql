-- Readers recompute a contact from all of its events whenever one arrives; without this index each such read is a
-- scan of the whole log.
CREATE INDEX events_contact_idx ON ingest.events (contact_id) WHERE contact_id IS NOT NULL;

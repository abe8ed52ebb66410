-- The resolver of a ticket's latest resolution, kept also while the ticket is reopened: metrics.md reads "the resolver
-- of a reopened ticket is that of its latest resolution" (TICKETS_REOPENED is attributed to it).
ALTER TABLE metrics.tickets ADD COLUMN latest_resolver text;
-- Filled by the next recompute of each ticket; replaying the log (resetting the cursor) fills every ticket.
UPDATE metrics.projection_cursor SET last_txid = '0', last_seq = 0;

package dev.supportpulse.ingest.repository;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.supportpulse.ingest.model.IncomingEvent;
import dev.supportpulse.ingest.model.StoredEvent;

/** The event log in {@code ingest.events}: bulk, de-duplicating writes through the PG client; reads through Panache. */
@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<StoredEvent, Long> {

    // One statement per batch: the columns travel as 11 array parameters, so a batch of thousands of events costs one
    // round trip and one plan. Attributes go as text and are cast in SQL, because the client would send a Java String
    // bound to jsonb as a JSON string literal. ON CONFLICT makes a re-sent id a no-op, also when two requests race for
    // it.
    // The same statement counts the ticket events stamped before their ticket's creation (metrics.md: they count as 0
    // and are reported in the data-quality counters), each once, when the later of the two arrives: a new event against
    // the creations stored before or in the batch, and a new creation against the events stored before. The statement's
    // snapshot does not see its own rows, so the batch's pairs are counted by the first part alone. In order, each look
    // is one index probe that finds nothing.
    private static final String INSERT_NEW = """
            WITH inserted AS (
                INSERT INTO ingest.events (event_id, type, occurred_at, ticket_id, contact_id, agent_id, team_id,
                                           customer_id, channel, region, attributes)
                SELECT e.event_id, e.type, e.occurred_at, e.ticket_id, e.contact_id, e.agent_id, e.team_id,
                       e.customer_id, e.channel, e.region, e.attributes::jsonb
                FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[],
                            $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
                     AS e(event_id, type, occurred_at, ticket_id, contact_id, agent_id, team_id,
                          customer_id, channel, region, attributes)
                ON CONFLICT (event_id) DO NOTHING
                RETURNING type, occurred_at, ticket_id),
            creations AS (
                SELECT ticket_id, min(occurred_at) AS created_at FROM inserted
                WHERE type = 'ticket.created' AND ticket_id IS NOT NULL
                GROUP BY ticket_id)
            SELECT (SELECT count(*) FROM inserted)::int AS stored,
                   (SELECT count(*) FROM inserted i LEFT JOIN creations c USING (ticket_id)
                    WHERE i.ticket_id IS NOT NULL AND i.type LIKE 'ticket.%' AND i.type <> 'ticket.created'
                      AND (i.occurred_at < c.created_at
                           OR EXISTS (SELECT 1 FROM ingest.events s
                                      WHERE s.ticket_id = i.ticket_id AND s.occurred_at > i.occurred_at
                                        AND s.type = 'ticket.created')))::int
                   + (SELECT coalesce(sum(earlier.events), 0) FROM creations c
                      CROSS JOIN LATERAL (
                          SELECT count(*) AS events FROM ingest.events s
                          WHERE s.ticket_id = c.ticket_id AND s.occurred_at < c.created_at
                            AND s.type LIKE 'ticket.%' AND s.type <> 'ticket.created') earlier)::int
                     AS before_creation
            """;

    /**
     * What a batch stored.
     *
     * @param events
     *            how many events were new
     * @param beforeCreation
     *            how many ticket events, new or stored before, are now known to be stamped before their ticket's
     *            creation
     */
    public record Stored(int events, int beforeCreation) {
    }

    private final Pool pool;

    public EventRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Stores the events whose ids are not stored yet, in one statement (so atomically).
     *
     * @param events
     *            events with distinct ids, ordered by id so that concurrent batches lock ids in one order
     *
     * @return how many events were new, and how many are now known to be stamped before their ticket's creation
     */
    public Uni<Stored> insertNew(List<IncomingEvent> events) {
        int size = events.size();
        String[] ids = new String[size];
        String[] types = new String[size];
        OffsetDateTime[] occurredAt = new OffsetDateTime[size];
        String[] ticketIds = new String[size];
        String[] contactIds = new String[size];
        String[] agentIds = new String[size];
        String[] teamIds = new String[size];
        String[] customerIds = new String[size];
        String[] channels = new String[size];
        String[] regions = new String[size];
        String[] attributes = new String[size];
        for (int i = 0; i < size; i++) {
            IncomingEvent event = events.get(i);
            ids[i] = event.id();
            types[i] = event.type();
            occurredAt[i] = event.occurredAt();
            ticketIds[i] = event.ticketId();
            contactIds[i] = event.contactId();
            agentIds[i] = event.agentId();
            teamIds[i] = event.teamId();
            customerIds[i] = event.customerId();
            channels[i] = event.channel();
            regions[i] = event.region();
            attributes[i] = event.attributesJson();
        }
        Tuple parameters = Tuple.from(List.of(ids, types, occurredAt, ticketIds, contactIds, agentIds, teamIds,
                customerIds, channels, regions, attributes));
        return pool.preparedQuery(INSERT_NEW).execute(parameters).map(rows -> {
            var row = rows.iterator().next();
            return new Stored(row.getInteger("stored"), row.getInteger("before_creation"));
        });
    }

    public Uni<StoredEvent> findByEventId(String eventId) {
        return find("eventId", eventId).firstResult();
    }
}

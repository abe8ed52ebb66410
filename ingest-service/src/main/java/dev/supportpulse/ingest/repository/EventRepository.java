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
    private static final String INSERT_NEW = """
            INSERT INTO ingest.events (event_id, type, occurred_at, ticket_id, contact_id, agent_id, team_id,
                                       customer_id, channel, region, attributes)
            SELECT e.event_id, e.type, e.occurred_at, e.ticket_id, e.contact_id, e.agent_id, e.team_id,
                   e.customer_id, e.channel, e.region, e.attributes::jsonb
            FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[],
                        $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
                 AS e(event_id, type, occurred_at, ticket_id, contact_id, agent_id, team_id,
                      customer_id, channel, region, attributes)
            ON CONFLICT (event_id) DO NOTHING
            """;

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
     * @return how many events were new
     */
    public Uni<Integer> insertNew(List<IncomingEvent> events) {
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
        return pool.preparedQuery(INSERT_NEW).execute(parameters).map(rows -> rows.rowCount());
    }

    public Uni<StoredEvent> findByEventId(String eventId) {
        return find("eventId", eventId).firstResult();
    }
}

package dev.supportpulse.metrics.support;

import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.supportpulse.metrics.service.ProjectionService;

/**
 * Writes events into ingest's event log as ingest-service does (one committed transaction per call), and brings the
 * read models up to date on demand.
 */
@ApplicationScoped
public class EventLog {

    private final Pool pool;
    private final ProjectionService projection;

    public EventLog(Pool pool, ProjectionService projection) {
        this.pool = pool;
        this.projection = projection;
    }

    /** Empties the event log and every read model, rewinds the projection and restores the default SLA policies. */
    public void clear() {
        pool.query("TRUNCATE ingest.events RESTART IDENTITY").execute().await().indefinitely();
        pool.query("TRUNCATE metrics.tickets, metrics.ticket_replies, metrics.ticket_reopens, "
                + "metrics.ticket_reassignments, metrics.ticket_resolved_spans, metrics.ticket_messages, "
                + "metrics.contacts, metrics.ticket_rollup, metrics.quality_reviews").execute().await().indefinitely();
        rewind();
        pool.query(
                """
                        UPDATE metrics.sla_policies p SET first_response_seconds = d.first_response, resolution_seconds = d.resolution
                        FROM (VALUES ('urgent', 3600, 14400), ('high', 14400, 86400), ('normal', 28800, 172800),
                                     ('low', 86400, 345600)) AS d(priority, first_response, resolution)
                        WHERE p.priority = d.priority
                        """)
                .execute().await().indefinitely();
    }

    /**
     * Sets the projection of the event log back to the log's start, as a rebuild would; the read models stay as they
     * are. The survey projection keeps its place ({@link SurveyLog#rewind()} moves it).
     */
    public void rewind() {
        pool.query("UPDATE metrics.projection_cursor SET last_txid = '0', last_seq = 0 WHERE name = 'tickets'")
                .execute().await().indefinitely();
    }

    /** Appends the events in the given order, in one transaction. */
    public void append(Event... events) {
        pool.withTransaction(connection -> {
            var insert = connection.preparedQuery("""
                    INSERT INTO ingest.events (event_id, type, occurred_at, ticket_id, contact_id, agent_id, team_id,
                                               customer_id, channel, region, attributes)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text::jsonb)
                    """);
            return insert.executeBatch(Arrays
                    .stream(events).map(e -> Tuple.from(Arrays.asList(e.id, e.type, e.occurredAt, e.ticketId,
                            e.contactId, e.agentId, e.teamId, e.customerId, e.channel, e.region, e.attributesJson())))
                    .toList());
        }).await().indefinitely();
    }

    /** Appends and projects: the read models then reflect every event. */
    public void appendAndProject(Event... events) {
        append(events);
        project();
    }

    /** Projects the event log and survey-service's change log until nothing new is left. */
    public long project() {
        return projection.catchUp().await().indefinitely();
    }
}

package dev.supportpulse.metrics.support;

import java.time.Duration;
import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.supportpulse.metrics.repository.TicketProjectionRepository;
import dev.supportpulse.metrics.service.ProjectionService;
import dev.supportpulse.testing.TestDatabase;

/**
 * Writes events into ingest's event log as ingest-service does (one committed transaction per call), and brings the
 * read models up to date on demand.
 */
@ApplicationScoped
public class EventLog {

    private final Pool pool;
    private final ProjectionService projection;
    private final TicketProjectionRepository tickets;

    public EventLog(Pool pool, ProjectionService projection, TicketProjectionRepository tickets) {
        this.pool = pool;
        this.projection = projection;
        this.tickets = tickets;
    }

    /**
     * The bean in a {@code @QuarkusTest}, which projects on demand. Against the packaged service (the *IT classes,
     * {@link PackagedService}) one over a pool of the test's own, which waits for the service's own projection loop.
     */
    public static EventLog current() {
        return TestDatabase.bean(EventLog.class, pool -> new EventLog(pool, null, null));
    }

    /**
     * Empties the event log and every read model, rewinds the projection and restores the default SLA policies. In a
     * {@code @QuarkusTest} the cursors are aligned for the projection's count of partitions too, so that a test's first
     * batch projects instead of aligning them (against the packaged service, its projection aligns them itself).
     */
    public void clear() {
        // Under every partition's turn, so that a batch running meanwhile finishes first: it locks these tables in
        // another order, and the two could deadlock (as SurveyLog#clear and the survey projection did).
        pool.withTransaction(connection -> connection.query(TicketProjectionRepository.HOLD_ALL_TURNS).execute()
                .flatMap(held -> connection.query("TRUNCATE ingest.events RESTART IDENTITY").execute())
                .flatMap(emptied -> connection.query("TRUNCATE metrics.tickets, metrics.ticket_replies, "
                        + "metrics.ticket_reopens, metrics.ticket_reassignments, metrics.ticket_resolved_spans, "
                        + "metrics.ticket_messages, metrics.contacts, metrics.ticket_rollup, "
                        + "metrics.ticket_rollup_daily, metrics.quality_reviews, metrics.customer_segments, "
                        + "metrics.self_service_events, metrics.business_events, metrics.costs").execute())
                .flatMap(emptied -> tickets == null ? Uni.createFrom().nullItem()
                        : connection.preparedQuery("SELECT count(*) FROM metrics.realign_projection_partitions($1)")
                                .execute(Tuple.of(tickets.partitions()))))
                .await().indefinitely();
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
        pool.query("UPDATE metrics.projection_cursor SET last_txid = '0', last_seq = 0 WHERE name LIKE 'tickets/%'")
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

    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(30);

    private static final String EVERYTHING_PROJECTED = """
            SELECT NOT EXISTS (SELECT 1 FROM ingest.event_log e, metrics.projection_cursor c
                               WHERE c.name LIKE 'tickets/%' AND (e.txid, e.seq) > (c.last_txid, c.last_seq))
               AND NOT EXISTS (SELECT 1 FROM survey.change_log l, metrics.projection_cursor c
                               WHERE c.name = 'surveys' AND (l.txid, l.seq) > (c.last_txid, c.last_seq))
            """;

    /** Appends and projects: the read models then reflect every event. */
    public void appendAndProject(Event... events) {
        append(events);
        project();
    }

    /**
     * Projects the event log and survey-service's change log until every row written so far is in the read models. The
     * projection reads only below the oldest running transaction of the whole cluster, so a transaction elsewhere
     * (another test run, say) can hold written rows back for a moment: this waits for them, as a dashboard would.
     */
    public long project() {
        long projected = 0;
        long deadline = System.nanoTime() + PROJECTION_WAIT.toNanos();
        while (true) {
            if (projection != null) {
                projected += projection.catchUp().await().indefinitely();
            }
            if (pool.query(EVERYTHING_PROJECTED).execute().await().indefinitely().iterator().next().getBoolean(0)) {
                return projected;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("written rows were not projected within " + PROJECTION_WAIT
                        + ": a long transaction on the cluster holds the projection back");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the projection", e);
            }
        }
    }
}

package dev.supportpulse.ingest.support;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.supportpulse.testing.TestDatabase;

/** Direct reads of {@code ingest.events} for assertions, through the same PostgreSQL the service writes to. */
@ApplicationScoped
public class EventTable {

    private final Pool pool;

    public EventTable(Pool pool) {
        this.pool = pool;
    }

    /** The bean in a {@code @QuarkusTest}; over a pool of the test's own against the packaged service (the *IT). */
    public static EventTable current() {
        return TestDatabase.bean(EventTable.class, EventTable::new);
    }

    public void clear() {
        pool.query("TRUNCATE ingest.events RESTART IDENTITY").execute().await().indefinitely();
    }

    public long count() {
        return single("SELECT count(*) FROM ingest.events", Tuple.tuple()).getLong(0);
    }

    public long countWithId(String eventId) {
        return single("SELECT count(*) FROM ingest.events WHERE event_id = $1", Tuple.of(eventId)).getLong(0);
    }

    /** The stored attributes of an event as JSON text, normalised by PostgreSQL. */
    public String attributesOf(String eventId) {
        return single("SELECT attributes::text FROM ingest.events WHERE event_id = $1", Tuple.of(eventId)).getString(0);
    }

    /** When an event happened, as stored. */
    public Instant occurredAtOf(String eventId) {
        return single("SELECT occurred_at FROM ingest.events WHERE event_id = $1", Tuple.of(eventId))
                .getOffsetDateTime(0).toInstant();
    }

    private Row single(String sql, Tuple parameters) {
        return pool.preparedQuery(sql).execute(parameters).await().indefinitely().iterator().next();
    }
}

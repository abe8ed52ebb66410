package dev.supportpulse.metrics.repository;

import static dev.supportpulse.metrics.support.Event.event;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;

import dev.supportpulse.metrics.support.EventLog;
import dev.supportpulse.metrics.support.GraphQl;

/**
 * With {@code supportpulse.metrics.read.url} set, metric queries and their watermark go through a pool of their own.
 * There is no replica here: the read URL names the test database itself, which proves the wiring (a separate pool, its
 * connections, its session settings), not replication.
 */
@QuarkusTest
@TestProfile(ReadPoolTest.ReadUrl.class)
class ReadPoolTest {

    public static class ReadUrl implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("supportpulse.metrics.read.url", "${quarkus.datasource.reactive.url}");
        }
    }

    @Inject
    EventLog log;

    @Inject
    Pool primary;

    @Inject
    @ReadPool
    Pool reads;

    private static String single(Pool pool, String sql) {
        return pool.query(sql).execute().await().indefinitely().iterator().next().getValue(0).toString();
    }

    @Test
    void metricQueriesReadThroughTheReadPool() {
        assertNotSame(primary.getDelegate(), reads.getDelegate());
        log.clear();
        log.appendAndProject(event("ticket.created", "2026-08-01T10:00:00Z").ticket("R1").channel("web"));
        GraphQl.query("{ metric(metric: TICKETS_CREATED, range: {from: \"2026-08-01T00:00:00Z\","
                + " to: \"2026-08-02T00:00:00Z\"}) { total { value } } }")
                .body("data.metric.total.value", equalTo(1.0));
        // The query's connection is the read pool's, still open and named so.
        long readers = Long.parseLong(single(primary, "SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                + ReadPoolProducer.APPLICATION_NAME + "' AND datname = current_database()"));
        assertTrue(readers > 0, "no connection of the read pool");
        // The primary's session settings apply to the read pool too.
        assertEquals("128MB", single(reads, "SHOW work_mem"));
        assertEquals("off", single(reads, "SHOW jit"));
        // But not its name: each pool's sessions can be told apart.
        assertEquals(ReadPoolProducer.APPLICATION_NAME, single(reads, "SHOW application_name"));
        assertEquals("supportpulse-metrics", single(primary, "SHOW application_name"));
    }
}

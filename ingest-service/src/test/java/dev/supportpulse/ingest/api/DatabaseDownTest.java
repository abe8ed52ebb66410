package dev.supportpulse.ingest.api;

import static dev.supportpulse.ingest.api.EventIngestionTest.post;
import static dev.supportpulse.ingest.support.TestEvent.event;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.supportpulse.ingest.support.EventTable;
import dev.supportpulse.testing.CuttableDatabase;
import dev.supportpulse.testing.TcpProxy;

/**
 * The database goes away under a running service: senders get 503 with Retry-After in bounded time, readiness goes
 * down, and both come back by themselves. Needs an explicitly configured test database (as .ci/run sets), since the
 * proxy must know where the database is.
 */
@QuarkusTest
@WithTestResource(CuttableDatabase.class)
@EnabledIfEnvironmentVariable(named = CuttableDatabase.URL_VARIABLE, matches = ".+")
class DatabaseDownTest {

    /** The test profile's database time-out (3 s) plus generous slack for a loaded machine. */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(15);

    TcpProxy database;

    @Inject
    EventTable table;

    @Test
    void withTheDatabaseGoneSendersGet503AndReadinessRecoversByItself() throws Exception {
        table.clear();
        post(event("before", "ticket.resolved").ticket("T1").json()).statusCode(202);

        database.cut();
        try {
            long started = System.nanoTime();
            post(event("during", "ticket.resolved").ticket("T1").json()).statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "5")
                    .body("type", equalTo("urn:supportpulse:problem:database-unavailable"));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(ANSWER_BOUND) < 0, "503 took " + took);

            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            // A database outage is no reason to restart the process.
            given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            database.restore();
        }

        awaitReady(Duration.ofSeconds(30));
        post(event("during", "ticket.resolved").ticket("T1").json()).statusCode(202).body("accepted", equalTo(1));
        assertEquals(2, table.count(), "the event refused during the outage is stored once it is re-sent");
    }

    @Test
    void withTheDatabaseHangingSendersGet503WhenTheTimeoutRunsOut() throws Exception {
        table.clear();
        database.stall();
        try {
            long started = System.nanoTime();
            post(event("stalled", "ticket.resolved").ticket("T1").json()).statusCode(503).header("Retry-After", "5");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            // Answered by the 3 s database time-out of the test profile, not by a client or proxy time-out.
            assertTrue(took.compareTo(Duration.ofSeconds(3)) >= 0 && took.compareTo(ANSWER_BOUND) < 0,
                    "503 took " + took);

            started = System.nanoTime();
            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(ANSWER_BOUND) < 0, "readiness took " + took);
        } finally {
            database.restore();
        }
        awaitReady(Duration.ofSeconds(30));
        post(event("stalled", "ticket.resolved").ticket("T1").json()).statusCode(202);
    }

    private static void awaitReady(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (given().get("/q/health/ready").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("readiness did not come back within " + limit);
            }
            Thread.sleep(200);
        }
    }
}

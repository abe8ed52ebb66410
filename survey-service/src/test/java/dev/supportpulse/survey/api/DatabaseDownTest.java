package dev.supportpulse.survey.api;

import static dev.supportpulse.survey.support.SurveyApi.answer;
import static dev.supportpulse.survey.support.SurveyApi.invite;
import static dev.supportpulse.survey.support.SurveyApi.ticketPrefix;
import static dev.supportpulse.survey.support.SurveyApi.tokenFor;
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

import dev.supportpulse.survey.support.SurveyTables;
import dev.supportpulse.testing.CuttableDatabase;
import dev.supportpulse.testing.TcpProxy;

/**
 * The database goes away under a running service: customers and trusted callers get 503 with Retry-After in bounded
 * time, readiness goes down, and both come back by themselves. Needs an explicitly configured test database (as .ci/run
 * sets), since the proxy must know where the database is.
 */
@QuarkusTest
@WithTestResource(CuttableDatabase.class)
@EnabledIfEnvironmentVariable(named = CuttableDatabase.URL_VARIABLE, matches = ".+")
class DatabaseDownTest {

    /** The test profile's database time-out (3 s) plus generous slack for a loaded machine. */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(15);

    TcpProxy database;

    @Inject
    SurveyTables tables;

    @Test
    void withTheDatabaseGoneAnswersGet503AndTheSameAnswerIsStoredOnceItIsBack() throws Exception {
        String prefix = ticketPrefix();
        String token = tokenFor("{\"kind\": \"CSAT\", \"ticketId\": \"" + prefix + "1\"}");

        database.cut();
        try {
            long started = System.nanoTime();
            answer(token, "{\"score\": 5}").statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "5").body("type", equalTo("urn:supportpulse:problem:database-unavailable"));
            invite("{\"kind\": \"CSAT\", \"ticketId\": \"" + prefix + "2\"}").statusCode(503);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(ANSWER_BOUND.multipliedBy(2)) < 0, "two 503s took " + took);

            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            database.restore();
        }

        awaitReady(Duration.ofSeconds(30));
        answer(token, "{\"score\": 5}").statusCode(201);
        assertEquals(1, tables.responsesForTickets(prefix));
    }

    @Test
    void withTheDatabaseHangingAnAnswerGets503WhenTheTimeoutRunsOut() throws Exception {
        String token = tokenFor("{\"kind\": \"NPS\", \"ticketId\": \"" + ticketPrefix() + "1\"}");
        database.stall();
        try {
            long started = System.nanoTime();
            answer(token, "{\"score\": 9}").statusCode(503).header("Retry-After", "5");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(Duration.ofSeconds(3)) >= 0 && took.compareTo(ANSWER_BOUND) < 0,
                    "503 took " + took);
        } finally {
            database.restore();
        }
        awaitReady(Duration.ofSeconds(30));
    }

    private static void awaitReady(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (given().get("/q/health/ready").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not ready again within " + limit);
            }
            Thread.sleep(200);
        }
    }
}

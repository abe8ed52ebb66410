package dev.supportpulse.metrics.api;

import static dev.supportpulse.metrics.support.GraphQl.query;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.supportpulse.testing.CuttableDatabase;
import dev.supportpulse.testing.TcpProxy;

/**
 * The database goes away under a running metrics-service: queries answer UNAVAILABLE (never a number), readiness goes
 * down, and both come back by themselves. Needs an explicitly configured test database, as .ci/run sets.
 */
@QuarkusTest
@WithTestResource(CuttableDatabase.class)
@EnabledIfEnvironmentVariable(named = CuttableDatabase.URL_VARIABLE, matches = ".+")
class DatabaseDownTest {

    private static final String QUERY = "{ metric(metric: TICKETS_CREATED, range: {from: \"2026-03-02T00:00:00Z\","
            + " to: \"2026-03-03T00:00:00Z\"}) { total { value } } }";

    TcpProxy database;

    @Test
    void queriesAreUnavailableWhileTheDatabaseIsGoneAndRecoverAfter() throws Exception {
        query(QUERY).body("errors", nullValue());
        database.cut();
        try {
            query(QUERY).body("data", nullValue()).body("errors[0].extensions.code", equalTo("UNAVAILABLE"))
                    .body("errors[0].message", equalTo("The metrics database is unavailable; retry."));
            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            database.restore();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (given().get("/q/health/ready").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("readiness did not come back within 30 s");
            }
            Thread.sleep(200);
        }
        query(QUERY).body("errors", nullValue());
    }
}

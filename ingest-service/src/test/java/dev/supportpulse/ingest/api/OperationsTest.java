package dev.supportpulse.ingest.api;

import static dev.supportpulse.ingest.api.EventIngestionTest.post;
import static dev.supportpulse.ingest.support.TestEvent.batch;
import static dev.supportpulse.ingest.support.TestEvent.event;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.supportpulse.testing.TestDatabase;

/** Health, the OpenAPI document, Prometheus meters and problem bodies for framework errors. */
@QuarkusTest
class OperationsTest {

    @Test
    void databaseSessionsAreNamedForTheService() {
        // A request that reads the database leaves a session of the service's pool open; a DBA tells the services'
        // sessions apart in pg_stat_activity by their name.
        given().get("/q/health/ready").then().statusCode(200);
        assertTrue(TestDatabase.sessionsNamed("supportpulse-ingest") > 0,
                "no database session named supportpulse-ingest");
    }

    @Test
    void healthIsUpWithADatabaseCheck() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")).body("checks.name",
                hasItem("event store (PostgreSQL)"));
    }

    @Test
    void theOpenApiDocumentDescribesTheIngestionApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/v1/events'.post.responses.'202'.description", equalTo("Stored"))
                .body("paths.'/v1/events/{id}'.get.summary", equalTo("Read a stored event"));
    }

    @Test
    void metersCountAcceptedDuplicateAndRejectedEvents() {
        double acceptedBefore = meter("supportpulse_ingest_events_accepted_events_total");
        double duplicatesBefore = meter("supportpulse_ingest_events_duplicates_events_total");
        String id = "meter-" + System.nanoTime();
        post(batch(event(id, "ticket.resolved").ticket("T1"), event(id, "ticket.resolved").ticket("T1")))
                .statusCode(202);
        post(event("bad", "ticket.resolved").json()).statusCode(400);

        assertTrue(meter("supportpulse_ingest_events_accepted_events_total") >= acceptedBefore + 1);
        assertTrue(meter("supportpulse_ingest_events_duplicates_events_total") >= duplicatesBefore + 1);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("supportpulse_ingest_requests_rejected_total{reason=\"invalid-events\"}"))
                .body(containsString("supportpulse_ingest_batch_size_events_count"))
                .body(containsString("supportpulse_ingest_batch_duration_seconds_count"));
    }

    @Test
    void unknownPathsAndMethodsGetProblemBodies() {
        given().header("Authorization", "Bearer test-key").get("/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().header("Authorization", "Bearer test-key").delete("/v1/events").then().statusCode(405)
                .contentType("application/problem+json").body("status", equalTo(405));
    }

    private static double meter(String name) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$")
                .matcher(text);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }
}

package dev.supportpulse.metrics.api;

import static dev.supportpulse.metrics.support.Event.event;
import static dev.supportpulse.metrics.support.GraphQl.query;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.supportpulse.metrics.support.EventLog;

/**
 * Whole responses served again while nothing they depend on changed, with the production watermark sharing (a read
 * serves the requests of the next 300 ms here).
 *
 * <pre>
 * Tickets: T1 created 2026-03-02 09:00, T2 10:00; T3 arrives during the test.
 * </pre>
 */
@QuarkusTest
@TestProfile(CachedResponsesTest.SharedWatermark.class)
class CachedResponsesTest {

    public static class SharedWatermark implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("supportpulse.metrics.watermark-max-age", "300ms");
        }
    }

    private static final String CREATED = "{ metric(metric: TICKETS_CREATED, range: {from: \"2026-03-02T00:00:00Z\","
            + " to: \"2026-03-03T00:00:00Z\"}) { total { value } } }";
    private static final Pattern HITS = Pattern
            .compile("supportpulse_metrics_responses_total\\{cache=\"hit\"[^}]*} ([0-9.E]+)");

    final EventLog log = EventLog.current();

    @BeforeEach
    void dataSet() {
        log.clear();
        log.appendAndProject(event("ticket.created", "2026-03-02T09:00:00Z").ticket("T1").channel("email"),
                event("ticket.created", "2026-03-02T10:00:00Z").ticket("T2").channel("email"));
    }

    @Test
    void aRepeatedQueryIsAnsweredAgainWithTheSameTextUntilAnEventArrives() throws Exception {
        String first = repeatUntilServedAgain(CREATED);
        assertEquals(first, query(CREATED).extract().asString());
        query(CREATED).body("data.metric.total.value", equalTo(2.0));

        // T3 moves the watermark: once the shared read is older than 300 ms, the next answer counts it.
        log.appendAndProject(event("ticket.created", "2026-03-02T11:00:00Z").ticket("T3").channel("email"));
        Thread.sleep(400);
        query(CREATED).body("data.metric.total.value", equalTo(3.0));
    }

    @Test
    void answersWithErrorsOrThatTheClockChangesAreNeverServedAgain() throws Exception {
        // A snapshot over a range reaching past now changes with the clock alone.
        String open = "{ metric(metric: OPEN_TICKETS, range: {from: \"2026-03-02T00:00:00Z\","
                + " to: \"2099-01-01T00:00:00Z\"}) { total { value } } }";
        String bad = "{ metric(metric: TICKETS_CREATED, range: {from: \"2026-03-03T00:00:00Z\","
                + " to: \"2026-03-02T00:00:00Z\"}) { total { value } } }";
        double before = hits();
        for (int i = 0; i < 20; i++) {
            query(open).body("errors", nullValue()).body("data.metric.total.value", equalTo(2.0));
            query(bad).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
            Thread.sleep(20);
        }
        assertEquals(before, hits());
    }

    @Test
    void theResponseTypeIsPartOfTheKey() throws Exception {
        repeatUntilServedAgain(CREATED);
        given().contentType("application/json").accept("application/graphql-response+json")
                .body(Map.of("query", CREATED)).post("/graphql").then().statusCode(200)
                .contentType("application/graphql-response+json").body("data.metric.total.value", equalTo(2.0f));
    }

    @Test
    void aTokensExpiryIsReadFromItsClaims() {
        String claims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"exp\":1900000000,\"groups\":[\"metrics-reader\"]}".getBytes(StandardCharsets.UTF_8));
        assertEquals(1_900_000_000_000L, CachedResponses.expiryOf("Bearer eyJhbGciOiJSUzI1NiJ9." + claims + ".sig"));
        assertEquals(0, CachedResponses.expiryOf("Bearer not-a-jwt"));
        assertEquals(0, CachedResponses.expiryOf("Basic dXNlcjpwYXNz"));
        assertEquals(0, CachedResponses.expiryOf(null));
    }

    /** Sends the document until one answer comes from the kept responses; returns that answer's text. */
    private static String repeatUntilServedAgain(String document) throws Exception {
        double before = hits();
        for (int i = 0; i < 50; i++) {
            String answer = query(document).extract().asString();
            if (hits() > before) {
                return answer;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no response was served again in 50 tries");
    }

    private static double hits() {
        Matcher hits = HITS.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        assertTrue(hits.find(), "no response cache meter");
        return Double.parseDouble(hits.group(1));
    }
}

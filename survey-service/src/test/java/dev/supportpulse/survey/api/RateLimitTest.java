package dev.supportpulse.survey.api;

import static dev.supportpulse.survey.support.SurveyApi.answer;
import static dev.supportpulse.survey.support.SurveyApi.read;
import static dev.supportpulse.survey.support.SurveyApi.ticketPrefix;
import static dev.supportpulse.survey.support.SurveyApi.tokenFor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import dev.supportpulse.survey.support.SurveyTables;

/**
 * The per-client limit on the public endpoints: a burst of 3, then 6 a minute (one every 10 s). Trusted endpoints are
 * not limited by it.
 */
@QuarkusTest
@TestProfile(RateLimitTest.Tight.class)
class RateLimitTest {

    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("supportpulse.survey.rate-limit.burst", "3",
                    "supportpulse.survey.rate-limit.requests-per-minute", "6");
        }
    }

    @Inject
    SurveyTables tables;

    @Test
    void aClientOverItsRateGets429WithRetryAfterAndNothingIsStored() {
        String prefix = ticketPrefix();
        // Creating invitations is a trusted call: not counted.
        String first = tokenFor("{\"kind\": \"CSAT\", \"ticketId\": \"" + prefix + "1\"}");
        String second = tokenFor("{\"kind\": \"CSAT\", \"ticketId\": \"" + prefix + "2\"}");
        String third = tokenFor("{\"kind\": \"CSAT\", \"ticketId\": \"" + prefix + "3\"}");

        read(first).statusCode(200);
        answer(first, "{\"score\": 5}").statusCode(201);
        read(second).statusCode(200);
        // The burst is spent: a token comes back every 10 s.
        answer(second, "{\"score\": 5}").statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("([1-9]|10)"))
                .body("type", equalTo("urn:supportpulse:problem:rate-limited"));
        // GraphQL operations count against the same allowance, one per operation.
        given().contentType(ContentType.JSON)
                .body(Map.of("query",
                        "mutation { submitSurveyResponse(token: \"" + third + "\", score: 4) { score } }"))
                .post("/graphql").then().statusCode(200).body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("RATE_LIMITED"));
        assertEquals(1, tables.responsesForTickets(prefix));

        // Trusted calls still work while the public allowance is spent.
        tokenFor("{\"kind\": \"CSAT\", \"ticketId\": \"" + prefix + "4\"}");
    }
}

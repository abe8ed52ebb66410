package dev.supportpulse.metrics.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;

/**
 * Kept responses with security on: served again only for the token string whose request was verified and allowed, never
 * for another token, a token without the role, or a document that checked no token.
 */
@QuarkusTest
@TestProfile(CachedResponsesSecurityTest.SecurityOnSharedWatermark.class)
class CachedResponsesSecurityTest {

    public static class SecurityOnSharedWatermark implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("supportpulse.metrics.security.enabled", "true", "supportpulse.metrics.watermark-max-age",
                    "300ms");
        }
    }

    private static final String QUERY = "{ metric(metric: TICKETS_CREATED, range: {from: \"2026-03-02T00:00:00Z\","
            + " to: \"2026-03-03T00:00:00Z\"}) { total { sampleSize } } }";
    private static final Pattern HITS = Pattern
            .compile("supportpulse_metrics_responses_total\\{cache=\"hit\"[^}]*} ([0-9.E]+)");

    @Test
    void aKeptAnswerIsServedOnlyToTheTokenItWasComputedFor() throws Exception {
        String dana = token("dana", Set.of(AccessGuard.READER));
        double before = hits();
        for (int i = 0; i < 50 && hits() == before; i++) {
            ask(dana, QUERY).body("errors", nullValue());
            Thread.sleep(20);
        }
        assertTrue(hits() > before, "no answer was served again");

        // Another reader's token is another key: computed, not served from Dana's.
        double served = hits();
        ask(token("erik", Set.of(AccessGuard.READER)), QUERY).body("errors", nullValue());
        assertEquals(served, hits());
        // A token without the role is refused every time, never answered from what readers got.
        String clerk = token("clerk", Set.of("billing-clerk"));
        for (int i = 0; i < 10; i++) {
            ask(clerk, QUERY).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        }
        assertEquals(served, hits());
    }

    @Test
    void aDocumentThatCheckedNoTokenIsNotKept() throws Exception {
        String dana = token("dana", Set.of(AccessGuard.READER));
        double before = hits();
        for (int i = 0; i < 20; i++) {
            ask(dana, "{ __typename }").body("data.__typename", equalTo("Query"));
            Thread.sleep(20);
        }
        assertEquals(before, hits());
    }

    private static ValidatableResponse ask(String token, String document) {
        return given().contentType("application/json").header("Authorization", "Bearer " + token)
                .body(Map.of("query", document)).post("/graphql").then().statusCode(200);
    }

    private static String token(String user, Set<String> groups) {
        return Jwt.issuer("https://supportpulse.test").upn(user + "@example.com").groups(groups)
                .expiresIn(Duration.ofMinutes(5)).sign();
    }

    private static double hits() {
        Matcher hits = HITS.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        assertTrue(hits.find(), "no response cache meter");
        return Double.parseDouble(hits.group(1));
    }
}

package dev.supportpulse.metrics.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;

/** With security on, as outside dev mode: a verified JWT with the reader role is needed to read metrics. */
@QuarkusTest
@TestProfile(SecurityTest.SecurityOn.class)
class SecurityTest {

    public static class SecurityOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("supportpulse.metrics.security.enabled", "true");
        }
    }

    private static final String ISSUER = "https://supportpulse.test";
    private static final String QUERY = "{ metric(metric: TICKETS_CREATED, range: {from: \"2026-03-02T00:00:00Z\","
            + " to: \"2026-03-03T00:00:00Z\"}) { total { sampleSize } } }";

    private static ValidatableResponse ask(String token) {
        return send(token).statusCode(200);
    }

    private static ValidatableResponse send(String token) {
        return send(QUERY, token);
    }

    private static ValidatableResponse send(String document, String token) {
        var request = given().contentType("application/json").body(Map.of("query", document));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.post("/graphql").then();
    }

    /** A token that is there but does not verify is refused by Quarkus's HTTP authentication, before GraphQL. */
    private static void rejectedToken(String token) {
        send(token).statusCode(401).header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
    }

    private static String token(Set<String> groups) {
        return Jwt.issuer(ISSUER).upn("dana@example.com").groups(groups).expiresIn(Duration.ofMinutes(5)).sign();
    }

    private static void refused(ValidatableResponse response, String code) {
        response.body("data", nullValue()).body("errors", hasSize(1)).body("errors[0].extensions.code", equalTo(code));
    }

    @Test
    void readersAndAdminsMayRead() {
        ask(token(Set.of(AccessGuard.READER))).body("errors", nullValue()).body("data.metric.total.sampleSize",
                notNullValue());
        ask(token(Set.of(AccessGuard.ADMIN))).body("errors", nullValue());
    }

    @Test
    void withoutATokenTheAnswerIsUnauthenticatedAndABadTokenIsRefused() throws Exception {
        refused(ask(null), "UNAUTHENTICATED");
        rejectedToken("not-a-jwt");
        // Signed with another key.
        var otherKey = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        rejectedToken(Jwt.issuer(ISSUER).upn("eve").groups(AccessGuard.READER).sign(otherKey));
        // Another issuer.
        rejectedToken(Jwt.issuer("https://elsewhere.example").upn("eve").groups(AccessGuard.READER).sign());
        // Expired.
        rejectedToken(Jwt.issuer(ISSUER).upn("dana").groups(AccessGuard.READER)
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign());
    }

    @Test
    void onlyAdminsChangeSlaPolicies() {
        String mutation = "mutation { updateSlaPolicy(priority: \"urgent\", firstResponseSeconds: 3600,"
                + " resolutionSeconds: 14400) { priority } }";
        refused(given().contentType("application/json").body(Map.of("query", mutation))
                .header("Authorization", "Bearer " + token(Set.of(AccessGuard.READER))).post("/graphql").then()
                .statusCode(200), "FORBIDDEN");
        given().contentType("application/json").body(Map.of("query", mutation))
                .header("Authorization", "Bearer " + token(Set.of(AccessGuard.ADMIN))).post("/graphql").then()
                .statusCode(200).body("errors", nullValue()).body("data.updateSlaPolicy.priority", equalTo("urgent"));
    }

    @Test
    void aValidTokenWithoutTheRoleIsForbidden() {
        refused(ask(token(Set.of("billing-clerk"))), "FORBIDDEN");
    }

    @Test
    void everyQueryFieldIsGuarded() {
        String range = "range: {from: \"2026-03-02T00:00:00Z\", to: \"2026-03-03T00:00:00Z\"}";
        for (String document : List.of("{ metricCatalog { metric } }",
                "{ metrics(metrics: [TICKETS_CREATED], " + range + ") { total { value } } }",
                "{ leaderboard(rankBy: TICKETS_RESOLVED, " + range + ") { agent } }",
                "{ ticketLoad(" + range + ") { tickets } }", "{ slaPolicies { priority } }")) {
            refused(send(document, null).statusCode(200), "UNAUTHENTICATED");
            refused(send(document, token(Set.of("billing-clerk"))).statusCode(200), "FORBIDDEN");
            send(document, token(Set.of(AccessGuard.READER))).statusCode(200).body("errors", nullValue());
        }
    }

}

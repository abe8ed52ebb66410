package dev.supportpulse.survey.api;

import static dev.supportpulse.survey.support.SurveyApi.invitation;
import static dev.supportpulse.survey.support.SurveyApi.invite;
import static dev.supportpulse.survey.support.SurveyApi.ticketPrefix;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.supportpulse.survey.support.SurveyTables;

/** {@code POST /v1/invitations} and {@code GET /v1/invitations/{id}}: creation, idempotency, tokens and bad input. */
@QuarkusTest
class InvitationTest {

    final SurveyTables tables = SurveyTables.current();

    @Test
    void anInvitationGetsAnOpaqueTokenAndAUrlThatCarriesIt() {
        String ticket = ticketPrefix() + "1";
        JsonPath created = invite("""
                {"kind": "CSAT", "ticketId": "%s", "agentId": "agent-A1", "channel": "email", "locale": "sv",
                 "sentAt": "2026-11-01T10:00:00Z"}
                """.formatted(ticket)).statusCode(201).contentType(ContentType.JSON).body("kind", equalTo("CSAT"))
                .body("created", equalTo(true)).body("sentAt", equalTo("2026-11-01T10:00:00Z"))
                // Default expiry: 30 days after sending.
                .body("expiresAt", equalTo("2026-12-01T10:00:00Z")).body("token", matchesPattern("[A-Za-z0-9_-]{43}"))
                .extract().jsonPath();
        String token = created.getString("token");
        assertEquals("http://localhost:8082/demo/?token=" + token, created.getString("url"));
        // The token is random, not derived from anything the invitation holds (values long enough that a random
        // token does not contain them by chance: "A1" did in about 1 run in 100).
        for (String part : List.of(ticket, "CSAT", "agent-A1", created.getString("id"))) {
            assertEquals(-1, token.indexOf(part), "the token must not contain " + part);
        }

        invitation(created.getString("id")).statusCode(200).body("ticketId", equalTo(ticket))
                .body("agentId", equalTo("agent-A1")).body("channel", equalTo("email")).body("locale", equalTo("sv"))
                .body("response", nullValue());
    }

    @Test
    void theSameKindAndTicketReturnsTheExistingInvitationUnchanged() {
        String ticket = ticketPrefix() + "1";
        JsonPath first = invite("{\"kind\": \"NPS\", \"ticketId\": \"" + ticket + "\", \"agentId\": \"A1\"}")
                .statusCode(201).extract().jsonPath();
        invite("{\"kind\": \"NPS\", \"ticketId\": \"" + ticket + "\", \"agentId\": \"A2\"}").statusCode(200)
                .body("created", equalTo(false)).body("id", equalTo(first.getString("id")))
                .body("token", equalTo(first.getString("token")));
        invitation(first.getString("id")).body("agentId", equalTo("A1"));
        // Another kind for the same ticket is another invitation.
        invite("{\"kind\": \"CSAT\", \"ticketId\": \"" + ticket + "\"}").statusCode(201).body("created", equalTo(true));
        assertEquals(2, tables.invitationsForTickets(ticket));
    }

    @Test
    void aBatchCreatesEachInvitationOnceAndAnswersInRequestOrder() {
        String prefix = ticketPrefix();
        invite("{\"kind\": \"CES\", \"ticketId\": \"" + prefix + "old\"}").statusCode(201);
        JsonPath batch = invite("""
                [{"kind": "CES", "ticketId": "%1$sold"},
                 {"kind": "CSAT", "ticketId": "%1$snew"},
                 {"kind": "CSAT", "ticketId": "%1$snew"},
                 {"kind": "NPS"},
                 {"kind": "NPS"}]
                """.formatted(prefix)).statusCode(201).body("$", hasSize(5)).extract().jsonPath();
        assertEquals(List.of(false, true, false, true, true), batch.getList("created"));
        assertEquals(batch.getString("[1].id"), batch.getString("[2].id"), "a repeat within the batch finds the first");
        // Without a ticket there is nothing to be the same as: two invitations.
        assertNotEquals(batch.getString("[3].id"), batch.getString("[4].id"));
        assertEquals(2, tables.invitationsForTickets(prefix));

        // Every token differs.
        Set<String> tokens = new HashSet<>(batch.getList("token"));
        assertEquals(4, tokens.size());
    }

    @Test
    void aBatchOfOnlyExistingInvitationsIsAnswered200() {
        String ticket = ticketPrefix() + "1";
        invite("[{\"kind\": \"CSAT\", \"ticketId\": \"" + ticket + "\"}]").statusCode(201);
        invite("[{\"kind\": \"CSAT\", \"ticketId\": \"" + ticket + "\"}]").statusCode(200).body("[0].created",
                equalTo(false));
    }

    @Test
    void aBatchWithOneBadInvitationNamesEveryErrorAndCreatesNothing() {
        String prefix = ticketPrefix();
        invite("""
                [{"kind": "CSAT", "ticketId": "%1$sok"},
                 {"kind": "SMILEY", "ticketId": "%1$sbad-kind"},
                 {"ticketId": "%1$sno-kind"},
                 {"kind": "NPS", "ticketId": 42},
                 {"kind": "NPS", "ticketId": "%1$sexpiry", "sentAt": "2026-11-02T00:00:00Z", "expiresAt": "2026-11-01T00:00:00Z"},
                 {"kind": "NPS", "ticketId": "%1$stime", "sentAt": "yesterday"},
                 {"kind": "NPS", "ticketId": "%1$sextra", "colour": "red"},
                 {"kind": "NPS", "ticketId": "%1$slocale", "locale": "<script>"},
                 "not an object",
                 {"kind": "NPS", "ticketId": "%1$snul\\u0000"},
                 {"kind": "NPS", "ticketId": "%1$sminutes", "sentAt": "2026-11-01T09:00+01:00"}]
                """
                .formatted(prefix)).statusCode(400).contentType("application/problem+json")
                        .body("type", equalTo("urn:supportpulse:problem:invalid-request"))
                        .body("detail", containsString("nothing was stored")).body("errors", hasSize(10))
                        .body("errors.find { it.index == 1 }.field", equalTo("kind"))
                        .body("errors.find { it.index == 1 }.message", containsString("'SMILEY' is not a survey kind"))
                        .body("errors.find { it.index == 2 }.message", equalTo("is required."))
                        .body("errors.find { it.index == 3 }.message", equalTo("must be a string, not the number 42."))
                        .body("errors.find { it.index == 4 }.field", equalTo("expiresAt"))
                        .body("errors.find { it.index == 5 }.field", equalTo("sentAt"))
                        .body("errors.find { it.index == 6 }.field", equalTo("colour"))
                        .body("errors.find { it.index == 7 }.field", equalTo("locale"))
                        .body("errors.find { it.index == 8 }.message", equalTo("must be a JSON object."))
                        // PostgreSQL cannot store U+0000; RFC 3339 needs the seconds.
                        .body("errors.find { it.index == 9 }.field", equalTo("ticketId"))
                        .body("errors.find { it.index == 9 }.message", containsString("NUL"))
                        .body("errors.find { it.index == 10 }.field", equalTo("sentAt"));
        assertEquals(0, tables.invitationsForTickets(prefix));
    }

    @Test
    void malformedAndMisdeclaredBodiesAreRefusedClearly() {
        invite("{\"kind\": \"CSAT\",").statusCode(400).contentType("application/problem+json").body("detail",
                containsString("not valid JSON"));
        invite("[]").statusCode(400).body("detail", containsString("empty"));
        invite("\"CSAT\"").statusCode(400).body("detail", containsString("JSON object or an array"));
        given().header("Authorization", "Bearer test-key").contentType(ContentType.TEXT).body("kind=CSAT")
                .post("/v1/invitations").then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void batchesAndBodiesOverTheLimitsAre413() {
        long before = tables.allInvitations();
        String item = "{\"kind\": \"NPS\"},";
        String tooMany = "[" + item.repeat(1001) + "{\"kind\": \"NPS\"}]";
        invite(tooMany).statusCode(413).contentType("application/problem+json").body("maxItems", equalTo(1000));
        String tooBig = "[{\"kind\": \"NPS\", \"agentId\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}]";
        invite(tooBig).statusCode(413).body("maxBytes", equalTo(4 * 1024 * 1024));
        assertEquals(before, tables.allInvitations());
    }

    @Test
    void withoutAValidApiKeyNothingIsCreated() {
        String ticket = ticketPrefix() + "1";
        String body = "{\"kind\": \"CSAT\", \"ticketId\": \"" + ticket + "\"}";
        given().contentType(ContentType.JSON).body(body).post("/v1/invitations").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer").contentType("application/problem+json");
        given().header("Authorization", "Bearer wrong").contentType(ContentType.JSON).body(body).post("/v1/invitations")
                .then().statusCode(401);
        given().header("Authorization", "Basic dGVzdC1rZXk=").contentType(ContentType.JSON).body(body)
                .post("/v1/invitations").then().statusCode(401);
        assertEquals(0, tables.invitationsForTickets(ticket));
        // Both configured keys work, so a key can be rotated without downtime.
        given().header("Authorization", "Bearer rotated-key").contentType(ContentType.JSON).body(body)
                .post("/v1/invitations").then().statusCode(201);
        given().get("/v1/invitations/{id}", "00000000-0000-0000-0000-000000000000").then().statusCode(401);
    }

    @Test
    void aHelpdeskWebhookSignedWithAWebhookSecretCreatesInvitations() throws Exception {
        String ticket = ticketPrefix() + "1";
        String body = "{\"kind\": \"CSAT\", \"ticketId\": \"" + ticket + "\"}";
        // Signed with another secret, or a signature of another body: refused, nothing created.
        given().header("X-Signature", sign("other-secret", body)).contentType(ContentType.JSON).body(body)
                .post("/v1/invitations").then().statusCode(401);
        given().header("X-Signature", sign("test-secret", body + " ")).contentType(ContentType.JSON).body(body)
                .post("/v1/invitations").then().statusCode(401);
        given().header("X-Signature", "sha256=not-hex").contentType(ContentType.JSON).body(body).post("/v1/invitations")
                .then().statusCode(401);
        assertEquals(0, tables.invitationsForTickets(ticket));
        given().header("X-Signature", sign("test-secret", body)).contentType(ContentType.JSON).body(body)
                .post("/v1/invitations").then().statusCode(201).body("ticketId", equalTo(ticket));
        assertEquals(1, tables.invitationsForTickets(ticket));
        // Reading an invitation back stays an API-key call: a signature covers a body, and a GET has none.
        given().header("X-Signature", sign("test-secret", ""))
                .get("/v1/invitations/{id}", "00000000-0000-0000-0000-000000000000").then().statusCode(401);
    }

    /** {@code sha256=<hex HMAC-SHA256 of the body>}, as a signed webhook sends it. */
    private static String sign(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readingAnUnknownInvitationIs404() {
        invitation("00000000-0000-0000-0000-000000000000").statusCode(404).contentType("application/problem+json")
                .body("type", endsWith("invitation-not-found"));
        invitation("not-a-uuid").statusCode(404).body("detail", containsString("not-a-uuid"));
    }

    @Test
    void theOpenApiDocumentListsTheEndpoints() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("paths.keySet()", hasItem("/v1/invitations"))
                .body("paths.keySet()", hasItem("/v1/surveys/{token}/responses"))
                .body("paths.keySet()", not(hasItem("/graphql")));
    }
}

package dev.supportpulse.survey.api;

import static dev.supportpulse.survey.support.SurveyApi.importResponses;
import static dev.supportpulse.survey.support.SurveyApi.invitation;
import static dev.supportpulse.survey.support.SurveyApi.invite;
import static dev.supportpulse.survey.support.SurveyApi.read;
import static dev.supportpulse.survey.support.SurveyApi.ticketPrefix;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.supportpulse.survey.support.SurveyTables;

/** {@code POST /v1/responses/import}: history keeps its times, is validated like live answers, and is idempotent. */
@QuarkusTest
class ImportTest {

    final SurveyTables tables = SurveyTables.current();

    private static String history(String prefix) {
        return """
                [{"kind": "CSAT", "ticketId": "%1$s1", "agentId": "A1", "channel": "chat", "region": "EU",
                  "sentAt": "2025-03-01T09:00:00Z", "submittedAt": "2025-03-01T10:30:00+01:00", "score": 5,
                  "comment": "Old tool said thanks"},
                 {"kind": "NPS", "ticketId": "%1$s1", "sentAt": "2025-03-02T09:00:00Z",
                  "submittedAt": "2025-03-04T10:00:00Z", "score": 0},
                 {"kind": "CES", "ticketId": "%1$s2", "sentAt": "2025-04-01T09:00:00Z",
                  "submittedAt": "2025-04-01T09:05:00Z", "score": 7}]
                """.formatted(prefix);
    }

    @Test
    void importedAnswersKeepTheirOriginalTimesAndDimensions() {
        String prefix = ticketPrefix();
        importResponses(history(prefix)).statusCode(200).contentType(ContentType.JSON).body("received", equalTo(3))
                .body("imported", equalTo(3)).body("duplicates", equalTo(0));
        assertEquals(3, tables.responsesForTickets(prefix));

        // The import made invitations; asking for one returns it, with the answer's original times.
        String id = invite("{\"kind\": \"CSAT\", \"ticketId\": \"" + prefix + "1\"}").statusCode(200)
                .body("created", equalTo(false)).extract().path("id");
        invitation(id).body("sentAt", equalTo("2025-03-01T09:00:00Z")).body("agentId", equalTo("A1"))
                .body("channel", equalTo("chat")).body("region", equalTo("EU")).body("response.score", equalTo(5))
                .body("response.submittedAt", equalTo("2025-03-01T09:30:00Z"))
                .body("response.source", equalTo("import")).body("response.comment", equalTo("Old tool said thanks"));
    }

    @Test
    void importingTheSameHistoryTwiceStoresNothingTwice() {
        String prefix = ticketPrefix();
        importResponses(history(prefix)).statusCode(200).body("imported", equalTo(3));
        importResponses(history(prefix)).statusCode(200).body("imported", equalTo(0)).body("duplicates", equalTo(3));
        assertEquals(3, tables.invitationsForTickets(prefix));
        assertEquals(3, tables.responsesForTickets(prefix));
    }

    @Test
    void aTicketAnsweredLiveIsNotAnsweredAgainByAnImport() {
        String prefix = ticketPrefix();
        String token = invite("{\"kind\": \"CSAT\", \"ticketId\": \"" + prefix + "1\"}").extract().path("token");
        given().contentType(ContentType.JSON).body("{\"score\": 2}").post("/v1/surveys/{t}/responses", token).then()
                .statusCode(201);
        importResponses(history(prefix)).statusCode(200).body("imported", equalTo(2)).body("duplicates", equalTo(1));
        read(token).body("answered", equalTo(true));
        String id = invite("{\"kind\": \"CSAT\", \"ticketId\": \"" + prefix + "1\"}").extract().path("id");
        invitation(id).body("response.score", equalTo(2));
    }

    @Test
    void anAnswerForAnOpenInvitationMustFallWhileThatWasOpen() {
        // A live CSAT invitation sent 03-10, expired 03-11 unanswered: an imported CSAT answer of that ticket goes to
        // it, so it is held to the same window as a live answer.
        String prefix = ticketPrefix();
        invite("{\"kind\": \"CSAT\", \"ticketId\": \"" + prefix + "1\", \"sentAt\": \"2026-03-10T00:00:00Z\","
                + " \"expiresAt\": \"2026-03-11T00:00:00Z\"}").statusCode(201);
        importResponses("""
                [{"kind": "NPS", "ticketId": "%1$s2", "sentAt": "2026-01-01T09:00:00Z",
                  "submittedAt": "2026-01-01T10:00:00Z", "score": 9},
                 {"kind": "CSAT", "ticketId": "%1$s1", "sentAt": "2026-01-01T09:00:00Z",
                  "submittedAt": "2026-01-02T10:00:00Z", "score": 5}]
                """.formatted(prefix)).statusCode(400).body("errors", hasSize(1)).body("errors[0].index", equalTo(1))
                .body("errors[0].field", equalTo("submittedAt"))
                .body("errors[0].message", containsString("before the existing CSAT invitation"));
        importResponses("""
                {"kind": "CSAT", "ticketId": "%1$s1", "sentAt": "2026-03-10T00:00:00Z",
                 "submittedAt": "2026-03-12T10:00:00Z", "score": 5}
                """.formatted(prefix)).statusCode(400).body("errors[0].message", containsString("expired"));
        // The whole batch was refused: no NPS invitation, no answer.
        assertEquals(1, tables.invitationsForTickets(prefix));
        assertEquals(0, tables.responsesForTickets(prefix));

        importResponses("""
                [{"kind": "CSAT", "ticketId": "%1$s1", "sentAt": "2026-03-10T00:00:00Z",
                  "submittedAt": "2026-03-10T12:00:00Z", "score": 4}]
                """.formatted(prefix)).statusCode(200).body("imported", equalTo(1));
        assertEquals(1, tables.responsesForTickets(prefix));
    }

    @Test
    void anInvalidHistoryIsRefusedWholeWithEveryErrorNamed() {
        String prefix = ticketPrefix();
        importResponses("""
                [{"kind": "CSAT", "ticketId": "%1$s1", "sentAt": "2025-03-01T09:00:00Z",
                  "submittedAt": "2025-03-01T10:00:00Z", "score": 5},
                 {"kind": "CSAT", "ticketId": "%1$s2", "sentAt": "2025-03-01T09:00:00Z",
                  "submittedAt": "2025-03-01T10:00:00Z", "score": 6},
                 {"kind": "NPS", "sentAt": "2025-03-01T09:00:00Z", "submittedAt": "2025-03-01T10:00:00Z", "score": 5},
                 {"kind": "NPS", "ticketId": "%1$s3", "sentAt": "2025-03-02T09:00:00Z",
                  "submittedAt": "2025-03-01T10:00:00Z", "score": 5},
                 {"kind": "NPS", "ticketId": "%1$s4", "sentAt": "2025-03-02T09:00:00Z", "score": 5},
                 {"kind": "CES", "ticketId": "%1$s5", "sentAt": "2025-03-02T09:00:00Z",
                  "submittedAt": "2999-03-01T10:00:00Z", "score": 5},
                 {"kind": "CES", "ticketId": "%1$s6", "sentAt": "2025-03-02T09:00:00Z",
                  "submittedAt": "2025-03-03T10:00:00Z", "score": "5", "comment": "%2$s"}]
                """.formatted(prefix, "y".repeat(2001))).statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(7)).body("errors.find { it.index == 1 }.field", equalTo("score"))
                .body("errors.find { it.index == 2 }.field", equalTo("ticketId"))
                .body("errors.find { it.index == 3 }.message", containsString("before sentAt"))
                .body("errors.find { it.index == 4 }.field", equalTo("submittedAt"))
                .body("errors.find { it.index == 5 }.message", containsString("future"))
                .body("errors.findAll { it.index == 6 }.field", org.hamcrest.Matchers.hasItems("score", "comment"));
        assertEquals(0, tables.invitationsForTickets(prefix));
    }

    @Test
    void importNeedsAnApiKey() {
        String prefix = ticketPrefix();
        given().contentType(ContentType.JSON).body(history(prefix)).post("/v1/responses/import").then().statusCode(401);
        assertEquals(0, tables.invitationsForTickets(prefix));
    }
}

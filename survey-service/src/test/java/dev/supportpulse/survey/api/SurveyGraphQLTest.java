package dev.supportpulse.survey.api;

import static dev.supportpulse.survey.support.SurveyApi.invitation;
import static dev.supportpulse.survey.support.SurveyApi.invite;
import static dev.supportpulse.survey.support.SurveyApi.ticketPrefix;
import static dev.supportpulse.survey.support.SurveyApi.tokenFor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dev.supportpulse.survey.support.SurveyTables;

/** {@code submitSurveyResponse} and {@code survey} in GraphQL: the REST rules, with errors as extensions.code. */
@QuarkusTest
class SurveyGraphQLTest {

    private static final String SUBMIT = """
            mutation($token: String!, $score: Int!, $comment: String) {
              submitSurveyResponse(token: $token, score: $score, comment: $comment) { invitationId kind score submittedAt }
            }
            """;

    final SurveyTables tables = SurveyTables.current();

    static ValidatableResponse graphql(String query, Map<String, Object> variables) {
        return given().contentType(ContentType.JSON).body(Map.of("query", query, "variables", variables))
                .post("/graphql").then().statusCode(200);
    }

    @Test
    void aSurveyIsAnsweredOnceThroughTheMutation() {
        String ticket = ticketPrefix() + "1";
        String id = invite("{\"kind\": \"NPS\", \"ticketId\": \"" + ticket + "\"}").extract().path("id");
        String token = invite("{\"kind\": \"NPS\", \"ticketId\": \"" + ticket + "\"}").extract().path("token");
        graphql(SUBMIT, Map.of("token", token, "score", 9, "comment", "<b>great</b>")).body("errors", nullValue())
                .body("data.submitSurveyResponse.invitationId", equalTo(id))
                .body("data.submitSurveyResponse.score", equalTo(9));
        invitation(id).body("response.source", equalTo("graphql")).body("response.comment", equalTo("<b>great</b>"));

        graphql(SUBMIT, Map.of("token", token, "score", 3)).body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("ALREADY_ANSWERED"))
                .body("errors[0].message", containsString("already been answered"));
        invitation(id).body("response.score", equalTo(9));
    }

    @Test
    void everyRefusalHasItsCode() {
        String prefix = ticketPrefix();
        String csat = tokenFor("{\"kind\": \"CSAT\", \"ticketId\": \"" + prefix + "1\"}");
        graphql(SUBMIT, Map.of("token", csat, "score", 7)).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("from 1 to 5"));
        graphql(SUBMIT, Map.of("token", csat, "score", 4, "comment", "x".repeat(2001)))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        graphql(SUBMIT, Map.of("token", csat, "score", 4, "comment", "a\u0000b"))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("NUL"));
        graphql(SUBMIT, Map.of("token", "no-such-token", "score", 4)).body("errors[0].extensions.code",
                equalTo("NOT_FOUND"));
        String expired = tokenFor(
                """
                        {"kind": "CSAT", "ticketId": "%s2", "sentAt": "2026-01-01T00:00:00Z", "expiresAt": "2026-01-02T00:00:00Z"}
                        """
                        .formatted(prefix));
        graphql(SUBMIT, Map.of("token", expired, "score", 4)).body("errors[0].extensions.code", equalTo("EXPIRED"));
        // A string where an Int belongs is the GraphQL validation's to refuse, as bad input like any other.
        graphql(SUBMIT, Map.of("token", csat, "score", "4"))
                .body("errors[0].extensions.classification", equalTo("ValidationError"))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        assertEquals(0, tables.responsesForTickets(prefix));
    }

    @Test
    void theSurveyQueryReadsTheQuestion() {
        String token = tokenFor("{\"kind\": \"CES\", \"ticketId\": \"" + ticketPrefix() + "1\", \"locale\": \"hr\"}");
        graphql("query($t: String!) { survey(token: $t) { kind question scale { min max } answered locale } }",
                Map.of("t", token)).body("data.survey.kind", equalTo("CES")).body("data.survey.scale.max", equalTo(7))
                        .body("data.survey.locale", equalTo("hr"))
                        .body("data.survey.question", equalTo("Tvrtka mi je olakšala rješavanje mog problema."));
    }
}

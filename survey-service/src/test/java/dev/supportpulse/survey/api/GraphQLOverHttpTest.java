package dev.supportpulse.survey.api;

import static dev.supportpulse.survey.support.SurveyApi.ticketPrefix;
import static dev.supportpulse.survey.support.SurveyApi.tokenFor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.supportpulse.survey.support.SurveyTables;

/**
 * /graphql over real HTTP as the GraphQL-over-HTTP specification asks: the response type follows Accept, request errors
 * are 400 only with application/graphql-response+json, domain errors keep their code and 200, GET reads a survey but
 * never answers one, and browsers of the configured origin may still call it.
 */
@QuarkusTest
class GraphQLOverHttpTest {

    private static final String JSON = "application/json; charset=utf-8";
    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json; charset=utf-8";
    private static final String SURVEY = "query($t: String!) { survey(token: $t) { kind } }";

    @Inject
    SurveyTables tables;

    @Test
    void theResponseTypeFollowsAcceptAndRequestErrorsAre400OnlyWithTheNewType() {
        String token = tokenFor("{\"kind\": \"CSAT\", \"ticketId\": \"" + ticketPrefix() + "1\"}");
        given().contentType("application/json").body(Map.of("query", SURVEY, "variables", Map.of("t", token)))
                .post("/graphql").then().statusCode(200).contentType(JSON).body("data.survey.kind", equalTo("CSAT"));
        given().contentType("application/json").accept("application/graphql-response+json")
                .body(Map.of("query", SURVEY, "variables", Map.of("t", token))).post("/graphql").then().statusCode(200)
                .contentType(GRAPHQL_RESPONSE).body("data.survey.kind", equalTo("CSAT"));

        // A field the type does not have fails validation: 200 for application/json, 400 for the new type; no data.
        String wrong = "{ survey(token: \"" + token + "\") { noSuchField } }";
        given().contentType("application/json").accept("application/json").body(Map.of("query", wrong)).post("/graphql")
                .then().statusCode(200).contentType(JSON).body("$", not(hasKey("data")))
                .body("errors[0].extensions.classification", equalTo("ValidationError"))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        given().contentType("application/json").accept("application/graphql-response+json").body(Map.of("query", wrong))
                .post("/graphql").then().statusCode(400).contentType(GRAPHQL_RESPONSE).body("$", not(hasKey("data")))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        // A document that does not parse likewise.
        given().contentType("application/json").body(Map.of("query", "{ survey(")).post("/graphql").then()
                .statusCode(200).body("$", not(hasKey("data")))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));

        // A domain refusal is a field error: 200 with data, its code kept, with either type.
        given().contentType("application/json").accept("application/graphql-response+json")
                .body(Map.of("query", SURVEY, "variables", Map.of("t", "no-such-token"))).post("/graphql").then()
                .statusCode(200).body("$", hasKey("data")).body("errors[0].extensions.code", equalTo("NOT_FOUND"));

        given().contentType("application/json").accept("text/html").body(Map.of("query", SURVEY)).post("/graphql")
                .then().statusCode(406);
        given().contentType("text/plain").body("{}").post("/graphql").then().statusCode(415);
        given().contentType("application/json").body("{ \"query").post("/graphql").then().statusCode(400);
    }

    @Test
    void getReadsASurveyButCannotAnswerIt() {
        String prefix = ticketPrefix();
        String token = tokenFor("{\"kind\": \"NPS\", \"ticketId\": \"" + prefix + "1\"}");
        given().queryParam("query", SURVEY).queryParam("variables", "{\"t\": \"" + token + "\"}").get("/graphql").then()
                .statusCode(200).contentType(JSON).body("data.survey.kind", equalTo("NPS"));
        given().queryParam("query", "mutation { submitSurveyResponse(token: \"" + token + "\", score: 9) { score } }")
                .get("/graphql").then().statusCode(405).header("Allow", "POST");
        assertEquals(0, tables.responsesForTickets(prefix));
    }

    @Test
    void theConfiguredOriginMayStillCallIt() {
        given().header("Origin", "https://shop.example.com").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").options("/graphql").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://shop.example.com"))
                .header("Access-Control-Allow-Methods", containsString("POST"));
        given().header("Origin", "https://shop.example.com").contentType("application/json")
                .body(Map.of("query", "{ __typename }")).post("/graphql").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://shop.example.com"));
    }
}

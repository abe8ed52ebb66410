package dev.supportpulse.metrics.api;

import static dev.supportpulse.metrics.support.Event.event;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import dev.supportpulse.metrics.support.EventLog;

/**
 * /graphql over real HTTP as the GraphQL-over-HTTP specification asks: the response type follows Accept, request errors
 * are 400 with application/graphql-response+json and 200 with application/json, field errors are 200 with both, and GET
 * runs queries only.
 */
@QuarkusTest
class GraphQLOverHttpTest {

    private static final String JSON = "application/json; charset=utf-8";
    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json; charset=utf-8";
    private static final String RANGE = "range: {from: \"2026-07-01T00:00:00Z\", to: \"2026-07-02T00:00:00Z\"}";
    private static final String TICKETS = "{ metric(metric: TICKETS_CREATED, " + RANGE + ") { total { value } } }";

    @Inject
    EventLog log;

    private static RequestSpecification accepting(String accept) {
        var request = given().contentType("application/json");
        return accept == null ? request : request.accept(accept);
    }

    private static ValidatableResponse post(String accept, Map<String, ?> body) {
        return accepting(accept).body(body).post("/graphql").then();
    }

    @Test
    void aMetricIsAnsweredWithTheTypeTheClientAccepts() {
        log.clear();
        log.appendAndProject(event("ticket.created", "2026-07-01T10:00:00Z").ticket("H1").channel("web"));
        post("application/json", Map.of("query", TICKETS)).statusCode(200).contentType(JSON)
                .body("data.metric.total.value", equalTo(1.0f));
        post("application/graphql-response+json", Map.of("query", TICKETS)).statusCode(200)
                .contentType(GRAPHQL_RESPONSE).body("data.metric.total.value", equalTo(1.0f));
        // No Accept, */* and application/* are application/json; the higher q wins, the more specific on a tie.
        given().contentType("application/json").header("Accept", "").body(Map.of("query", TICKETS)).post("/graphql")
                .then().statusCode(200).contentType(JSON);
        post("*/*", Map.of("query", TICKETS)).statusCode(200).contentType(JSON);
        post("application/*", Map.of("query", TICKETS)).statusCode(200).contentType(JSON);
        post("application/json;q=0.5, application/graphql-response+json", Map.of("query", TICKETS)).statusCode(200)
                .contentType(GRAPHQL_RESPONSE);
        post("*/*, application/graphql-response+json", Map.of("query", TICKETS)).statusCode(200)
                .contentType(GRAPHQL_RESPONSE);
    }

    @Test
    void requestErrorsAre400OnlyWithTheGraphQLResponseType() {
        for (String document : new String[] { "{", "{ noSuchField }" }) {
            // Bad input like any other: extensions.code BAD_USER_INPUT.
            post("application/json", Map.of("query", document)).statusCode(200).contentType(JSON)
                    .body("errors[0].message", notNullValue()).body("$", not(hasKey("data")))
                    .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
            post("application/graphql-response+json", Map.of("query", document)).statusCode(400)
                    .contentType(GRAPHQL_RESPONSE).body("errors[0].message", notNullValue())
                    .body("$", not(hasKey("data"))).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        }
        // Variables that do not coerce are a request error too.
        Map<String, Object> coercion = new java.util.HashMap<>();
        coercion.put("query", "query($id: ID!) { __typename }");
        coercion.put("variables", java.util.Collections.singletonMap("id", null));
        post("application/json", coercion).statusCode(200).body("$", not(hasKey("data")))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        post("application/graphql-response+json", coercion).statusCode(400).body("$", not(hasKey("data")));
    }

    @Test
    void aFieldErrorKeepsItsCodeAnd200() {
        String reversed = "{ metric(metric: TICKETS_CREATED, range: {from: \"2026-07-02T00:00:00Z\","
                + " to: \"2026-07-01T00:00:00Z\"}) { total { value } } }";
        for (String accept : new String[] { "application/json", "application/graphql-response+json" }) {
            post(accept, Map.of("query", reversed)).statusCode(200).body("$", hasKey("data")).body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        }
    }

    @Test
    void whatIsNotAGraphQLRequestIsRefusedBeforeExecution() throws Exception {
        post("text/html", Map.of("query", "{ __typename }")).statusCode(406).contentType(JSON)
                .body("errors[0].extensions.code", equalTo("NOT_ACCEPTABLE"));
        given().body("{\"query\": \"{ __typename }\"}").post("/graphql").then().statusCode(415)
                .body("errors[0].extensions.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        given().contentType("text/plain").body("{\"query\": \"{ __typename }\"}").post("/graphql").then()
                .statusCode(415);
        // rest-assured cannot encode in an unknown charset: the JDK's client sends the bytes.
        assertEquals(415,
                HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/graphql"))
                                .header("Content-Type", "application/json; charset=no-such-charset")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ __typename }\"}")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode());
        accepting("application/graphql-response+json").body("{ \"not JSON").post("/graphql").then().statusCode(400)
                .contentType(GRAPHQL_RESPONSE).body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        accepting("application/json").body("{ \"not JSON").post("/graphql").then().statusCode(400).contentType(JSON);
        accepting(null).post("/graphql").then().statusCode(400);
        post(null, Map.of("notquery", "{ __typename }")).statusCode(400);
        post(null, Map.of("query", 1)).statusCode(400);
        post(null, Map.of("query", "{ __typename }", "operationName", false)).statusCode(400);
        post(null, Map.of("query", "{ __typename }", "variables", "{}")).statusCode(400);
        post(null, Map.of("query", "{ __typename }", "extensions", java.util.List.of())).statusCode(400);
        given().put("/graphql").then().statusCode(405).header("Allow", "GET, POST, OPTIONS");
    }

    @Test
    void getRunsQueriesButNotMutations() {
        log.clear();
        log.appendAndProject(event("ticket.created", "2026-07-01T11:00:00Z").ticket("H2").channel("email"));
        // Parameters are URL-encoded once: '+' and '%' in the document survive.
        given().accept("application/graphql-response+json")
                .queryParam("query", "query Tickets($from: DateTime!) { metric(metric: TICKETS_CREATED, range: "
                        + "{from: $from, to: \"2026-07-02T00:00:00Z\"}) { total { value } } } query Other { __typename }")
                .queryParam("operationName", "Tickets")
                .queryParam("variables", "{\"from\": \"2026-07-01T00:00:00+00:00\"}").get("/graphql").then()
                .statusCode(200).contentType(GRAPHQL_RESPONSE).body("data.metric.total.value", equalTo(1.0f));
        given().queryParam("query", "{ __typename }").get("/graphql").then().statusCode(200).contentType(JSON)
                .body("data.__typename", equalTo("Query"));
        given().queryParam("query",
                "mutation { updateSlaPolicy(priority: \"urgent\", firstResponseSeconds: 300,"
                        + " resolutionSeconds: 3600) { priority } }")
                .get("/graphql").then().statusCode(405).header("Allow", "POST");
        given().get("/graphql").then().statusCode(400);
    }
}

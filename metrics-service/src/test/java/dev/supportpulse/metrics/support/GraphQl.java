package dev.supportpulse.metrics.support;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;

/** Sends GraphQL documents over real HTTP, as a dashboard does. */
public final class GraphQl {

    private GraphQl() {
    }

    public static ValidatableResponse query(String document) {
        // Numbers as doubles, so that values compare with plain double literals and closeTo.
        return given()
                .config(RestAssuredConfig.config()
                        .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)))
                .contentType("application/json").body(Map.of("query", document)).post("/graphql").then()
                .statusCode(200);
    }
}

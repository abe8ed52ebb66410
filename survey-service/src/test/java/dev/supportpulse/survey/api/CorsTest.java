package dev.supportpulse.survey.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Only the configured origins (the test profile's https://shop.example.com) may call from a browser. */
@QuarkusTest
class CorsTest {

    @Test
    void theConfiguredOriginMayPostAnswersFromItsPages() {
        given().header("Origin", "https://shop.example.com").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .options("/v1/surveys/{token}/responses", "x".repeat(43)).then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://shop.example.com"))
                .header("Access-Control-Allow-Methods", containsString("POST"));
        given().header("Origin", "https://shop.example.com").get("/v1/surveys/{token}", "x".repeat(43)).then()
                .statusCode(404).header("Access-Control-Allow-Origin", equalTo("https://shop.example.com"))
                // The widget reads Retry-After on 429 and 503.
                .header("Access-Control-Expose-Headers", containsString("Retry-After"));
    }

    @Test
    void anyOtherOriginIsRefused() {
        given().header("Origin", "https://evil.example.net").header("Access-Control-Request-Method", "POST")
                .options("/v1/surveys/{token}/responses", "x".repeat(43)).then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example.net").contentType("application/json").body("{\"score\": 5}")
                .post("/v1/surveys/{token}/responses", "x".repeat(43)).then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}

package dev.supportpulse.survey.support;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Calls of the survey API as the tests make them: trusted ones with the test profile's API key. */
public final class SurveyApi {

    public static final String API_KEY = "test-key";

    private SurveyApi() {
    }

    /** A ticket-id prefix of its own for one test, so tests never see each other's rows. */
    public static String ticketPrefix() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    public static ValidatableResponse invite(String json) {
        return given().header("Authorization", "Bearer " + API_KEY).contentType(ContentType.JSON).body(json)
                .post("/v1/invitations").then();
    }

    /** Creates one invitation and returns its token. */
    public static String tokenFor(String json) {
        return invite(json).statusCode(201).extract().path("token");
    }

    public static ValidatableResponse answer(String token, String json) {
        return given().contentType(ContentType.JSON).body(json).post("/v1/surveys/{token}/responses", token).then();
    }

    public static ValidatableResponse read(String token) {
        return given().get("/v1/surveys/{token}", token).then();
    }

    public static ValidatableResponse importResponses(String json) {
        return given().header("Authorization", "Bearer " + API_KEY).contentType(ContentType.JSON).body(json)
                .post("/v1/responses/import").then();
    }

    public static ValidatableResponse invitation(String id) {
        return given().header("Authorization", "Bearer " + API_KEY).get("/v1/invitations/{id}", id).then();
    }
}

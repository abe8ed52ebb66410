package dev.supportpulse.survey.api;

import static dev.supportpulse.survey.support.SurveyApi.answer;
import static dev.supportpulse.survey.support.SurveyApi.ticketPrefix;
import static dev.supportpulse.survey.support.SurveyApi.tokenFor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.supportpulse.testing.TestDatabase;

/** What operators and embedding pages rely on: health, meters, the widget script and the demo page. */
@QuarkusTest
class OperationsTest {

    @Test
    void databaseSessionsAreNamedForTheService() {
        // A request that reads the database leaves a session of the service's pool open; a DBA tells the services'
        // sessions apart in pg_stat_activity by their name.
        given().get("/q/health/ready").then().statusCode(200);
        assertTrue(TestDatabase.sessionsNamed("supportpulse-survey") > 0,
                "no database session named supportpulse-survey");
    }

    @Test
    void healthIsUpWithTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")).body("checks[0].name",
                equalTo("survey store (PostgreSQL)"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void storedAnswersAndRefusalsAreCountedForPrometheus() {
        String token = tokenFor("{\"kind\": \"CSAT\", \"ticketId\": \"" + ticketPrefix() + "1\"}");
        answer(token, "{\"score\": 5}").statusCode(201);
        answer(token, "{\"score\": 5}").statusCode(409);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("supportpulse_survey_responses_stored_total{source=\"rest\"}"))
                .body(containsString("supportpulse_survey_requests_rejected_total{problem=\"already-answered\"}"))
                .body(containsString("supportpulse_survey_invitations_created_total"));
    }

    @Test
    void theWidgetScriptIsServedSmallAndStandalone() {
        String script = given().get("/widget.js").then().statusCode(200).contentType(containsString("javascript"))
                .extract().asString();
        org.hamcrest.MatcherAssert.assertThat(script.length(), lessThan(12 * 1024));
        // No external script, font or style: everything it needs is in the one file.
        org.hamcrest.MatcherAssert.assertThat(script, org.hamcrest.Matchers.not(containsString("@import")));
        org.hamcrest.MatcherAssert.assertThat(script, org.hamcrest.Matchers.not(containsString("fonts.g")));
        given().get("/demo/").then().statusCode(200).contentType(containsString("html"))
                .body(containsString("widget.js"));
    }
}

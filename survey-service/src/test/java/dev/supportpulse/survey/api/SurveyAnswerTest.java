package dev.supportpulse.survey.api;

import static dev.supportpulse.survey.support.SurveyApi.answer;
import static dev.supportpulse.survey.support.SurveyApi.invitation;
import static dev.supportpulse.survey.support.SurveyApi.invite;
import static dev.supportpulse.survey.support.SurveyApi.read;
import static dev.supportpulse.survey.support.SurveyApi.ticketPrefix;
import static dev.supportpulse.survey.support.SurveyApi.tokenFor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.supportpulse.survey.service.Tokens;
import dev.supportpulse.survey.support.SurveyTables;

/** The public survey endpoints: reading a survey in the right language, answering it once, and every refusal. */
@QuarkusTest
class SurveyAnswerTest {

    final SurveyTables tables = SurveyTables.current();

    @Test
    void aSurveyReadsInTheInvitationsLanguageElseTheBrowsersElseEnglish() {
        String prefix = ticketPrefix();
        String swedish = tokenFor("{\"kind\": \"CSAT\", \"ticketId\": \"" + prefix + "sv\", \"locale\": \"sv-SE\"}");
        read(swedish).statusCode(200).body("kind", equalTo("CSAT")).body("locale", equalTo("sv"))
                .body("question", equalTo("Hur nöjd är du med den support du fick?")).body("scale.min", equalTo(1))
                .body("scale.max", equalTo(5)).body("lowLabel", equalTo("Mycket missnöjd"))
                .body("answered", equalTo(false))
                // Nothing about the ticket, agent or customer leaks to the token's holder.
                .body("ticketId", nullValue()).body("id", nullValue());
        // The invitation's language wins over the browser's.
        given().queryParam("locale", "de").get("/v1/surveys/{token}", swedish).then().body("locale", equalTo("sv"));

        String open = tokenFor("{\"kind\": \"NPS\", \"ticketId\": \"" + prefix + "open\"}");
        given().queryParam("locale", "nn-NO").get("/v1/surveys/{token}", open).then().body("locale", equalTo("nb"))
                .body("scale.min", equalTo(0)).body("scale.max", equalTo(10))
                .body("question", containsString("anbefale oss"));
        given().header("Accept-Language", "fr-FR,hr;q=0.8,en;q=0.5").get("/v1/surveys/{token}", open).then()
                .body("locale", equalTo("hr")).body("highLabel", equalTo("Iznimno vjerojatno"));
        given().header("Accept-Language", "fr-FR").get("/v1/surveys/{token}", open).then().body("locale", equalTo("en"))
                .body("question", equalTo("How likely are you to recommend us to a friend or colleague?"));
        String ces = tokenFor("{\"kind\": \"CES\", \"ticketId\": \"" + prefix + "ces\", \"locale\": \"de\"}");
        read(ces).body("scale.max", equalTo(7)).body("highLabel", equalTo("Stimme voll und ganz zu"));
    }

    @Test
    void aSurveyIsAnsweredOnceAndASecondAnswerChangesNothing() {
        String ticket = ticketPrefix() + "1";
        String id = invite("{\"kind\": \"CSAT\", \"ticketId\": \"" + ticket + "\"}").statusCode(201).extract()
                .path("id");
        String token = invitation(id).extract().path("id") == null ? null
                : invite("{\"kind\": \"CSAT\", \"ticketId\": \"" + ticket + "\"}").extract().path("token");
        answer(token, "{\"score\": 4, \"comment\": \"Quick and kind.\"}").statusCode(201).contentType(ContentType.JSON)
                .body("invitationId", equalTo(id)).body("score", equalTo(4)).body("kind", equalTo("CSAT"))
                .body("submittedAt", notNullValue());
        read(token).body("answered", equalTo(true));

        answer(token, "{\"score\": 1, \"comment\": \"Changed my mind\"}").statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("already-answered"));
        invitation(id).body("response.score", equalTo(4)).body("response.comment", equalTo("Quick and kind."))
                .body("response.source", equalTo("rest"));
    }

    @Test
    void concurrentAnswersToOneSurveyStoreExactlyOne() throws Exception {
        String ticket = ticketPrefix() + "1";
        String token = tokenFor("{\"kind\": \"NPS\", \"ticketId\": \"" + ticket + "\"}");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int score = i % 11;
                attempts.add(() -> answer(token, "{\"score\": " + score + "}").extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(attempts)) {
                statuses.add(status.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "statuses: " + statuses);
            assertEquals(15, statuses.stream().filter(s -> s == 409).count(), "statuses: " + statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, tables.responsesForTickets(ticket));
    }

    @Test
    void moreConcurrentAnswersThanPooledConnectionsAreAllStored() throws Exception {
        // 48 customers at once against a pool of 16 connections: an answer must never hold one connection while it
        // waits for another (that deadlocked the pool once, found by the load benchmark).
        String prefix = ticketPrefix();
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 48; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"kind\": \"CSAT\", \"ticketId\": \"").append(prefix).append(i)
                    .append("\"}");
        }
        List<String> tokens = invite(batch.append("]").toString()).statusCode(201).extract().path("token");
        ExecutorService pool = Executors.newFixedThreadPool(48);
        try {
            List<Callable<Integer>> answers = new ArrayList<>();
            for (String token : tokens) {
                answers.add(() -> answer(token, "{\"score\": 5}").extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(answers)) {
                statuses.add(status.get());
            }
            assertEquals(48, statuses.stream().filter(s -> s == 201).count(), "statuses: " + statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(48, tables.responsesForTickets(prefix));
    }

    @Test
    void scoresOffTheKindsScaleAreRefusedAndItsEndsAccepted() {
        String prefix = ticketPrefix();
        record Case(String kind, int score, int status) {
        }
        List<Case> cases = List.of(new Case("CSAT", 0, 400), new Case("CSAT", 6, 400), new Case("CSAT", 1, 201),
                new Case("CSAT", 5, 201), new Case("CES", 0, 400), new Case("CES", 8, 400), new Case("CES", 7, 201),
                new Case("NPS", -1, 400), new Case("NPS", 11, 400), new Case("NPS", 0, 201), new Case("NPS", 10, 201));
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            String token = tokenFor("{\"kind\": \"" + c.kind() + "\", \"ticketId\": \"" + prefix + i + "\"}");
            var response = answer(token, "{\"score\": " + c.score() + "}").statusCode(c.status());
            if (c.status() == 400) {
                response.contentType("application/problem+json").body("errors[0].field", equalTo("score"))
                        .body("errors[0].message", containsString("for a " + c.kind() + " survey"));
                read(token).body("answered", equalTo(false));
            }
        }
        assertEquals(5, tables.responsesForTickets(prefix));
    }

    @Test
    void answersOfTheWrongShapeAreRefusedWithTheFieldNamed() {
        String ticket = ticketPrefix() + "1";
        String token = tokenFor("{\"kind\": \"CSAT\", \"ticketId\": \"" + ticket + "\"}");
        answer(token, "{\"score\": \"4\"}").statusCode(400).body("errors[0].message",
                equalTo("must be a JSON integer, not a string."));
        answer(token, "{\"score\": 4.5}").statusCode(400).body("errors[0].field", equalTo("score"));
        answer(token, "{\"score\": true}").statusCode(400).body("errors[0].field", equalTo("score"));
        answer(token, "{\"score\": 99999999999999999999999}").statusCode(400).body("errors[0].field", equalTo("score"));
        answer(token, "{\"comment\": \"no score\"}").statusCode(400).body("errors[0].message", equalTo("is required."));
        answer(token, "{\"score\": 4, \"comment\": 5}").statusCode(400).body("errors[0].field", equalTo("comment"));
        answer(token, "{\"score\": 4, \"rating\": 5}").statusCode(400).body("errors[0].field", equalTo("rating"));
        answer(token, "[4]").statusCode(400);
        answer(token, "").statusCode(400).body("detail", containsString("empty"));
        answer(token, "{\"score\": 4, \"comment\": \"" + "é".repeat(2001) + "\"}").statusCode(400)
                .body("errors[0].message", equalTo("is longer than 2000 characters."));
        given().contentType(ContentType.TEXT).body("4").post("/v1/surveys/{token}/responses", token).then()
                .statusCode(415);
        // A body far over the public limit is refused before it is read.
        answer(token, "{\"score\": 4, \"comment\": \"" + "x".repeat(64 * 1024) + "\"}").statusCode(413)
                .contentType("application/problem+json").body("maxBytes", equalTo(32 * 1024));
        // PostgreSQL cannot store U+0000: refused as the comment's fault, not a 500 from the insert.
        answer(token, "{\"score\": 4, \"comment\": \"a\\u0000b\"}").statusCode(400)
                .body("errors[0].field", equalTo("comment")).body("errors[0].message", containsString("NUL"));
        // A key given twice, or anything after the JSON value, is not read as one of its readings.
        answer(token, "{\"score\": 1, \"score\": 5}").statusCode(400).body("detail", containsString("Duplicate"));
        answer(token, "{\"score\": 4} junk").statusCode(400).body("detail", containsString("not valid JSON"));
        assertEquals(0, tables.responsesForTickets(ticket));

        // 2,000 characters (not bytes: these are two bytes each in UTF-8) is within the limit.
        answer(token, "{\"score\": 4, \"comment\": \"" + "é".repeat(2000) + "\"}").statusCode(201);
    }

    @Test
    void theLongestCommentFitsTheBodyLimitEvenWithEveryCharacterEscaped() {
        // 2,000 emoji, each sent as a JSON escape of its surrogate pair (12 bytes, as Python's json.dumps writes it):
        // 24,000 bytes of comment, within the public body limit.
        String ticket = ticketPrefix() + "1";
        String token = tokenFor("{\"kind\": \"CSAT\", \"ticketId\": \"" + ticket + "\"}");
        answer(token, "{\"score\": 5, \"comment\": \"" + "\\ud83d\\ude00".repeat(2000) + "\"}").statusCode(201);
        assertEquals(1, tables.responsesForTickets(ticket));
    }

    @Test
    void commentsAreStoredExactlyAsGiven() {
        String ticket = ticketPrefix() + "1";
        String id = invite("{\"kind\": \"CSAT\", \"ticketId\": \"" + ticket + "\"}").extract().path("id");
        String token = invite("{\"kind\": \"CSAT\", \"ticketId\": \"" + ticket + "\"}").extract().path("token");
        String comment = "<script>alert('x')</script> & \"quotes\" – ok 👍\nline two";
        given().contentType(ContentType.JSON).body(java.util.Map.of("score", 2, "comment", comment))
                .post("/v1/surveys/{token}/responses", token).then().statusCode(201);
        assertEquals(comment, tables.commentOf(id));
        invitation(id).body("response.comment", equalTo(comment));
    }

    @Test
    void unknownForgedAndMalformedTokensAre404() {
        String forged = Tokens.next();
        read(forged).statusCode(404).contentType("application/problem+json").body("type", endsWith("survey-not-found"));
        answer(forged, "{\"score\": 4}").statusCode(404);
        read("123").statusCode(404);
        read("../../v1/invitations").statusCode(404);
        // A real token with one character changed is as unknown as a random one.
        String real = tokenFor("{\"kind\": \"CSAT\", \"ticketId\": \"" + ticketPrefix() + "1\"}");
        String altered = (real.charAt(0) == 'A' ? "B" : "A") + real.substring(1);
        read(altered).statusCode(404);
    }

    @Test
    void anExpiredSurveyIs410ForReadingAndAnswering() {
        String ticket = ticketPrefix() + "1";
        String token = tokenFor(
                """
                        {"kind": "CSAT", "ticketId": "%s", "sentAt": "2026-01-01T00:00:00Z", "expiresAt": "2026-01-31T00:00:00Z"}
                        """
                        .formatted(ticket));
        read(token).statusCode(410).contentType("application/problem+json").body("type", endsWith("survey-expired"))
                .body("detail", containsString("2026-01-31T00:00Z"));
        answer(token, "{\"score\": 5}").statusCode(410);
        assertEquals(0, tables.responsesForTickets(ticket));
    }
}

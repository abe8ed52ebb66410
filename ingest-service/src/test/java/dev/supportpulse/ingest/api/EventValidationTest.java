package dev.supportpulse.ingest.api;

import static dev.supportpulse.ingest.api.EventIngestionTest.post;
import static dev.supportpulse.ingest.support.TestEvent.batch;
import static dev.supportpulse.ingest.support.TestEvent.event;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

import dev.supportpulse.ingest.support.EventTable;
import dev.supportpulse.ingest.support.TestEvent;

/** Every kind of bad input gets a specific problem+json answer, and nothing of the batch is stored. */
@QuarkusTest
class EventValidationTest {

    private static final String INVALID = "urn:supportpulse:problem:invalid-events";

    final EventTable table = EventTable.current();

    @BeforeEach
    void emptyLog() {
        table.clear();
    }

    @AfterEach
    void nothingWasStored() {
        assertEquals(0, table.count(), "a rejected request must store nothing");
    }

    private static ValidatableResponse rejected(ValidatableResponse response, int status, String type) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("urn:supportpulse:problem:" + type)).body("status", equalTo(status))
                .body("title", org.hamcrest.Matchers.notNullValue());
    }

    /** Posts one event and expects exactly one error, on {@code field}, with a message containing {@code words}. */
    private static void expectSingleError(TestEvent event, String field, String words) {
        rejected(post(event.json()), 400, "invalid-events").body("errors", hasSize(1))
                .body("errors[0].index", equalTo(0)).body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(words));
    }

    @Test
    void missingEnvelopeFieldsAreNamed() {
        expectSingleError(event("e", "ticket.created").channel("email"), "ticketId", "is required for ticket.created");
        expectSingleError(event("e", "ticket.created").ticket("T1"), "channel", "is required");
        expectSingleError(event("e", "ticket.assigned").ticket("T1"), "agentId", "is required");
        expectSingleError(event("e", "contact.queued").channel("phone"), "contactId", "is required");
        expectSingleError(event("e", "customer.churned"), "customerId", "is required");
        expectSingleError(event("e", "social.engagement").attr("kind", "like"), "channel", "is required");
        expectSingleError(event(null, "ticket.resolved").ticket("T1"), "id", "is required");
        expectSingleError(event("e", null).ticket("T1"), "type", "is required");
        expectSingleError(event("e", "ticket.resolved").ticket("T1").at(null), "occurredAt", "is required");
    }

    @Test
    void missingRequiredAttributesAreNamed() {
        expectSingleError(event("e", "ticket.work_logged").ticket("T1").agent("A1"), "attributes.seconds",
                "is required for ticket.work_logged");
        expectSingleError(event("e", "kb.article_viewed").attr("articleId", "KB1"), "attributes.visitorId",
                "is required");
        expectSingleError(event("e", "qa.review").ticket("T1").agent("A1"), "attributes.score", "is required");
        expectSingleError(event("e", "ticket.updated").ticket("T1"), "attributes", "at least one of");
    }

    @Test
    void wrongTypesAreNamedWithWhatWasSent() {
        expectSingleError(event("e", "ticket.created").ticket("T1").channel("email").field("region", 7), "region",
                "must be a string, not a number");
        expectSingleError(event("e", "ticket.resolved").field("ticketId", List.of("T1")), "ticketId",
                "must be a string, not an array");
        expectSingleError(event("e", "ticket.resolved").ticket("T1").field("attributes", "x"), "attributes",
                "must be a JSON object, not a string");
        expectSingleError(event("e", "ticket.agent_replied").ticket("T1").agent("A1").attr("public", "no"),
                "attributes.public", "must be true or false, not a string");
        expectSingleError(event("e", "ticket.work_logged").ticket("T1").agent("A1").attr("seconds", 0),
                "attributes.seconds", "must be an integer ≥ 1, not 0");
        expectSingleError(event("e", "ticket.work_logged").ticket("T1").agent("A1").attr("seconds", 1.5),
                "attributes.seconds", "must be an integer");
        expectSingleError(event("e", "contact.ended").contact("K1").agent("A1").attr("talkSeconds", -1),
                "attributes.talkSeconds", "must be an integer ≥ 0");
        expectSingleError(event("e", "qa.review").ticket("T1").agent("A1").attr("score", 101), "attributes.score",
                "must be a number from 0 to 100");
        expectSingleError(event("e", "customer.revenue").customer("C1").attr("amount", -5).attr("currency", "EUR"),
                "attributes.amount", "must be a number ≥ 0");
    }

    @Test
    void unknownEnumValuesAreRejectedWithTheAllowedOnes() {
        expectSingleError(event("e", "ticket.created").ticket("T1").channel("email").attr("priority", "critical"),
                "attributes.priority", "must be one of high, low, normal, urgent, not \"critical\"");
        expectSingleError(event("e", "kb.article_voted").attr("articleId", "KB1").attr("vote", "meh"),
                "attributes.vote", "must be one of down, up");
        expectSingleError(event("e", "bot.conversation").attr("conversationId", "B1").attr("outcome", "happy"),
                "attributes.outcome", "must be one of abandoned, escalated, resolved");
        expectSingleError(event("e", "customer.revenue").customer("C1").attr("amount", 5).attr("currency", "XYZ"),
                "attributes.currency", "ISO 4217");
        expectSingleError(event("e", "social.engagement").channel("email").attr("kind", "like"), "channel",
                "must be 'social' for social.engagement");
        expectSingleError(event("e", "ticket.created").ticket("T1").channel("Email"), "channel", "must be lower-case");
    }

    @Test
    void anUnknownTypeListsTheKnownOnes() {
        expectSingleError(event("e", "ticket.deleted").ticket("T1"), "type",
                "'ticket.deleted' is not an event type; known types: ticket.created,");
    }

    @Test
    void badTimestampsAreRejected() {
        // ISO 8601 forms that RFC 3339 does not allow: no seconds, an hour-only or colon-less offset, seconds in the
        // offset, a space for the T, more than nine fraction digits.
        for (String bad : List.of("2026-03-01T10:00:00", "2026-03-01", "yesterday", "2026-13-01T10:00:00Z",
                "1710000000", "2026-03-02T09:00Z", "2026-03-02T09:00+01", "2026-03-02T09:00:00+01",
                "2026-03-02T09:00:00+0100", "2026-03-02T09:00:00+01:00:30", "2026-03-02 09:00:00Z",
                "2026-03-02T09:00:00.1234567891Z")) {
            expectSingleError(event("e", "ticket.resolved").ticket("T1").at(bad), "occurredAt",
                    "must be an RFC 3339 timestamp with an offset");
        }
        expectSingleError(event("e", "ticket.resolved").ticket("T1").field("occurredAt", 1710000000), "occurredAt",
                "must be a string, not a number");
    }

    @Test
    void badDatesAndAReversedCostPeriodAreRejected() {
        TestEvent cost = event("e", "cost.recorded").attr("category", "assisted").attr("amount", 100)
                .attr("currency", "EUR").attr("periodStart", "2026-03-31");
        expectSingleError(cost.attr("periodEnd", "2026-03-01"), "attributes.periodEnd",
                "must not be before periodStart");
        expectSingleError(cost.attr("periodEnd", "31/03/2026"), "attributes.periodEnd", "must be a date");
    }

    @Test
    void unknownEnvelopeFieldsAreRejectedButUnknownAttributesAreKept() {
        expectSingleError(event("e", "ticket.resolved").ticket("T1").field("resolvedBy", "A1"), "resolvedBy",
                "is not an envelope field");
    }

    @Test
    void theNulCharacterIsRejectedWhereverItIs() {
        // PostgreSQL's text and jsonb cannot hold U+0000: without this check the insert failed with a 500.
        expectSingleError(event("e", "ticket.resolved").ticket("T\u00001"), "ticketId", "NUL character");
        expectSingleError(event("e", "ticket.customer_replied").ticket("T1").attr("text", "a\u0000b"),
                "attributes.text", "NUL character");
        expectSingleError(event("e", "ticket.customer_replied").ticket("T1").attr("thread",
                Map.of("lines", List.of("ok", "b\u0000"))), "attributes.thread.lines[1]", "NUL character");
        expectSingleError(event("e", "ticket.customer_replied").ticket("T1").attr("k\u0000", "v"), "attributes",
                "key with the NUL character");
    }

    @Test
    void overlongIdsAreRejected() {
        expectSingleError(event("x".repeat(129), "ticket.resolved").ticket("T1"), "id", "1 to 128 characters");
        expectSingleError(event("", "ticket.resolved").ticket("T1"), "id", "1 to 128 characters");
    }

    @Test
    void aBadEventInTheMiddleOfAGoodBatchRejectsTheWholeBatchAndNamesEveryBadEvent() {
        rejected(post(batch(event("ok-0", "ticket.created").ticket("T1").channel("email"),
                event("bad-1", "ticket.assigned").ticket("T1"), event("ok-2", "ticket.resolved").ticket("T1"),
                event("bad-3", "ticket.nope").ticket("T1").at("soon"))), 400, "invalid-events")
                        .body("detail", containsString("3 errors")).body("errors", hasSize(3))
                        .body("errors[0].index", equalTo(1)).body("errors[0].field", equalTo("agentId"))
                        .body("errors[1].index", equalTo(3)).body("errors[1].field", equalTo("type"))
                        .body("errors[2].index", equalTo(3)).body("errors[2].field", equalTo("occurredAt"));
    }

    @Test
    void aBatchElementThatIsNotAnObjectIsNamed() {
        rejected(post("[" + event("ok", "ticket.resolved").ticket("T1").json() + ", 42, \"x\"]"), 400, "invalid-events")
                .body("errors", hasSize(2)).body("errors[0].index", equalTo(1)).body("errors[0].field", nullValue())
                .body("errors[0].message", containsString("must be a JSON object"));
    }

    @Test
    void emptyAndMalformedBodiesAreRejected() {
        rejected(post(""), 400, "malformed-body").body("detail", containsString("The body is empty"));
        rejected(post("   \n"), 400, "malformed-body").body("detail", containsString("The body is empty"));
        rejected(post("[]"), 400, "malformed-body").body("detail", containsString("holds no events"));
        rejected(post("{\"id\": \"e\", "), 400, "malformed-body").body("detail", containsString("not valid JSON"));
        rejected(post("[{\"id\":\"a\"}] trailing"), 400, "malformed-body").body("detail",
                containsString("not valid JSON"));
        rejected(post("\"just a string\""), 400, "malformed-body").body("detail",
                containsString("one event object or an array"));
        rejected(post("{\"id\":\"a\",\"id\":\"b\",\"type\":\"ticket.resolved\"}"), 400, "malformed-body").body("detail",
                containsString("Duplicate field 'id'"));
    }

    @Test
    void malformedNdjsonLinesAreNamedByIndexAndLine() {
        String body = event("n0", "ticket.resolved").ticket("T1").json() + "\n\n{not json}\n"
                + event("n2", "ticket.resolved").json() + "\n";
        rejected(post(body, "application/x-ndjson"), 400, "invalid-events").body("errors", hasSize(2))
                .body("errors[0].index", equalTo(1)).body("errors[0].line", equalTo(3))
                .body("errors[0].message", containsString("is not valid JSON")).body("errors[1].index", equalTo(2))
                .body("errors[1].line", equalTo(4)).body("errors[1].field", equalTo("ticketId"));
        rejected(post("\n\n", "application/x-ndjson"), 400, "malformed-body");
    }

    @Test
    void otherContentTypesAreUnsupported() {
        rejected(post(event("e", "ticket.resolved").ticket("T1").json(), "text/plain"), 415, "unsupported-media-type")
                .body("detail", containsString("application/x-ndjson"));
        rejected(given().header("Authorization", "Bearer test-key").body("{}".getBytes(StandardCharsets.UTF_8))
                .post("/v1/events").then(), 415, "unsupported-media-type");
    }

    @Test
    void aBatchOverTheEventLimitIsTooLarge() {
        // The test profile allows 200 events per request.
        List<TestEvent> events = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            events.add(event("big-" + i, "ticket.resolved").ticket("T" + i));
        }
        rejected(post(batch(events.toArray(TestEvent[]::new))), 413, "payload-too-large").body("detail",
                containsString("more than 200 events"));
        StringBuilder ndjson = new StringBuilder();
        events.forEach(e -> ndjson.append(e.json()).append('\n'));
        rejected(post(ndjson.toString(), "application/x-ndjson"), 413, "payload-too-large");
        // Exactly at the limit is fine (and is then stored; the check below runs after this test).
        post(batch(events.subList(0, 200).toArray(TestEvent[]::new))).statusCode(202).body("accepted", equalTo(200));
        table.clear();
    }

    @Test
    void aBodyOverTheSizeLimitIsTooLargeWhetherItAnnouncesItsLengthOrNot() throws Exception {
        // The test profile allows 256 KiB; one event with a 300 KB reply text is over it.
        String huge = event("huge", "ticket.customer_replied").ticket("T1").attr("text", "x".repeat(300_000)).json();
        rejected(post(huge), 413, "payload-too-large").body("detail", containsString("262144 bytes"));

        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/v1/events"))
                .header("Authorization", "Bearer test-key").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers
                        .ofInputStream(() -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, answer.statusCode());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void theErrorListIsCappedButCountsEveryError() {
        List<TestEvent> events = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            events.add(event("e" + i, "ticket.resolved"));
        }
        // 150 events without ticketId: 100 listed (the configured cap), 50 counted.
        rejected(post(batch(events.toArray(TestEvent[]::new))), 400, "invalid-events").body("errors", hasSize(100))
                .body("unlistedErrors", equalTo(50)).body("detail", containsString("150 errors"));
    }
}

package dev.supportpulse.ingest.api;

import static dev.supportpulse.ingest.support.TestEvent.batch;
import static dev.supportpulse.ingest.support.TestEvent.event;
import static dev.supportpulse.ingest.support.TestEvent.ndjson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import dev.supportpulse.ingest.model.EventType;
import dev.supportpulse.ingest.support.EventTable;
import dev.supportpulse.ingest.support.TestEvent;
import dev.supportpulse.ingest.support.ValidEvents;

@QuarkusTest
class EventIngestionTest {

    final EventTable table = EventTable.current();

    @BeforeEach
    void emptyLog() {
        table.clear();
    }

    static ValidatableResponse post(String body, String contentType) {
        return given().header("Authorization", "Bearer test-key").contentType(contentType)
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/v1/events").then();
    }

    static ValidatableResponse post(String jsonBody) {
        return post(jsonBody, "application/json");
    }

    @Test
    void everyEventTypeIsAcceptedAndStored() {
        Map<String, TestEvent> examples = ValidEvents.oneOfEachType();
        assertEquals(EventType.wireNames(), List.copyOf(examples.keySet()), "one example per type of events.md");

        post(batch(examples.values().toArray(TestEvent[]::new))).statusCode(202).body("accepted", equalTo(27))
                .body("duplicates", equalTo(0));

        assertEquals(27, table.count());
        for (TestEvent example : examples.values()) {
            assertEquals(1, table.countWithId((String) example.toMap().get("id")));
        }
    }

    @Test
    void aSingleEventObjectIsOneEvent() {
        post(event("single", "ticket.created").ticket("T9").channel("chat").json()).statusCode(202)
                .body("accepted", equalTo(1)).body("duplicates", equalTo(0));
        assertEquals(1, table.count());
    }

    @Test
    void rfc3339TimestampsInEveryFormItAllowsAreStoredAsTheirInstant() {
        // Lower-case t and z, a nine-digit fraction, an offset with minutes: all RFC 3339.
        post(batch(event("r1", "ticket.created").ticket("T1").channel("email").at("2026-03-02t09:00:00z"),
                event("r2", "ticket.assigned").ticket("T1").agent("A1").at("2026-03-02T09:00:00.123456789Z"),
                event("r3", "ticket.resolved").ticket("T1").at("2026-03-02T14:30:00+05:30"))).statusCode(202)
                        .body("accepted", equalTo(3));
        assertEquals(Instant.parse("2026-03-02T09:00:00Z"), table.occurredAtOf("r1"));
        // PostgreSQL keeps microseconds; the client cuts the rest off.
        assertEquals(Instant.parse("2026-03-02T09:00:00.123456Z"), table.occurredAtOf("r2"));
        assertEquals(Instant.parse("2026-03-02T09:00:00Z"), table.occurredAtOf("r3"));
    }

    @Test
    void ndjsonBodiesAreOneEventPerLineAndBlankLinesAreIgnored() {
        String body = ndjson(event("n1", "ticket.created").ticket("T1").channel("email"),
                event("n2", "ticket.assigned").ticket("T1").agent("A1")) + "\n  \n"
                + event("n3", "ticket.resolved").ticket("T1").json();
        post(body, "application/x-ndjson").statusCode(202).body("accepted", equalTo(3));
        assertEquals(3, table.count());
    }

    @Test
    void storedEventKeepsTheEnvelopeAndTheAttributesAsSent() {
        post(event("kept", "ticket.created").at("2026-03-01T10:30:00+01:00").ticket("T1").channel("email")
                .customer("C1").region("EU").team("billing").attr("priority", "high")
                .attr("amount", new BigDecimal("12.50")).attr("vendorField", Map.of("nested", List.of(1, 2))).json())
                        .statusCode(202);

        given().header("Authorization", "Bearer test-key").get("/v1/events/kept").then().statusCode(200)
                .body("id", equalTo("kept")).body("type", equalTo("ticket.created"))
                // 10:30 at +01:00 is 09:30 UTC; the instant is what counts.
                .body("occurredAt", equalTo("2026-03-01T09:30:00Z")).body("ticketId", equalTo("T1"))
                .body("channel", equalTo("email")).body("region", equalTo("EU")).body("teamId", equalTo("billing"))
                .body("customerId", equalTo("C1")).body("attributes.priority", equalTo("high"))
                .body("attributes.vendorField.nested", equalTo(List.of(1, 2))).body("sequence", equalTo(1));
        // Decimals are stored exactly as sent, not through a double.
        assertEquals("{\"amount\": 12.50, \"priority\": \"high\", \"vendorField\": {\"nested\": [1, 2]}}",
                table.attributesOf("kept"));
    }

    @Test
    void unknownEventIdIsNotFound() {
        given().header("Authorization", "Bearer test-key").get("/v1/events/nope").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:supportpulse:problem:event-not-found"));
    }

    @Test
    void duplicatesInsideOneBatchAreStoredOnceAndTheFirstVersionWins() {
        post(batch(event("dup", "ticket.created").ticket("FIRST").channel("email"),
                event("other", "ticket.created").ticket("T2").channel("email"),
                event("dup", "ticket.created").ticket("SECOND").channel("email"))).statusCode(202)
                        .body("accepted", equalTo(2)).body("duplicates", equalTo(1));

        assertEquals(2, table.count());
        given().header("Authorization", "Bearer test-key").get("/v1/events/dup").then().body("ticketId",
                equalTo("FIRST"));
    }

    @Test
    void aResentBatchIsANoOpCountedAsDuplicates() {
        String body = batch(event("r1", "ticket.created").ticket("T1").channel("email"),
                event("r2", "ticket.assigned").ticket("T1").agent("A1"));
        post(body).statusCode(202).body("accepted", equalTo(2)).body("duplicates", equalTo(0));
        post(body).statusCode(202).body("accepted", equalTo(0)).body("duplicates", equalTo(2));
        // A later, different version of r1 does not replace the first.
        post(batch(event("r1", "ticket.created").ticket("CHANGED").channel("chat"),
                event("r3", "ticket.resolved").ticket("T1"))).statusCode(202).body("accepted", equalTo(1))
                        .body("duplicates", equalTo(1));

        assertEquals(3, table.count());
        given().header("Authorization", "Bearer test-key").get("/v1/events/r1").then().body("ticketId", equalTo("T1"))
                .body("channel", equalTo("email"));
    }

    @Test
    void eventsOutOfOrderAreAllStored() {
        // Resolved before created, as late senders do: storage does not judge order, the metrics do.
        post(batch(event("late-3", "ticket.resolved").ticket("T1").at("2026-03-03T10:00:00Z"),
                event("late-1", "ticket.created").ticket("T1").channel("email").at("2026-03-01T10:00:00Z")))
                        .statusCode(202).body("accepted", equalTo(2));
        assertEquals(2, table.count());
    }

    @Test
    void concurrentResendsOfOverlappingBatchesStoreEachEventOnce() throws Exception {
        // 8 senders post 4 overlapping batches (each id in two of them, in different orders), twice each.
        List<String> bodies = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            List<TestEvent> events = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int id = (b * 50 + i) % 200;
                events.add(event("race-" + id, "ticket.created").ticket("T" + id).channel("email"));
            }
            if (b % 2 == 1) {
                java.util.Collections.reverse(events);
            }
            bodies.add(batch(events.toArray(TestEvent[]::new)));
        }
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (String body : bodies) {
                    calls.add(() -> post(body).statusCode(202).extract().path("accepted"));
                }
            }
            int accepted = 0;
            for (Future<Integer> answer : senders.invokeAll(calls)) {
                accepted += answer.get();
            }
            // 200 distinct ids; each must be acknowledged as new exactly once across all answers.
            assertEquals(200, accepted);
            assertEquals(200, table.count());
        } finally {
            senders.shutdownNow();
        }
    }
}

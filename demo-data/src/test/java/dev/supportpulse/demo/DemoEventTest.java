package dev.supportpulse.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

class DemoEventTest {

    private static final Set<String> ENVELOPE = Set.of("id", "type", "occurredAt", "ticketId", "contactId", "agentId",
            "teamId", "customerId", "channel", "region", "attributes");
    /** Decimals kept exact, so that 183.10 read back equals the BigDecimal written. */
    private static final ObjectMapper JACKSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @Test
    void toJsonWritesTheEnvelopeInOrderAndLeavesOutNulls() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("public", true);
        attributes.put("text", "Say \"hi\"\n\tthen C:\\tmp – ça va");
        DemoEvent reply = new DemoEvent("demo-1-7", "ticket.agent_replied",
                OffsetDateTime.of(2026, 3, 1, 10, 15, 30, 0, ZoneOffset.UTC), "T-0000001", null, "agent-001",
                "team-billing", null, null, null, attributes);
        assertEquals(
                "{\"id\":\"demo-1-7\",\"type\":\"ticket.agent_replied\",\"occurredAt\":\"2026-03-01T10:15:30Z\","
                        + "\"ticketId\":\"T-0000001\",\"agentId\":\"agent-001\",\"teamId\":\"team-billing\","
                        + "\"attributes\":{\"public\":true,\"text\":\"Say \\\"hi\\\"\\n\\tthen C:\\\\tmp – ça va\"}}",
                reply.toJson());
    }

    @Test
    void occurredAtAlwaysHasSecondsAndItsOffset() {
        // OffsetDateTime.toString() would write 2026-03-01T10:15+01:00, which RFC 3339 does not allow.
        assertEquals("2026-03-01T10:15:00+01:00",
                event(OffsetDateTime.of(2026, 3, 1, 10, 15, 0, 0, ZoneOffset.ofHours(1))).occurredAtText());
        assertEquals("2026-03-01T00:00:00Z",
                event(OffsetDateTime.of(2026, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC)).occurredAtText());
    }

    @Test
    void eventsWithoutAttributesHaveNoAttributesField() {
        DemoEvent reopened = new DemoEvent("demo-1-1", "ticket.reopened",
                OffsetDateTime.of(2026, 3, 1, 10, 15, 30, 0, ZoneOffset.UTC), "T-1", null, null, null, null, null, null,
                null);
        assertEquals("{\"id\":\"demo-1-1\",\"type\":\"ticket.reopened\",\"occurredAt\":\"2026-03-01T10:15:30Z\","
                + "\"ticketId\":\"T-1\"}", reopened.toJson());
    }

    @Test
    void everyGeneratedEventIsJsonThatAParserReadsBackAsTheSameEvent() throws Exception {
        Iterator<DemoEvent> events = DemoDataGenerator.stream(DemoSettings.of(42, 5000)).iterator();
        while (events.hasNext()) {
            DemoEvent event = events.next();
            JsonNode json = JACKSON.readTree(event.toJson());
            json.fieldNames().forEachRemaining(name -> assertTrue(ENVELOPE.contains(name), name));
            assertEquals(event.id(), json.get("id").textValue());
            assertEquals(event.occurredAt(),
                    OffsetDateTime.parse(json.get("occurredAt").textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            assertEquals(event.ticketId(), text(json, "ticketId"));
            assertEquals(event.agentId(), text(json, "agentId"));
            assertEquals(event.channel(), text(json, "channel"));
            assertEquals(JACKSON.valueToTree(event.attributes()),
                    json.has("attributes") ? json.get("attributes") : JACKSON.createObjectNode(), event.toJson());
        }
    }

    @Test
    void aBatchIsAJsonArrayOfItsEvents() throws Exception {
        List<DemoEvent> batch = DemoDataGenerator.stream(DemoSettings.of(42, 100)).limit(3).toList();
        JsonNode array = JACKSON.readTree(new String(DemoEvent.jsonArray(batch), StandardCharsets.UTF_8));
        assertEquals(3, array.size());
        assertEquals(batch.get(2).id(), array.get(2).get("id").textValue());
    }

    @Test
    void amountsAreWrittenAsPlainDecimals() {
        DemoEvent revenue = new DemoEvent("demo-1-2", "customer.revenue",
                OffsetDateTime.of(2026, 3, 1, 10, 15, 30, 0, ZoneOffset.UTC), null, null, null, null, "customer-000001",
                null, null, Map.of("amount", new BigDecimal("1E+3")));
        assertTrue(revenue.toJson().contains("\"amount\":1000}"), revenue.toJson());
    }

    private static DemoEvent event(OffsetDateTime at) {
        return new DemoEvent("demo-1-1", "ticket.created", at, "T-1", null, null, null, null, "email", null, null);
    }

    private static String text(JsonNode json, String field) {
        return json.has(field) ? json.get(field).textValue() : null;
    }
}

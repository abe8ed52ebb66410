package dev.supportpulse.ingest.support;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds one event as the JSON a sender would post: {@code event("e1", "ticket.created").ticket("T1")...}. */
public final class TestEvent {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT_TIME = "2026-03-02T09:00:00Z";

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, Object> attributes = new LinkedHashMap<>();

    private TestEvent(String id, String type) {
        fields.put("id", id);
        fields.put("type", type);
        fields.put("occurredAt", DEFAULT_TIME);
    }

    public static TestEvent event(String id, String type) {
        return new TestEvent(id, type);
    }

    public TestEvent at(String occurredAt) {
        return field("occurredAt", occurredAt);
    }

    public TestEvent ticket(String ticketId) {
        return field("ticketId", ticketId);
    }

    public TestEvent contact(String contactId) {
        return field("contactId", contactId);
    }

    public TestEvent agent(String agentId) {
        return field("agentId", agentId);
    }

    public TestEvent team(String teamId) {
        return field("teamId", teamId);
    }

    public TestEvent customer(String customerId) {
        return field("customerId", customerId);
    }

    public TestEvent channel(String channel) {
        return field("channel", channel);
    }

    public TestEvent region(String region) {
        return field("region", region);
    }

    /** Sets any envelope field to any JSON value, also ones the contract forbids; null removes it. */
    public TestEvent field(String name, Object value) {
        if (value == null) {
            fields.remove(name);
        } else {
            fields.put(name, value);
        }
        return this;
    }

    public TestEvent attr(String name, Object value) {
        attributes.put(name, value);
        return this;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>(fields);
        if (!attributes.isEmpty()) {
            map.put("attributes", attributes);
        }
        return map;
    }

    public String json() {
        try {
            return JSON.writeValueAsString(toMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON array of the events, as one batch body. */
    public static String batch(TestEvent... events) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < events.length; i++) {
            body.append(i == 0 ? "" : ",").append(events[i].json());
        }
        return body.append(']').toString();
    }

    /** The events as NDJSON, one per line. */
    public static String ndjson(TestEvent... events) {
        StringBuilder body = new StringBuilder();
        for (TestEvent event : events) {
            body.append(event.json()).append('\n');
        }
        return body.toString();
    }
}

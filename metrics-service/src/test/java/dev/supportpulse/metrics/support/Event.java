package dev.supportpulse.metrics.support;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** One event as ingest-service stores it: {@code event("ticket.created", "2026-03-02T09:00:00Z").ticket("T1")}. */
public final class Event {

    private static int counter;

    final String id;
    final String type;
    final OffsetDateTime occurredAt;
    String ticketId;
    String contactId;
    String agentId;
    String teamId;
    String customerId;
    String channel;
    String region;
    final Map<String, Object> attributes = new LinkedHashMap<>();

    private Event(String type, String occurredAt) {
        this.id = "test-" + (++counter);
        this.type = type;
        this.occurredAt = OffsetDateTime.parse(occurredAt);
    }

    public static Event event(String type, String occurredAt) {
        return new Event(type, occurredAt);
    }

    public Event ticket(String value) {
        ticketId = value;
        return this;
    }

    public Event contact(String value) {
        contactId = value;
        return this;
    }

    public Event agent(String value) {
        agentId = value;
        return this;
    }

    public Event team(String value) {
        teamId = value;
        return this;
    }

    public Event customer(String value) {
        customerId = value;
        return this;
    }

    public Event channel(String value) {
        channel = value;
        return this;
    }

    public Event region(String value) {
        region = value;
        return this;
    }

    public Event attr(String name, Object value) {
        attributes.put(name, value);
        return this;
    }

    String attributesJson() {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(attribute.getKey()).append("\":");
            Object value = attribute.getValue();
            json.append(value instanceof String text ? "\"" + text + "\"" : String.valueOf(value));
        }
        return json.append('}').toString();
    }
}

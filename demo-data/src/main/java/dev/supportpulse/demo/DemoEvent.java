package dev.supportpulse.demo;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One generated event in the envelope of events.md; null fields are left out of its JSON. */
public record DemoEvent(String id, String type, OffsetDateTime occurredAt, String ticketId, String contactId,
        String agentId, String teamId, String customerId, String channel, String region,
        Map<String, Object> attributes) {

    /** RFC 3339 always with seconds: {@code OffsetDateTime.toString()} drops ":00" seconds, which RFC 3339 forbids. */
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    public DemoEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        attributes = attributes == null ? Map.of() : attributes;
    }

    /** {@code occurredAt} as it goes on the wire, e.g. {@code 2026-03-01T10:15:30Z}. */
    public String occurredAtText() {
        return RFC_3339.format(occurredAt);
    }

    /** The event as one compact JSON object, as a sender posts it. */
    public String toJson() {
        StringBuilder json = new StringBuilder(256);
        appendJson(json);
        return json.toString();
    }

    public void appendJson(StringBuilder out) {
        out.append("{\"id\":");
        Json.writeString(out, id);
        out.append(",\"type\":");
        Json.writeString(out, type);
        out.append(",\"occurredAt\":\"").append(occurredAtText()).append('"');
        field(out, "ticketId", ticketId);
        field(out, "contactId", contactId);
        field(out, "agentId", agentId);
        field(out, "teamId", teamId);
        field(out, "customerId", customerId);
        field(out, "channel", channel);
        field(out, "region", region);
        if (!attributes.isEmpty()) {
            out.append(",\"attributes\":");
            Json.writeObject(out, attributes);
        }
        out.append('}');
    }

    /** A batch as the JSON array body of one {@code POST /v1/events}. */
    public static byte[] jsonArray(List<DemoEvent> batch) {
        StringBuilder body = new StringBuilder(batch.size() * 320).append('[');
        for (int i = 0; i < batch.size(); i++) {
            if (i > 0) {
                body.append(',');
            }
            batch.get(i).appendJson(body);
        }
        return body.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append(",\"").append(name).append("\":");
            Json.writeString(out, value);
        }
    }
}

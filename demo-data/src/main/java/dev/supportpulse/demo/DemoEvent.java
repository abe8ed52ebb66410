package dev.supportpulse.demo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One generated event in the envelope of events.md; null fields are left out of its JSON. */
public record DemoEvent(String id, String type, Instant occurredAt, String ticketId, String contactId, String agentId,
        String teamId, String customerId, String channel, String region, Map<String, Object> attributes) {

    /** The event as one compact JSON object, as a sender posts it. */
    public String toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("type", type);
        fields.put("occurredAt", occurredAt.toString());
        fields.put("ticketId", ticketId);
        fields.put("contactId", contactId);
        fields.put("agentId", agentId);
        fields.put("teamId", teamId);
        fields.put("customerId", customerId);
        fields.put("channel", channel);
        fields.put("region", region);
        if (!attributes.isEmpty()) {
            fields.put("attributes", attributes);
        }
        StringBuilder json = new StringBuilder(256);
        Json.writeObject(json, fields);
        return json.toString();
    }
}

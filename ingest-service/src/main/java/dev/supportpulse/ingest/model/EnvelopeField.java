package dev.supportpulse.ingest.model;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The fields of the event envelope (events.md); any other top-level field is rejected. */
public enum EnvelopeField {
    ID("id"), TYPE("type"), OCCURRED_AT("occurredAt"), TICKET_ID("ticketId"), CONTACT_ID("contactId"),
    AGENT_ID("agentId"), TEAM_ID("teamId"), CUSTOMER_ID("customerId"), CHANNEL("channel"), REGION("region"),
    ATTRIBUTES("attributes");

    private static final Map<String, EnvelopeField> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EnvelopeField::jsonName, Function.identity()));

    private final String jsonName;

    EnvelopeField(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    /** The field of that JSON name, or null when the envelope has no such field. */
    public static EnvelopeField byJsonName(String name) {
        return BY_NAME.get(name);
    }
}

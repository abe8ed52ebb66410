package dev.supportpulse.ingest.service;

import static dev.supportpulse.ingest.model.EnvelopeField.AGENT_ID;
import static dev.supportpulse.ingest.model.EnvelopeField.ATTRIBUTES;
import static dev.supportpulse.ingest.model.EnvelopeField.CHANNEL;
import static dev.supportpulse.ingest.model.EnvelopeField.CONTACT_ID;
import static dev.supportpulse.ingest.model.EnvelopeField.CUSTOMER_ID;
import static dev.supportpulse.ingest.model.EnvelopeField.ID;
import static dev.supportpulse.ingest.model.EnvelopeField.OCCURRED_AT;
import static dev.supportpulse.ingest.model.EnvelopeField.REGION;
import static dev.supportpulse.ingest.model.EnvelopeField.TEAM_ID;
import static dev.supportpulse.ingest.model.EnvelopeField.TICKET_ID;
import static dev.supportpulse.ingest.model.EnvelopeField.TYPE;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.MissingNode;

import dev.supportpulse.ingest.dto.Violation;
import dev.supportpulse.ingest.model.AttributeRule;
import dev.supportpulse.ingest.model.EnvelopeField;
import dev.supportpulse.ingest.model.EventType;
import dev.supportpulse.ingest.model.IncomingEvent;
import dev.supportpulse.ingest.service.EventBatchParser.RawEvent;
import dev.supportpulse.support.Rfc3339;
import dev.supportpulse.support.StoredText;

/** Checks one event against the contract of events.md and turns it into an {@link IncomingEvent}. */
@ApplicationScoped
public class EventValidator {

    /** Longest accepted value of {@code id} and of the other identifiers in the envelope (events.md: 1..128). */
    static final int MAX_ID_LENGTH = 128;

    private static final Map<JsonNodeType, String> KINDS = Map.of(JsonNodeType.STRING, "a string", JsonNodeType.NUMBER,
            "a number", JsonNodeType.BOOLEAN, "a boolean", JsonNodeType.ARRAY, "an array", JsonNodeType.OBJECT,
            "an object", JsonNodeType.NULL, "null");

    /** Collects the violations of one event, each naming the event by index (and NDJSON line). */
    private record Errors(RawEvent event, List<Violation> sink) {
        void add(String field, String message) {
            sink.add(new Violation(event.index(), event.line(), field, message));
        }
    }

    /**
     * Validates one event, adding every violation found to {@code violations}.
     *
     * @return the event ready to store, or null when it has any violation
     */
    public IncomingEvent validate(RawEvent raw, List<Violation> violations) {
        Errors errors = new Errors(raw, violations);
        if (raw.parseError() != null) {
            errors.add(null, "The line " + raw.parseError() + ".");
            return null;
        }
        JsonNode json = raw.json();
        if (json == null || !json.isObject()) {
            errors.add(null, "An event must be a JSON object.");
            return null;
        }
        int before = violations.size();
        rejectUnknownFields(json, errors);

        String id = identifier(json, ID, true, errors);
        EventType type = eventType(json, errors);
        OffsetDateTime occurredAt = timestamp(json, errors);
        boolean typeKnown = type != null;
        String ticketId = identifier(json, TICKET_ID, typeKnown && type.requiredFields().contains(TICKET_ID), errors);
        String contactId = identifier(json, CONTACT_ID, typeKnown && type.requiredFields().contains(CONTACT_ID),
                errors);
        String agentId = identifier(json, AGENT_ID, typeKnown && type.requiredFields().contains(AGENT_ID), errors);
        String teamId = identifier(json, TEAM_ID, false, errors);
        String customerId = identifier(json, CUSTOMER_ID, typeKnown && type.requiredFields().contains(CUSTOMER_ID),
                errors);
        String channel = channel(json, typeKnown && type.requiredFields().contains(CHANNEL), errors);
        String region = identifier(json, REGION, false, errors);
        if (typeKnown && type.requiredChannel() != null && channel != null && !type.requiredChannel().equals(channel)) {
            errors.add(CHANNEL.jsonName(), "must be '" + type.requiredChannel() + "' for " + type.wireName() + ".");
        }
        JsonNode attributes = attributes(json, errors);
        if (attributes != null) {
            rejectNul(attributes, ATTRIBUTES.jsonName(), errors);
        }
        boolean attributesMalformed = attributes == null && json.hasNonNull(ATTRIBUTES.jsonName());
        if (typeKnown && !attributesMalformed) {
            // An event without attributes still owes its type's required ones.
            checkAttributes(type, attributes == null ? MissingNode.getInstance() : attributes, errors);
        }
        if (violations.size() > before) {
            return null;
        }
        return new IncomingEvent(id, type.wireName(), occurredAt, ticketId, contactId, agentId, teamId, customerId,
                channel, region, attributes == null ? "{}" : attributes.toString());
    }

    private static void rejectUnknownFields(JsonNode json, Errors errors) {
        for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (EnvelopeField.byJsonName(name) == null) {
                errors.add(name, "is not an envelope field; type-specific data belongs in 'attributes'.");
            }
        }
    }

    /** An optional or required string field; JSON null counts as absent. */
    private static String identifier(JsonNode json, EnvelopeField field, boolean required, Errors errors) {
        JsonNode node = json.get(field.jsonName());
        if (node == null || node.isNull()) {
            if (required) {
                errors.add(field.jsonName(), "is required" + requiredFor(json) + ".");
            }
            return null;
        }
        if (!node.isTextual()) {
            errors.add(field.jsonName(), "must be a string, not " + kindOf(node) + ".");
            return null;
        }
        String value = node.textValue();
        if (value.isEmpty() || value.length() > MAX_ID_LENGTH) {
            errors.add(field.jsonName(), "must be 1 to " + MAX_ID_LENGTH + " characters long.");
            return null;
        }
        if (StoredText.holdsNul(value)) {
            errors.add(field.jsonName(), StoredText.NUL_MESSAGE);
            return null;
        }
        return value;
    }

    /** Adds an error for the first key or string value, at any depth, that holds U+0000. */
    private static boolean rejectNul(JsonNode node, String path, Errors errors) {
        if (node.isTextual() && StoredText.holdsNul(node.textValue())) {
            errors.add(path, StoredText.NUL_MESSAGE);
            return true;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                String fieldPath = path + "." + field.getKey();
                if (StoredText.holdsNul(field.getKey())) {
                    errors.add(path, "must not have a key with the NUL character (U+0000).");
                    return true;
                }
                if (rejectNul(field.getValue(), fieldPath, errors)) {
                    return true;
                }
            }
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (rejectNul(node.get(i), path + "[" + i + "]", errors)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String requiredFor(JsonNode json) {
        JsonNode type = json.get(TYPE.jsonName());
        return type != null && type.isTextual() ? " for " + type.textValue() : "";
    }

    private static String channel(JsonNode json, boolean required, Errors errors) {
        String channel = identifier(json, CHANNEL, required, errors);
        if (channel != null && !channel.equals(channel.toLowerCase(Locale.ROOT))) {
            errors.add(CHANNEL.jsonName(), "must be lower-case (for example 'email', 'chat', 'phone').");
            return null;
        }
        return channel;
    }

    private static EventType eventType(JsonNode json, Errors errors) {
        String name = identifier(json, TYPE, true, errors);
        if (name == null) {
            return null;
        }
        EventType type = EventType.byWireName(name);
        if (type == null) {
            errors.add(TYPE.jsonName(), "'" + name + "' is not an event type; known types: "
                    + String.join(", ", EventType.wireNames()) + ".");
        }
        return type;
    }

    private static OffsetDateTime timestamp(JsonNode json, Errors errors) {
        String text = identifier(json, OCCURRED_AT, true, errors);
        if (text == null) {
            return null;
        }
        OffsetDateTime value = Rfc3339.parse(text);
        if (value == null) {
            errors.add(OCCURRED_AT.jsonName(),
                    "must be an RFC 3339 timestamp with an offset, such as 2026-03-01T09:30:00Z or "
                            + "2026-03-01T10:30:00+01:00; got '" + text + "'.");
            return null;
        }
        if (value.getYear() < 1 || value.getYear() > 9999) {
            errors.add(OCCURRED_AT.jsonName(), "must be a year between 0001 and 9999.");
            return null;
        }
        return value;
    }

    private static JsonNode attributes(JsonNode json, Errors errors) {
        JsonNode node = json.get(ATTRIBUTES.jsonName());
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            errors.add(ATTRIBUTES.jsonName(), "must be a JSON object, not " + kindOf(node) + ".");
            return null;
        }
        return node;
    }

    private static void checkAttributes(EventType type, JsonNode attributes, Errors errors) {
        for (AttributeRule rule : type.attributes()) {
            JsonNode value = attributes.get(rule.name());
            String field = ATTRIBUTES.jsonName() + "." + rule.name();
            if (value == null || value.isNull()) {
                if (rule.required()) {
                    errors.add(field, "is required for " + type.wireName() + ".");
                }
                continue;
            }
            String problem = problemWith(rule, value);
            if (problem != null) {
                errors.add(field, problem);
            }
        }
        if (type == EventType.TICKET_UPDATED
                && EventType.UPDATED_DIMENSIONS.stream().noneMatch(name -> attributes.hasNonNull(name))) {
            errors.add(ATTRIBUTES.jsonName(), "must carry at least one of "
                    + String.join(", ", EventType.UPDATED_DIMENSIONS) + " for ticket.updated.");
        }
        if (type == EventType.COST_RECORDED) {
            checkCostPeriod(attributes, errors);
        }
    }

    /** Why a present, non-null attribute value breaks its rule, or null when it is fine. */
    private static String problemWith(AttributeRule rule, JsonNode value) {
        return switch (rule.kind()) {
        case TEXT -> value.isTextual() ? null : "must be a string, not " + kindOf(value) + ".";
        case CHANNEL -> !value.isTextual() ? "must be a string, not " + kindOf(value) + "."
                : value.textValue().equals(value.textValue().toLowerCase(Locale.ROOT)) && !value.textValue().isEmpty()
                        ? null : "must be a non-empty lower-case string.";
        case BOOLEAN -> value.isBoolean() ? null : "must be true or false, not " + kindOf(value) + ".";
        case INTEGER -> value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= rule.minimum()
                ? null : "must be an integer ≥ " + (long) rule.minimum() + ", not " + value + ".";
        case DECIMAL -> value.isNumber() && value.doubleValue() >= rule.minimum()
                && value.doubleValue() <= rule.maximum() ? null
                        : "must be a number " + range(rule) + ", not " + value + ".";
        case ENUM -> value.isTextual() && rule.allowed().contains(value.textValue()) ? null : "must be one of "
                + String.join(", ", rule.allowed().stream().sorted().toList()) + ", not " + value + ".";
        case DATE -> value.isTextual() && parseDate(value.textValue()) != null ? null
                : "must be a date such as 2026-03-31, not " + value + ".";
        case CURRENCY -> value.isTextual() && isCurrency(value.textValue()) ? null
                : "must be an ISO 4217 currency code such as EUR, not " + value + ".";
        };
    }

    private static void checkCostPeriod(JsonNode attributes, Errors errors) {
        LocalDate start = parseDate(attributes.path("periodStart").asText(null));
        LocalDate end = parseDate(attributes.path("periodEnd").asText(null));
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(ATTRIBUTES.jsonName() + ".periodEnd", "must not be before periodStart (it is inclusive).");
        }
    }

    private static String range(AttributeRule rule) {
        return rule.maximum() == Double.MAX_VALUE ? "≥ " + format(rule.minimum())
                : "from " + format(rule.minimum()) + " to " + format(rule.maximum());
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }

    private static LocalDate parseDate(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isCurrency(String code) {
        if (!code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String kindOf(JsonNode node) {
        return KINDS.getOrDefault(node.getNodeType(), "a " + node.getNodeType().name().toLowerCase(Locale.ROOT));
    }
}

package dev.supportpulse.ingest.model;

import java.time.OffsetDateTime;

/**
 * An event that passed validation, ready to be stored; {@code attributesJson} is the attributes object as JSON text.
 */
public record IncomingEvent(String id, String type, OffsetDateTime occurredAt, String ticketId, String contactId,
        String agentId, String teamId, String customerId, String channel, String region, String attributesJson) {
}

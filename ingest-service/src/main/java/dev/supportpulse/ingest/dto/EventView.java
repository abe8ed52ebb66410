package dev.supportpulse.ingest.dto;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A stored event as the API shows it: the envelope as sent, plus where it stands in the log and when it arrived. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record EventView(String id, String type, OffsetDateTime occurredAt, String ticketId, String contactId,
        String agentId, String teamId, String customerId, String channel, String region, Map<String, Object> attributes,
        long sequence, OffsetDateTime receivedAt) {
}

package dev.supportpulse.survey.dto;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An invitation as its creator gets it back: where to send the customer ({@code url}) and whether this request created
 * it or found it already there ({@code created} false: the same kind and ticket was invited before).
 */
@RegisterForReflection
public record InvitationView(UUID id, String token, String url, String kind, String ticketId, OffsetDateTime sentAt,
        OffsetDateTime expiresAt, boolean created) {
}

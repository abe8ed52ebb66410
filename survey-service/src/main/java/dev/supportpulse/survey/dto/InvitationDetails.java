package dev.supportpulse.survey.dto;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An invitation with everything it was created with and its response, if it has one (trusted callers only). */
@RegisterForReflection
public record InvitationDetails(UUID id, String kind, String ticketId, String customerId, String agentId, String teamId,
        String channel, String region, String locale, OffsetDateTime sentAt, OffsetDateTime expiresAt,
        ResponseView response) {

    /** The answer as given; {@code source} is rest, graphql or import. */
    @RegisterForReflection
    public record ResponseView(int score, String comment, OffsetDateTime submittedAt, String source) {
    }
}

package dev.supportpulse.survey.model;

import java.time.OffsetDateTime;

/** A validated invitation to create; the dimensions are optional (null), the times are settled. */
public record NewInvitation(SurveyKind kind, String ticketId, String customerId, String agentId, String teamId,
        String channel, String region, String locale, OffsetDateTime sentAt, OffsetDateTime expiresAt) {
}

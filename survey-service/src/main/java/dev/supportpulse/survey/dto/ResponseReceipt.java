package dev.supportpulse.survey.dto;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Confirms a stored answer. */
@RegisterForReflection
public record ResponseReceipt(UUID invitationId, String kind, int score, OffsetDateTime submittedAt) {
}

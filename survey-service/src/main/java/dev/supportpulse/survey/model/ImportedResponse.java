package dev.supportpulse.survey.model;

import java.time.OffsetDateTime;

/** A past answer brought from another tool: its invitation (with the original sentAt) and its response. */
public record ImportedResponse(NewInvitation invitation, int score, String comment, OffsetDateTime submittedAt) {
}

package dev.supportpulse.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One survey invitation sent after a demo ticket's resolution, with the customer's answer if there is one, in the
 * shapes of surveys.md: answered ones go to {@code POST /v1/responses/import} (a past answer with its original times),
 * the others to {@code POST /v1/invitations} (still open, or expired unanswered).
 *
 * @param kind
 *            {@code CSAT}, {@code CES} or {@code NPS}
 * @param submittedAt
 *            when the customer answered; null, as are score and comment, for an unanswered invitation
 */
public record DemoSurvey(String kind, String ticketId, String customerId, String agentId, String teamId, String channel,
        String region, String locale, Instant sentAt, Instant submittedAt, Integer score, String comment) {

    /** How long an invitation can be answered: survey-service's default, given explicitly for the historical ones. */
    public static final Duration ANSWERABLE_FOR = Duration.ofDays(30);

    public DemoSurvey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(sentAt, "sentAt");
        if ((submittedAt == null) != (score == null)) {
            throw new IllegalArgumentException("an answer has both a time and a score: " + submittedAt + ", " + score);
        }
    }

    public boolean answered() {
        return submittedAt != null;
    }

    public Instant expiresAt() {
        return sentAt.plus(ANSWERABLE_FOR);
    }

    /** The item of an import batch: the invitation's fields with the answer. */
    public void appendResponseJson(StringBuilder out) {
        if (!answered()) {
            throw new IllegalStateException("an unanswered invitation is not a response: " + ticketId);
        }
        Map<String, Object> fields = invitationFields();
        fields.put("submittedAt", submittedAt.toString());
        fields.put("score", score);
        fields.put("comment", comment);
        Json.writeObject(out, fields);
    }

    /** The item of an invitation batch, with its historical sentAt and an expiresAt 30 days later. */
    public void appendInvitationJson(StringBuilder out) {
        Map<String, Object> fields = invitationFields();
        fields.put("expiresAt", expiresAt().toString());
        Json.writeObject(out, fields);
    }

    private Map<String, Object> invitationFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", kind);
        fields.put("ticketId", ticketId);
        fields.put("customerId", customerId);
        fields.put("agentId", agentId);
        fields.put("teamId", teamId);
        fields.put("channel", channel);
        fields.put("region", region);
        fields.put("locale", locale);
        // Instant prints whole seconds as 2026-03-01T10:15:00Z: RFC 3339 with its seconds.
        fields.put("sentAt", sentAt.toString());
        return fields;
    }
}

package dev.supportpulse.metrics.support;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One survey invitation as survey-service stores it, with the response it got if any:
 * {@code invitation("CSAT", "2026-03-02T09:00:00Z").ticket("T1").answered(5, "2026-03-02T10:00:00Z")}.
 */
public final class Invitation {

    final UUID id = UUID.randomUUID();
    final String kind;
    final OffsetDateTime sentAt;
    String ticketId;
    String customerId;
    String agentId;
    String teamId;
    String channel;
    String region;
    Integer score;
    OffsetDateTime submittedAt;

    private Invitation(String kind, String sentAt) {
        this.kind = kind;
        this.sentAt = OffsetDateTime.parse(sentAt);
    }

    public static Invitation invitation(String kind, String sentAt) {
        return new Invitation(kind, sentAt);
    }

    public Invitation ticket(String value) {
        ticketId = value;
        return this;
    }

    public Invitation customer(String value) {
        customerId = value;
        return this;
    }

    public Invitation agent(String value) {
        agentId = value;
        return this;
    }

    public Invitation team(String value) {
        teamId = value;
        return this;
    }

    public Invitation channel(String value) {
        channel = value;
        return this;
    }

    public Invitation region(String value) {
        region = value;
        return this;
    }

    /** The response, written with the invitation. */
    public Invitation answered(int value, String at) {
        score = value;
        submittedAt = OffsetDateTime.parse(at);
        return this;
    }
}

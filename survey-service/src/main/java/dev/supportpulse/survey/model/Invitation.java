package dev.supportpulse.survey.model;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A survey sent to a customer about one ticket (or none), answerable through its token until it expires. */
@Entity
@Table(name = "invitations", schema = "survey")
public class Invitation {

    @Id
    public UUID id;

    public String token;

    @Enumerated(EnumType.STRING)
    public SurveyKind kind;

    @Column(name = "ticket_id")
    public String ticketId;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "team_id")
    public String teamId;

    public String channel;

    public String region;

    public String locale;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public boolean expiredAt(OffsetDateTime now) {
        return !expiresAt.isAfter(now);
    }
}

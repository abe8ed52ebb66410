package dev.supportpulse.ingest.model;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One row of the event log, as read back; rows are written in bulk by the repository and never changed. */
@Entity
@Immutable
@Table(schema = "ingest", name = "events")
public class StoredEvent {

    @Id
    public Long seq;

    @Column(name = "event_id")
    public String eventId;

    public String type;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    @Column(name = "ticket_id")
    public String ticketId;

    @Column(name = "contact_id")
    public String contactId;

    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "team_id")
    public String teamId;

    @Column(name = "customer_id")
    public String customerId;

    public String channel;

    public String region;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> attributes;
}

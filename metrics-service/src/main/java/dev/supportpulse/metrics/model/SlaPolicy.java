package dev.supportpulse.metrics.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The SLA targets of one ticket priority: due = created + target, in calendar time. */
@Entity
@Table(schema = "metrics", name = "sla_policies")
public class SlaPolicy {

    /** The priorities a policy exists for, as tickets carry them. */
    public static final java.util.List<String> PRIORITIES = java.util.List.of("urgent", "high", "normal", "low");

    @Id
    public String priority;

    @Column(name = "first_response_seconds")
    public int firstResponseSeconds;

    @Column(name = "resolution_seconds")
    public int resolutionSeconds;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}

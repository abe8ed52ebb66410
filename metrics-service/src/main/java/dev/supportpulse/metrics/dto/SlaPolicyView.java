package dev.supportpulse.metrics.dto;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The SLA targets of one ticket priority, in seconds of calendar time. */
@Type("SlaPolicy")
public record SlaPolicyView(@NonNull String priority, int firstResponseSeconds, int resolutionSeconds,
        @NonNull OffsetDateTime updatedAt) {
}

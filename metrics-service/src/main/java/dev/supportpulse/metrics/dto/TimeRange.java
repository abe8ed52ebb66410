package dev.supportpulse.metrics.dto;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** The half-open range {@code [from, to)} of a query. */
@Input("TimeRange")
public record TimeRange(@NonNull OffsetDateTime from, @NonNull OffsetDateTime to) {
}

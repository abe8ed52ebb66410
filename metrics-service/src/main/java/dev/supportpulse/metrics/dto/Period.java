package dev.supportpulse.metrics.dto;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** One period of a series, {@code [start, end)}, with its conventional label ("2026-W09", "2026-Q1", ...). */
@Type("Period")
public record Period(@NonNull OffsetDateTime start, @NonNull OffsetDateTime end, @NonNull String label) {
}

package dev.supportpulse.metrics.dto;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.supportpulse.metrics.model.Dimension;

/** A group's value of one dimension; null means none (an unassigned ticket, say). */
@Type("DimensionValue")
public record DimensionValue(@NonNull Dimension dimension, String value) {
}

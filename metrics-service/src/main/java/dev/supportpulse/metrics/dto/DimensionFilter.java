package dev.supportpulse.metrics.dto;

import java.util.List;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.supportpulse.metrics.model.Dimension;

/** Keeps only the records whose dimension has one of the values. */
@Input("DimensionFilter")
public record DimensionFilter(@NonNull Dimension dimension, @NonNull List<@NonNull String> values) {
}

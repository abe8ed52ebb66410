package dev.supportpulse.metrics.dto;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.supportpulse.metrics.model.Dimension;
import dev.supportpulse.metrics.model.Metric;
import dev.supportpulse.metrics.model.Unit;

/** One entry of the metric catalog (graphql.md). */
@Type("MetricDefinition")
public record MetricDefinition(@NonNull Metric metric, @NonNull String name, @NonNull String description,
        @NonNull Unit unit, Boolean higherIsBetter, @NonNull List<@NonNull Dimension> dimensions,
        @NonNull String formula) {
}

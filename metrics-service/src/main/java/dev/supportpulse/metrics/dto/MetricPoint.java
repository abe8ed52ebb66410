package dev.supportpulse.metrics.dto;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The metric in one period (null without a granularity) for one group. */
@Type("MetricPoint")
public record MetricPoint(Period period, @NonNull List<@NonNull DimensionValue> group, @NonNull MetricValue value) {
}

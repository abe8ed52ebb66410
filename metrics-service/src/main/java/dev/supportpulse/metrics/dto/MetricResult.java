package dev.supportpulse.metrics.dto;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.supportpulse.metrics.model.Metric;
import dev.supportpulse.metrics.model.Unit;

/** A metric over a range: its total (over the whole range, ungrouped) and its dense series. */
@Type("MetricResult")
public record MetricResult(@NonNull Metric metric, @NonNull Unit unit, @NonNull MetricValue total,
        @NonNull List<@NonNull MetricPoint> series) {
}

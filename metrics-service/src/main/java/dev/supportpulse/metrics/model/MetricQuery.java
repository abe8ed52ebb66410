package dev.supportpulse.metrics.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One metric to compute, validated: over {@code [from, to)}, bucketed by the given period starts (empty: no series in
 * time), grouped and filtered by dimensions. {@code shiftSeconds} moves the anchors forward before bucketing, so that
 * an earlier range lands in the same periods (for comparisons).
 */
public record MetricQuery(Metric metric, Instant from, Instant to, List<Instant> periodStarts, List<Instant> periodEnds,
        List<Dimension> groupBy, Map<Dimension, List<String>> filter, long shiftSeconds) {
}

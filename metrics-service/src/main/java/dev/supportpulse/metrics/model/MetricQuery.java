package dev.supportpulse.metrics.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One metric to compute, validated: over {@code [from, to)}, bucketed by the given period starts (empty: no series in
 * time), grouped and filtered by dimensions. {@code shiftSeconds} moves the anchors forward before bucketing, so that
 * an earlier range lands in the same periods (for comparisons). {@code zone} (an IANA name) cuts the days that costs
 * are spread over.
 */
public record MetricQuery(Metric metric, Instant from, Instant to, List<Instant> periodStarts, List<Instant> periodEnds,
        List<Dimension> groupBy, Map<Dimension, List<String>> filter, long shiftSeconds, String zone) {

    /** A query whose days are cut in UTC. */
    public MetricQuery(Metric metric, Instant from, Instant to, List<Instant> periodStarts, List<Instant> periodEnds,
            List<Dimension> groupBy, Map<Dimension, List<String>> filter, long shiftSeconds) {
        this(metric, from, to, periodStarts, periodEnds, groupBy, filter, shiftSeconds, "UTC");
    }
}

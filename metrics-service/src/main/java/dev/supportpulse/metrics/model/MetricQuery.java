package dev.supportpulse.metrics.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One metric to compute, validated: over {@code [from, to)}, bucketed by the given period starts (empty: no series in
 * time), grouped and filtered by dimensions. {@code shift} moves the anchors forward before bucketing, so that an
 * earlier range lands in the same periods (for comparisons): exactly the range's length, fractions of a second
 * included. {@code zone} (an IANA name) cuts the days that costs are spread over.
 */
public record MetricQuery(Metric metric, Instant from, Instant to, List<Instant> periodStarts, List<Instant> periodEnds,
        List<Dimension> groupBy, Map<Dimension, List<String>> filter, Duration shift, String zone) {

    /** A query whose days are cut in UTC. */
    public MetricQuery(Metric metric, Instant from, Instant to, List<Instant> periodStarts, List<Instant> periodEnds,
            List<Dimension> groupBy, Map<Dimension, List<String>> filter, Duration shift) {
        this(metric, from, to, periodStarts, periodEnds, groupBy, filter, shift, "UTC");
    }

    /** The shift in seconds, for statements ({@code make_interval(secs => ...)}, which keeps microseconds). */
    public double shiftSeconds() {
        return shift.toNanos() / 1e9;
    }
}

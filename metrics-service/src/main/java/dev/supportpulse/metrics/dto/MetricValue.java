package dev.supportpulse.metrics.dto;

import org.eclipse.microprofile.graphql.Type;

/** A metric's value with what it was computed from (graphql.md); fields that do not apply are null. */
@Type("MetricValue")
public record MetricValue(Double value, int sampleSize, Double numerator, Double denominator, Double mean,
        Double median, Double p90, Double previous, Double change) {

    /** The same value with its comparison to an earlier one (null when either is null). */
    public MetricValue comparedWith(Double previousValue) {
        Double difference = value == null || previousValue == null ? null : value - previousValue;
        return new MetricValue(value, sampleSize, numerator, denominator, mean, median, p90, previousValue, difference);
    }
}

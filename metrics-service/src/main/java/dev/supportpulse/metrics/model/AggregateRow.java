package dev.supportpulse.metrics.model;

import java.util.List;

/**
 * One row of a metric's aggregate: the total (over the whole range, ungrouped) or one period and group.
 *
 * @param period
 *            the index of the period in the query's period starts, from 0; -1 without a series in time
 */
public record AggregateRow(boolean total, int period, List<String> group, int sampleSize, Double value,
        Double numerator, Double denominator, Double mean, Double median, Double p90) {
}

package dev.supportpulse.metrics.model;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The catalog's promises that every query relies on, checked for every metric. */
class MetricTest {

    @Test
    void everyMetricIsMeasured() {
        for (Metric metric : Metric.values()) {
            assertNotNull(metric.measure(), metric + " has no measure");
            assertTrue(metric.formula().length() > 20, metric + " has no formula text");
        }
    }

    @Test
    void aMetricThatOffersTheSegmentDimensionKnowsEachRowsSegment() {
        // The service checks the dimension against the catalog only; a measure without a segment would fail in SQL.
        for (Metric metric : Metric.values()) {
            if (metric.dimensions().contains(Dimension.CUSTOMER_SEGMENT)) {
                assertNotNull(metric.measure().segment(), metric + " offers CUSTOMER_SEGMENT without a segment");
            }
        }
    }
}

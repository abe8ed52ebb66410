package dev.supportpulse.metrics.api;

import static dev.supportpulse.metrics.support.Event.event;
import static dev.supportpulse.metrics.support.GraphQl.query;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.supportpulse.metrics.support.Event;
import dev.supportpulse.metrics.support.EventLog;

/**
 * Churn, retention and lifetime value, from customer.created, customer.churned and customer.revenue. Active at an
 * instant: created before it and not churned before it.
 *
 * <pre>
 * Customers (UTC):  G 01-05 10:00 NA smb                      never churns
 *                   I 02-01 NA smb                            churns 03-25
 *                   A 02-10 EU enterprise                     churns 03-20 10:00
 *                   B 02-15 NA smb                            never churns
 *                   C 02-20 EU smb                            churns 02-25 (before March: not active at its start)
 *                   H 02-22 EU enterprise                     never churns
 *                   D 03-05 EU enterprise                     churns 03-12 (created and churned within March)
 *                   E 03-10 NA enterprise                     never churns
 *                   F 04-05 EU smb                            (after March)
 * Revenue:          R1 A 02-12 100, R4 C 02-21 40, R2 B 03-03 50, R6 D 03-06 20, R3 A 03-15 30,
 *                   R5 B 04-02 1000 (after March)
 * </pre>
 */
@QuarkusTest
class CustomerBaseMetricsTest {

    private static final String MARCH = "range: {from: \"2026-03-01T00:00:00Z\", to: \"2026-04-01T00:00:00Z\"}";

    @Inject
    EventLog log;

    @BeforeEach
    void dataSet() {
        log.clear();
        log.appendAndProject(customer("G", "2026-01-05T10:00:00Z", "NA", "smb"),
                customer("I", "2026-02-01T09:00:00Z", "NA", "smb"),
                customer("A", "2026-02-10T09:00:00Z", "EU", "enterprise"),
                customer("B", "2026-02-15T09:00:00Z", "NA", "smb"), customer("C", "2026-02-20T09:00:00Z", "EU", "smb"),
                customer("H", "2026-02-22T09:00:00Z", "EU", "enterprise"),
                customer("D", "2026-03-05T09:00:00Z", "EU", "enterprise"),
                customer("E", "2026-03-10T09:00:00Z", "NA", "enterprise"),
                customer("F", "2026-04-05T09:00:00Z", "EU", "smb"), churned("I", "2026-03-25T09:00:00Z"),
                churned("A", "2026-03-20T10:00:00Z"), churned("C", "2026-02-25T09:00:00Z"),
                churned("D", "2026-03-12T09:00:00Z"), revenue("A", "2026-02-12T09:00:00Z", 100),
                revenue("C", "2026-02-21T09:00:00Z", 40), revenue("B", "2026-03-03T09:00:00Z", 50),
                revenue("D", "2026-03-06T09:00:00Z", 20), revenue("A", "2026-03-15T09:00:00Z", 30),
                revenue("B", "2026-04-02T09:00:00Z", 1000));
    }

    @Test
    void churnRateOverAMonth() {
        // Active at 03-01: G, I, A, B, H = 5 (C churned 02-25; D, E not created yet). Churned in March: I, A, D = 3
        // (D created and churned within it). 3 / 5 = 60 %.
        query("{ metric(metric: CUSTOMER_CHURN_RATE, " + MARCH + ") { total { value sampleSize numerator denominator"
                + " } } }").body("errors", nullValue()).body("data.metric.total.value", closeTo(60.0, 1e-9))
                        .body("data.metric.total.sampleSize", equalTo(5))
                        .body("data.metric.total.numerator", equalTo(3.0))
                        .body("data.metric.total.denominator", equalTo(5.0));
    }

    @Test
    void churnComparedWithThePreviousRangeOfTheSameLength() {
        // March (31 days): 60 % as above. The 31 days before, 01-29 .. 03-01: active at 01-29 G = 1; churned in it C
        // (created 02-20, churned 02-25) = 1 → 100 %. Change −40.
        query("{ metric(metric: CUSTOMER_CHURN_RATE, " + MARCH
                + ", compare: true) { total { value previous change } } }").body("errors", nullValue())
                        .body("data.metric.total.value", closeTo(60.0, 1e-9))
                        .body("data.metric.total.previous", closeTo(100.0, 1e-9))
                        .body("data.metric.total.change", closeTo(-40.0, 1e-9));
    }

    @Test
    void retentionRateOverAMonth() {
        // Active at 04-01: G, B, H, E = 4 (I, A, C, D churned; F not created yet). Created in March: D, E = 2.
        // Active at 03-01: 5. (4 − 2) / 5 = 40 %.
        query("{ metric(metric: CUSTOMER_RETENTION_RATE, " + MARCH + ") { total { value sampleSize numerator"
                + " denominator } } }").body("errors", nullValue()).body("data.metric.total.value", closeTo(40.0, 1e-9))
                        .body("data.metric.total.sampleSize", equalTo(5))
                        .body("data.metric.total.numerator", equalTo(2.0))
                        .body("data.metric.total.denominator", equalTo(5.0));
    }

    @Test
    void churnByDayAndAZeroDenominator() {
        // Days of 03-11 .. 03-14: active at 03-11 G, I, A, B, H, D, E = 7, none churns → 0 %; 03-12 D churns → 1 / 7;
        // 03-13: 6 active, none churns → 0 %.
        // Days of 01-04 .. 01-07: on 01-04 no customer exists yet, on 01-05 G is created but nobody is active at the
        // day's start → null; 01-06: G active → churn 0 / 1, retention (1 − 0) / 1 = 100 %.
        query("{ march: metric(metric: CUSTOMER_CHURN_RATE, range: {from: \"2026-03-11T00:00:00Z\","
                + " to: \"2026-03-14T00:00:00Z\"}, granularity: DAY) { series { value { value } } }"
                + " churn: metric(metric: CUSTOMER_CHURN_RATE, range: {from: \"2026-01-04T00:00:00Z\","
                + " to: \"2026-01-07T00:00:00Z\"}, granularity: DAY) { series { value { value sampleSize } } }"
                + " retention: metric(metric: CUSTOMER_RETENTION_RATE, range: {from: \"2026-01-04T00:00:00Z\","
                + " to: \"2026-01-07T00:00:00Z\"}, granularity: DAY) { series { value { value } } } }")
                        .body("errors", nullValue())
                        .body("data.march.series.value.value",
                                contains(equalTo(0.0), closeTo(100.0 / 7, 1e-9), equalTo(0.0)))
                        .body("data.churn.series.value.value", contains(nullValue(), nullValue(), equalTo(0.0)))
                        .body("data.churn.series.value.sampleSize", contains(0, 0, 1))
                        .body("data.retention.series.value.value", contains(nullValue(), nullValue(), equalTo(100.0)));
    }

    @Test
    void churnAndRetentionSlicedByRegionAndSegment() {
        // EU (A, C, H, D): active at 03-01 A, H = 2; churned A, D = 2 → 100 %. NA (G, I, B, E): active G, I, B = 3;
        // churned I → 33.3 %. Segment enterprise (A, H, D, E): active A, H = 2; at 04-01 H, E = 2; created D, E = 2
        // → (2 − 2) / 2 = 0 %. smb (G, I, B, C): active G, I, B = 3; at 04-01 G, B = 2; created none → 66.7 %.
        query("{ region: metric(metric: CUSTOMER_CHURN_RATE, " + MARCH + ", groupBy: [REGION]) {"
                + " total { value } series { group { value } value { value } } }"
                + " segment: metric(metric: CUSTOMER_RETENTION_RATE, " + MARCH + ", groupBy: [CUSTOMER_SEGMENT]) {"
                + " total { value } series { group { value } value { value } } } }").body("errors", nullValue())
                        .body("data.region.total.value", closeTo(60.0, 1e-9))
                        .body("data.region.series.group.value.flatten()", contains("EU", "NA"))
                        .body("data.region.series.value.value", contains(equalTo(100.0), closeTo(100.0 / 3, 1e-9)))
                        .body("data.segment.total.value", closeTo(40.0, 1e-9))
                        .body("data.segment.series.group.value.flatten()", contains("enterprise", "smb"))
                        .body("data.segment.series.value.value", contains(equalTo(0.0), closeTo(200.0 / 3, 1e-9)));
    }

    @Test
    void lifetimeValueAtPeriodEnds() {
        // End of February (03-01): customers created before it G, I, A, B, C, H = 6; revenue before it R1 100 + R4 40
        // = 140 → 23.33. End of March (04-01): 8 customers (F after; churned I, A, C, D count); revenue R1 100 + R4 40
        // + R2 50 + R6 20 + R3 30 = 240 (R5 after) → 30. The total is judged at the range's end: 30.
        query("{ metric(metric: CUSTOMER_LIFETIME_VALUE, range: {from: \"2026-02-01T00:00:00Z\","
                + " to: \"2026-04-01T00:00:00Z\"}, granularity: MONTH) {"
                + " total { value sampleSize numerator denominator } series { value { value numerator denominator } }"
                + " } }").body("errors", nullValue()).body("data.metric.total.value", closeTo(30.0, 1e-9))
                        .body("data.metric.total.sampleSize", equalTo(8))
                        .body("data.metric.total.numerator", equalTo(240.0))
                        .body("data.metric.total.denominator", equalTo(8.0))
                        .body("data.metric.series.value.value", contains(closeTo(140.0 / 6, 1e-9), closeTo(30.0, 1e-9)))
                        .body("data.metric.series.value.numerator", contains(140.0, 240.0))
                        .body("data.metric.series.value.denominator", contains(6.0, 8.0));
    }

    @Test
    void churnOfARangeStartingInsideAMonthIsJudgedFromTheRangesStart() {
        // 03-10 .. 04-01 by month: March's point is judged over the range's part of it, as the total. Active at 03-10:
        // G, I, A, B, H, D = 6 (C churned 02-25; E created 03-10 09:00). Churned in it: D 03-12, A 03-20, I 03-25 = 3
        // → 50 %. (Judged from 03-01 it would be 3 / 5 = 60 %.)
        query("{ metric(metric: CUSTOMER_CHURN_RATE, range: {from: \"2026-03-10T00:00:00Z\","
                + " to: \"2026-04-01T00:00:00Z\"}, granularity: MONTH) {"
                + " total { value denominator } series { value { value denominator } } } }").body("errors", nullValue())
                        .body("data.metric.total.value", equalTo(50.0))
                        .body("data.metric.total.denominator", equalTo(6.0))
                        .body("data.metric.series.value.value", contains(50.0))
                        .body("data.metric.series.value.denominator", contains(6.0));
    }

    @Test
    void lifetimeValueAfterNowTakesTheStateNow() {
        // A revenue stamped in 2099 has not happened yet: a range ending in 2100 takes the state now. All nine
        // customers exist now; revenue so far R1 100 + R4 40 + R2 50 + R6 20 + R3 30 + R5 1000 = 1240 → 137.78.
        log.appendAndProject(revenue("B", "2099-01-01T00:00:00Z", 5000));
        query("{ metric(metric: CUSTOMER_LIFETIME_VALUE, range: {from: \"2026-01-01T00:00:00Z\","
                + " to: \"2100-01-01T00:00:00Z\"}) { total { value numerator denominator } } }")
                        .body("errors", nullValue()).body("data.metric.total.numerator", equalTo(1240.0))
                        .body("data.metric.total.denominator", equalTo(9.0))
                        .body("data.metric.total.value", closeTo(1240.0 / 9, 1e-9));
    }

    @Test
    void lifetimeValueSlicedByRegion() {
        // At 04-01: EU A, C, H, D = 4 customers, revenue A 130 + C 40 + D 20 = 190 → 47.5; NA G, I, B, E = 4,
        // revenue B 50 → 12.5.
        query("{ metric(metric: CUSTOMER_LIFETIME_VALUE, " + MARCH + ", groupBy: [REGION]) {"
                + " series { group { value } value { value } } } }").body("errors", nullValue())
                        .body("data.metric.series.group.value.flatten()", contains("EU", "NA"))
                        .body("data.metric.series.value.value", contains(47.5, 12.5));
    }

    private static Event customer(String id, String at, String region, String segment) {
        return event("customer.created", at).customer(id).channel("web").region(region).attr("segment", segment)
                .attr("referred", false);
    }

    private static Event churned(String id, String at) {
        return event("customer.churned", at).customer(id);
    }

    private static Event revenue(String id, String at, int amount) {
        return event("customer.revenue", at).customer(id).attr("amount", amount).attr("currency", "EUR");
    }
}

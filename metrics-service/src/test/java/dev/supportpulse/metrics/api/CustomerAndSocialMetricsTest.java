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
 * Referrals, offers and social engagement, from their events.
 *
 * <pre>
 * Range 2026-03-02 .. 03-04 (UTC; Stockholm is UTC+1).
 * Customers: C1 03-02 09:00 web EU enterprise referred
 *            C2 03-02 10:00 web NA smb not referred
 *            C3 03-02 23:30 social EU smb referred           (03-03 00:30 in Stockholm)
 *            C4 03-03 08:00 enterprise, no referred (not referred), no channel or region
 *            C5 02-20 enterprise referred (before the range)
 *            C6 created 03-01 not referred, corrected 03-03 10:00 web EU enterprise referred (the correction arrives
 *               first; the latest creation wins)
 * Offers:    O1 03-02 09:00 C1 discount, O2 03-02 12:00 C2 offer, O3 03-03 10:00 C3 gift, O4 03-03 11:00 C2 discount,
 *            O5 03-02 13:00 C9 (never created) gift, O6 03-05 C1 gift (after the range)
 * Social:    E1 03-02 09:00 like EU, E2 03-02 10:00 share EU, E3 03-02 11:00 negative mention EU,
 *            E4 03-02 23:30 positive mention NA (03-03 00:30 in Stockholm), E5 03-03 12:00 like C1,
 *            E6 03-03 13:00 negative mention NA, E7 03-05 like (after the range)
 * </pre>
 */
@QuarkusTest
class CustomerAndSocialMetricsTest {

    private static final String MARCH_2_TO_4 = "range: {from: \"2026-03-02T00:00:00Z\", to: \"2026-03-04T00:00:00Z\"}";
    private static final String STOCKHOLM_DAYS = "range: {from: \"2026-03-02T00:00:00+01:00\", "
            + "to: \"2026-03-04T00:00:00+01:00\"}, granularity: DAY, timezone: \"Europe/Stockholm\"";

    @Inject
    EventLog log;

    @BeforeEach
    void dataSet() {
        log.clear();
        log.appendAndProject(customer("C1", "2026-03-02T09:00:00Z", "enterprise", true).channel("web").region("EU"),
                customer("C2", "2026-03-02T10:00:00Z", "smb", false).channel("web").region("NA"),
                customer("C3", "2026-03-02T23:30:00Z", "smb", true).channel("social").region("EU"),
                event("customer.created", "2026-03-03T08:00:00Z").customer("C4").attr("segment", "enterprise"),
                customer("C5", "2026-02-20T09:00:00Z", "enterprise", true).channel("web"),
                customer("C6", "2026-03-03T10:00:00Z", "enterprise", true).channel("web").region("EU"),
                customer("C6", "2026-03-01T10:00:00Z", "smb", false).channel("email").region("NA"),
                offer("2026-03-02T09:00:00Z", "C1", "discount"), offer("2026-03-02T12:00:00Z", "C2", "offer"),
                offer("2026-03-03T10:00:00Z", "C3", "gift"), offer("2026-03-03T11:00:00Z", "C2", "discount"),
                offer("2026-03-02T13:00:00Z", "C9", "gift"), offer("2026-03-05T09:00:00Z", "C1", "gift"),
                social("2026-03-02T09:00:00Z", "like").region("EU"),
                social("2026-03-02T10:00:00Z", "share").region("EU"),
                social("2026-03-02T11:00:00Z", "negative_mention").region("EU"),
                social("2026-03-02T23:30:00Z", "positive_mention").region("NA"),
                social("2026-03-03T12:00:00Z", "like").customer("C1"),
                social("2026-03-03T13:00:00Z", "negative_mention").region("NA"),
                social("2026-03-05T09:00:00Z", "like").region("EU"));
    }

    @Test
    void referralRateCountsCustomersCreatedInTheRangeAtTheirLatestCreation() {
        // New customers in the range: C1, C2, C3, C4, C6 (at its correction) = 5; C5 before the range. Referred:
        // C1, C3, C6 → 3 / 5 = 60 %.
        query("{ metric(metric: REFERRAL_RATE, " + MARCH_2_TO_4 + ") { total { value numerator denominator } } }")
                .body("errors", nullValue()).body("data.metric.total.value", closeTo(60.0, 1e-9))
                .body("data.metric.total.numerator", equalTo(3.0)).body("data.metric.total.denominator", equalTo(5.0));
    }

    @Test
    void referralRateIsSlicedByTheCreationsChannelRegionAndSegment() {
        // Channel: social C3 1 / 1; web C1, C2, C6 2 / 3; none C4 0 / 1. Region: EU C1, C3, C6 3 / 3; NA C2 0 / 1;
        // none C4 0 / 1. Segment (the creation's own): enterprise C1, C4, C6 2 / 3; smb C2, C3 1 / 2.
        query("{ channel: metric(metric: REFERRAL_RATE, " + MARCH_2_TO_4 + ", groupBy: [CHANNEL]) {"
                + " series { group { value } value { value } } }" + " region: metric(metric: REFERRAL_RATE, "
                + MARCH_2_TO_4 + ", groupBy: [REGION]) { series { group { value } value { value } } }"
                + " segment: metric(metric: REFERRAL_RATE, " + MARCH_2_TO_4 + ", groupBy: [CUSTOMER_SEGMENT]) {"
                + " series { group { value } value { value } } } }").body("errors", nullValue())
                        .body("data.channel.series.group.value.flatten()", contains("social", "web", null))
                        .body("data.channel.series.value.value",
                                contains(equalTo(100.0), closeTo(200.0 / 3, 1e-9), equalTo(0.0)))
                        .body("data.region.series.group.value.flatten()", contains("EU", "NA", null))
                        .body("data.region.series.value.value", contains(100.0, 0.0, 0.0))
                        .body("data.segment.series.group.value.flatten()", contains("enterprise", "smb"))
                        .body("data.segment.series.value.value", contains(closeTo(200.0 / 3, 1e-9), equalTo(50.0)));
    }

    @Test
    void referralRateOnStockholmDays() {
        // Stockholm days: 03-02 C1 (10:00), C2 (11:00) → 1 / 2; 03-03 C3 (00:30), C4 (09:00), C6 (11:00) → 2 / 3.
        query("{ metric(metric: REFERRAL_RATE, " + STOCKHOLM_DAYS + ") {"
                + " series { period { start } value { value } } } }")
                        .body("errors", nullValue())
                        .body("data.metric.series.period.start",
                                contains("2026-03-02T00:00:00+01:00", "2026-03-03T00:00:00+01:00"))
                        .body("data.metric.series.value.value", contains(equalTo(50.0), closeTo(200.0 / 3, 1e-9)));
    }

    @Test
    void offersOfEveryKindCountBySegmentOfTheirCustomer() {
        // In the range: O1 discount, O2 offer, O3 gift, O4 discount, O5 gift = 5 (O6 after it).
        // Segment: enterprise O1 (C1) = 1; smb O2, O4 (C2), O3 (C3) = 3; none O5 (C9 never created) = 1.
        query("{ total: metric(metric: OFFERS_GRANTED, " + MARCH_2_TO_4 + ") { total { value } }"
                + " segment: metric(metric: OFFERS_GRANTED, " + MARCH_2_TO_4 + ", groupBy: [CUSTOMER_SEGMENT]) {"
                + " series { group { value } value { value } } } }").body("errors", nullValue())
                        .body("data.total.total.value", equalTo(5.0))
                        .body("data.segment.series.group.value.flatten()", contains("enterprise", "smb", null))
                        .body("data.segment.series.value.value", contains(1.0, 3.0, 1.0));
    }

    @Test
    void socialEngagementLeavesOutNegativeMentions() {
        // In the range: E1 like, E2 share, E4 positive mention, E5 like = 4 (E3, E6 negative; E7 after it).
        // Region: EU E1, E2; NA E4; none E5. Channel: social, all 4. Segment: enterprise E5 (C1); none the others.
        query("{ total: metric(metric: SOCIAL_ENGAGEMENT, " + MARCH_2_TO_4 + ") { total { value } }"
                + " region: metric(metric: SOCIAL_ENGAGEMENT, " + MARCH_2_TO_4 + ", groupBy: [REGION]) {"
                + " series { group { value } value { value } } }" + " channel: metric(metric: SOCIAL_ENGAGEMENT, "
                + MARCH_2_TO_4 + ", groupBy: [CHANNEL]) { series { group { value } value { value } } }"
                + " segment: metric(metric: SOCIAL_ENGAGEMENT, " + MARCH_2_TO_4 + ", groupBy: [CUSTOMER_SEGMENT]) {"
                + " series { group { value } value { value } } } }").body("errors", nullValue())
                        .body("data.total.total.value", equalTo(4.0))
                        .body("data.region.series.group.value.flatten()", contains("EU", "NA", null))
                        .body("data.region.series.value.value", contains(2.0, 1.0, 1.0))
                        .body("data.channel.series.group.value.flatten()", contains("social"))
                        .body("data.channel.series.value.value", contains(4.0))
                        .body("data.segment.series.group.value.flatten()", contains("enterprise", null))
                        .body("data.segment.series.value.value", contains(1.0, 3.0));
    }

    @Test
    void socialEngagementOnStockholmDays() {
        // Stockholm days: 03-02 E1 (10:00), E2 (11:00); 03-03 E4 (00:30), E5 (13:00). UTC days: 03-02 E1, E2, E4;
        // 03-03 E5.
        query("{ stockholm: metric(metric: SOCIAL_ENGAGEMENT, " + STOCKHOLM_DAYS + ") {"
                + " series { period { start } value { value } } }" + " utc: metric(metric: SOCIAL_ENGAGEMENT, "
                + MARCH_2_TO_4 + ", granularity: DAY) { series { value { value } } } }")
                        .body("errors", nullValue())
                        .body("data.stockholm.series.period.start",
                                contains("2026-03-02T00:00:00+01:00", "2026-03-03T00:00:00+01:00"))
                        .body("data.stockholm.series.value.value", contains(2.0, 2.0))
                        .body("data.utc.series.value.value", contains(3.0, 1.0));
    }

    @Test
    void aCustomerMetricCannotBeSlicedByTeam() {
        query("{ metric(metric: REFERRAL_RATE, " + MARCH_2_TO_4 + ", groupBy: [TEAM]) { total { value } } }")
                .body("data", nullValue()).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }

    private static Event customer(String id, String at, String segment, boolean referred) {
        return event("customer.created", at).customer(id).attr("segment", segment).attr("referred", referred);
    }

    private static Event offer(String at, String customer, String kind) {
        return event("customer.offer_granted", at).customer(customer).attr("kind", kind).attr("amount", 10);
    }

    private static Event social(String at, String kind) {
        return event("social.engagement", at).channel("social").attr("network", "twitter").attr("kind", kind);
    }
}

package dev.supportpulse.metrics.api;

import static dev.supportpulse.metrics.support.Event.event;
import static dev.supportpulse.metrics.support.GraphQl.query;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.supportpulse.metrics.support.Event;
import dev.supportpulse.metrics.support.EventLog;

/**
 * The self-service metrics that set self-service against assisted service: KB_DEFLECTION_RATIO, SELF_SERVICE_SCORE and
 * SELF_SERVICE_SHARE, each side in the period and group of its own events.
 *
 * <pre>
 * Customers: K1 enterprise, K2 smb. Range 2026-03-02 .. 03-04 (UTC).
 * Views:    V1 03-02 09:00 web K1, V2 03-02 10:00 web visitor U2, V3 03-02 11:00 chat K2,
 *           V4 03-03 09:00 web K1, V6 03-03 14:00 chat visitor U4, V5 03-04 01:00 web (after the range)
 * Tickets:  T5 created 03-01 (before the range) email K2, resolved 03-02 09:00
 *           T1 03-02 12:00 web K1, resolved 03-02 15:00
 *           T2 03-02 13:00 chat K2, resolved 03-03 10:00
 *           T3 03-03 08:00 web K1, open
 *           T4 03-03 09:00 email (no customer), resolved 03-03 12:00, reopened 03-03 13:00: not resolved now
 * Bot:      B1 03-02 14:00 chat visitor U5 resolved, B2 03-03 16:00 chat visitor U5 escalated
 * Sessions: S2 03-02 16:00 web visitor U6 not resolved, S1 03-03 11:00 web K1 resolved
 * Forum:    TH1 question 03-03 12:00 web visitor U2, resolved 03-03 15:00 (web) and again 03-03 17:00;
 *           TH2 question 03-03 12:30 web visitor U7, resolved 03-05 (after the range)
 * </pre>
 */
@QuarkusTest
class SelfServiceRatiosTest {

    private static final String MARCH_2_TO_4 = "range: {from: \"2026-03-02T00:00:00Z\", to: \"2026-03-04T00:00:00Z\"}";

    final EventLog log = EventLog.current();

    @BeforeEach
    void dataSet() {
        log.clear();
        log.appendAndProject(
                event("customer.created", "2026-01-01T00:00:00Z").customer("K1").attr("segment", "enterprise"),
                event("customer.created", "2026-01-01T00:00:00Z").customer("K2").attr("segment", "smb"),
                view("2026-03-02T09:00:00Z", "web", "U1").customer("K1"), view("2026-03-02T10:00:00Z", "web", "U2"),
                view("2026-03-02T11:00:00Z", "chat", "U3").customer("K2"),
                view("2026-03-03T09:00:00Z", "web", "U1").customer("K1"), view("2026-03-03T14:00:00Z", "chat", "U4"),
                view("2026-03-04T01:00:00Z", "web", "U8"), ticket("T5", "2026-03-01T10:00:00Z", "email").customer("K2"),
                event("ticket.resolved", "2026-03-02T09:00:00Z").ticket("T5"),
                ticket("T1", "2026-03-02T12:00:00Z", "web").customer("K1"),
                event("ticket.resolved", "2026-03-02T15:00:00Z").ticket("T1"),
                ticket("T2", "2026-03-02T13:00:00Z", "chat").customer("K2"),
                event("ticket.resolved", "2026-03-03T10:00:00Z").ticket("T2"),
                ticket("T3", "2026-03-03T08:00:00Z", "web").customer("K1"),
                ticket("T4", "2026-03-03T09:00:00Z", "email"),
                event("ticket.resolved", "2026-03-03T12:00:00Z").ticket("T4"),
                event("ticket.reopened", "2026-03-03T13:00:00Z").ticket("T4"),
                bot("2026-03-02T14:00:00Z", "B1", "resolved"), bot("2026-03-03T16:00:00Z", "B2", "escalated"),
                event("selfservice.session", "2026-03-02T16:00:00Z").channel("web").attr("visitorId", "U6")
                        .attr("resolved", false),
                event("selfservice.session", "2026-03-03T11:00:00Z").channel("web").customer("K1")
                        .attr("visitorId", "U1").attr("resolved", true),
                question("2026-03-03T12:00:00Z", "TH1", "U2"), resolved("2026-03-03T15:00:00Z", "TH1"),
                resolved("2026-03-03T17:00:00Z", "TH1"), question("2026-03-03T12:30:00Z", "TH2", "U7"),
                resolved("2026-03-05T09:00:00Z", "TH2"));
    }

    @Test
    void deflectionIsViewsPerTicketCreatedWithBothSidesSplitByPeriodAndGroup() {
        // Range: views V1, V2, V3, V4, V6 = 5 / tickets created T1..T4 = 4 → 1.25 (T5 before the range, V5 after).
        // Days: 03-02 V1..V3 = 3 / T1, T2 = 2 → 1.5; 03-03 V4, V6 = 2 / T3, T4 = 2 → 1.0.
        // Channels: chat V3, V6 / T2 → 2.0; email no views / T4 → 0.0; web V1, V2, V4 / T1, T3 → 1.5.
        // Segments: enterprise V1, V4 / T1, T3 → 1.0; smb V3 / T2 → 1.0; none V2, V6 / T4 → 2.0.
        query("{ days: metric(metric: KB_DEFLECTION_RATIO, " + MARCH_2_TO_4 + ", granularity: DAY) {"
                + " total { value sampleSize numerator denominator } series { value { value sampleSize } } }"
                + " channel: metric(metric: KB_DEFLECTION_RATIO, " + MARCH_2_TO_4 + ", groupBy: [CHANNEL]) {"
                + " series { group { value } value { value } } }" + " segment: metric(metric: KB_DEFLECTION_RATIO, "
                + MARCH_2_TO_4 + ", groupBy: [CUSTOMER_SEGMENT]) { series { group { value } value { value } } } }")
                        .body("errors", nullValue()).body("data.days.total.value", equalTo(1.25))
                        .body("data.days.total.numerator", equalTo(5.0))
                        .body("data.days.total.denominator", equalTo(4.0))
                        // A ratio's sample size is its denominator: the tickets created.
                        .body("data.days.total.sampleSize", equalTo(4))
                        .body("data.days.series.value.value", contains(1.5, 1.0))
                        .body("data.days.series.value.sampleSize", contains(2, 2))
                        .body("data.channel.series.group.value.flatten()", contains("chat", "email", "web"))
                        .body("data.channel.series.value.value", contains(2.0, 0.0, 1.5))
                        .body("data.segment.series.group.value.flatten()", contains("enterprise", "smb", null))
                        .body("data.segment.series.value.value", contains(1.0, 1.0, 2.0));
    }

    @Test
    void deflectionWithoutTicketsHasNoValue() {
        // 03-04 01:00 .. 03-05: view V5 and no ticket created: 1 / 0 has no value.
        query("{ metric(metric: KB_DEFLECTION_RATIO, range: {from: \"2026-03-04T00:00:00Z\","
                + " to: \"2026-03-05T00:00:00Z\"}) { total { value sampleSize numerator denominator } } }")
                        .body("errors", nullValue()).body("data.metric.total.value", nullValue())
                        .body("data.metric.total.sampleSize", equalTo(0))
                        .body("data.metric.total.numerator", equalTo(1.0))
                        .body("data.metric.total.denominator", equalTo(0.0));
    }

    @Test
    void scoreCountsSelfServiceUsersAndTicketCustomersDistinctPerPeriodAndOverTheRange() {
        // Users (customerId, else visitorId): 03-02 K1 (V1), U2 (V2), K2 (V3), U5 (B1), U6 (S2) = 5;
        // 03-03 K1 (V4, S1), U4 (V6), U5 (B2), U2 (TH1), U7 (TH2) = 5. Customers of tickets created: 03-02 K1, K2 = 2;
        // 03-03 K1 (T4 has none) = 1. Days: 5 / 2 = 2.5 and 5 / 1 = 5.0.
        // Range, distinct over it: K1, U2, K2, U5, U6, U4, U7 = 7 / K1, K2 = 2 → 3.5 (not (5 + 5) / (2 + 1)).
        // Segments: enterprise K1 / K1 → 1.0; smb K2 / K2 → 1.0; none: five visitors / no customer → no value.
        query("{ days: metric(metric: SELF_SERVICE_SCORE, " + MARCH_2_TO_4 + ", granularity: DAY) {"
                + " total { value sampleSize numerator denominator } series { value { value numerator denominator } } }"
                + " segment: metric(metric: SELF_SERVICE_SCORE, " + MARCH_2_TO_4 + ", groupBy: [CUSTOMER_SEGMENT]) {"
                + " series { group { value } value { value sampleSize numerator } } } }").body("errors", nullValue())
                        .body("data.days.total.value", equalTo(3.5)).body("data.days.total.numerator", equalTo(7.0))
                        .body("data.days.total.denominator", equalTo(2.0))
                        // Sample sizes are the denominators: customers who created tickets, not users + customers.
                        .body("data.days.total.sampleSize", equalTo(2))
                        .body("data.days.series.value.value", contains(2.5, 5.0))
                        .body("data.days.series.value.numerator", contains(5.0, 5.0))
                        .body("data.days.series.value.denominator", contains(2.0, 1.0))
                        .body("data.segment.series.group.value.flatten()", contains("enterprise", "smb", null))
                        .body("data.segment.series.value.value", contains(equalTo(1.0), equalTo(1.0), nullValue()))
                        .body("data.segment.series.value.numerator", contains(1.0, 1.0, 5.0))
                        .body("data.segment.series.value.sampleSize", contains(1, 1, 0));
    }

    @Test
    void shareSetsSelfServiceResolutionsAgainstTicketsResolved() {
        // Self-service resolutions in the range: B1 (03-02), S1 (03-03), TH1 at its first resolution (03-03) = 3;
        // B2 escalated, S2 unresolved, TH2 resolved after the range are not. Tickets resolved now: T5 (03-02),
        // T1 (03-02), T2 (03-03) = 3 (T4 was reopened). 3 / 6 = 50 %.
        // Days: 03-02 B1 / B1, T5, T1 → 33.3 %; 03-03 S1, TH1 / S1, TH1, T2 → 66.7 %.
        // Channels: chat B1 / B1, T2 → 50 %; email T5 → 0 %; web S1, TH1 / S1, TH1, T1 → 66.7 %.
        query("{ days: metric(metric: SELF_SERVICE_SHARE, " + MARCH_2_TO_4 + ", granularity: DAY) {"
                + " total { value numerator denominator } series { value { value } } }"
                + " channel: metric(metric: SELF_SERVICE_SHARE, " + MARCH_2_TO_4 + ", groupBy: [CHANNEL]) {"
                + " series { group { value } value { value } } } }").body("errors", nullValue())
                        .body("data.days.total.value", equalTo(50.0)).body("data.days.total.numerator", equalTo(3.0))
                        .body("data.days.total.denominator", equalTo(6.0))
                        .body("data.days.series.value.value",
                                contains(closeTo(100.0 / 3, 1e-9), closeTo(200.0 / 3, 1e-9)))
                        .body("data.channel.series.group.value.flatten()", contains("chat", "email", "web"))
                        .body("data.channel.series.value.value",
                                contains(closeTo(50.0, 1e-9), closeTo(0.0, 1e-9), closeTo(200.0 / 3, 1e-9)));
    }

    @Test
    void aTicketResolvedLateMovesTheShareOfItsResolutionDay() {
        // T3 resolved on 03-03 23:00: 03-03 becomes S1, TH1 / S1, TH1, T2, T3 = 50 %.
        log.appendAndProject(event("ticket.resolved", "2026-03-03T23:00:00Z").ticket("T3"));
        query("{ metric(metric: SELF_SERVICE_SHARE, " + MARCH_2_TO_4 + ", granularity: DAY) {"
                + " series { value { value } } } }").body("errors", nullValue()).body("data.metric.series.value.value",
                        contains(closeTo(100.0 / 3, 1e-9), equalTo(50.0)));
    }

    @Test
    void theRatiosCannotBeSlicedByATicketDimension() {
        query("{ metric(metric: SELF_SERVICE_SHARE, " + MARCH_2_TO_4 + ", groupBy: [PRIORITY]) { total { value } } }")
                .body("data", nullValue()).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo(
                        "SELF_SERVICE_SHARE cannot be sliced by PRIORITY; it supports [CHANNEL, REGION, CUSTOMER_SEGMENT]."));
    }

    private static Event view(String at, String channel, String visitor) {
        return event("kb.article_viewed", at).channel(channel).attr("articleId", "KB1").attr("visitorId", visitor);
    }

    private static Event ticket(String id, String at, String channel) {
        return event("ticket.created", at).ticket(id).channel(channel);
    }

    private static Event bot(String at, String conversation, String outcome) {
        return event("bot.conversation", at).channel("chat").attr("conversationId", conversation)
                .attr("visitorId", "U5").attr("outcome", outcome);
    }

    private static Event question(String at, String thread, String visitor) {
        return event("forum.post_created", at).channel("web").attr("threadId", thread).attr("visitorId", visitor)
                .attr("question", true);
    }

    private static Event resolved(String at, String thread) {
        return event("forum.thread_resolved", at).channel("web").attr("threadId", thread);
    }
}

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
 * Costs spread evenly over their days (periodEnd inclusive), days cut in the query's time zone, per ticket resolved and
 * per self-service session or bot conversation.
 *
 * <pre>
 * Costs:    K1 assisted 3000 EUR 2026-03-17 .. 04-15: 30 days (15 in March, 15 in April), 100 a day
 *           K2 self_service 620 EUR 03-01 .. 03-31: 31 days, 20 a day
 * Tickets:  T1 resolved 03-17 10:00Z, T2 resolved 03-25, T3 resolved 04-10 (all created before)
 * Self-service: two sessions 03-05, 03-06, one bot conversation 03-07; a KB view 03-08 (not a unit)
 * </pre>
 */
@QuarkusTest
class CostMetricsTest {

    final EventLog log = EventLog.current();

    @BeforeEach
    void dataSet() {
        log.clear();
        log.appendAndProject(cost("assisted", 3000, "2026-03-17", "2026-04-15"),
                cost("self_service", 620, "2026-03-01", "2026-03-31"),
                event("ticket.created", "2026-03-10T09:00:00Z").ticket("T1").channel("email"),
                event("ticket.resolved", "2026-03-17T10:00:00Z").ticket("T1").agent("A1"),
                event("ticket.created", "2026-03-10T09:00:00Z").ticket("T2").channel("email"),
                event("ticket.resolved", "2026-03-25T10:00:00Z").ticket("T2").agent("A1"),
                event("ticket.created", "2026-03-10T09:00:00Z").ticket("T3").channel("email"),
                event("ticket.resolved", "2026-04-10T10:00:00Z").ticket("T3").agent("A1"),
                event("selfservice.session", "2026-03-05T12:00:00Z").attr("visitorId", "U1").attr("resolved", true),
                event("selfservice.session", "2026-03-06T12:00:00Z").attr("visitorId", "U2").attr("resolved", false),
                event("bot.conversation", "2026-03-07T12:00:00Z").channel("chat").attr("conversationId", "B1")
                        .attr("outcome", "resolved"),
                event("kb.article_viewed", "2026-03-08T12:00:00Z").attr("visitorId", "U3").attr("articleId", "KB1"));
    }

    @Test
    void aCostSpanningTwoMonthsIsSplitByDays() {
        // Stockholm months: March holds K1's 03-17 .. 03-31 = 15 days = 1500, over T1, T2 → 750; April 04-01 .. 04-15
        // = 1500, over T3 → 1500. Total 3000 / 3 = 1000.
        query("{ metric(metric: COST_PER_TICKET, range: {from: \"2026-03-01T00:00:00+01:00\","
                + " to: \"2026-05-01T00:00:00+02:00\"}, granularity: MONTH, timezone: \"Europe/Stockholm\") {"
                + " total { value sampleSize numerator denominator } series { value { value numerator denominator } }"
                + " } }").body("errors", nullValue()).body("data.metric.total.value", closeTo(1000.0, 1e-6))
                        .body("data.metric.total.sampleSize", equalTo(3))
                        .body("data.metric.total.numerator", closeTo(3000.0, 1e-6))
                        .body("data.metric.total.denominator", equalTo(3.0))
                        .body("data.metric.series.value.value", contains(closeTo(750.0, 1e-6), closeTo(1500.0, 1e-6)))
                        .body("data.metric.series.value.denominator", contains(2.0, 1.0));
    }

    @Test
    void daysAreCutInTheQuerysTimeZone() {
        // The range 03-16 23:00Z .. 03-17 23:00Z is Stockholm's 03-17: K1's whole first day, 100, over T1 → 100. Cut
        // in UTC, K1's first day is 03-17 00:00Z .. 03-18 00:00Z, of which the range covers 23 h: 100 × 23 / 24.
        String range = "range: {from: \"2026-03-16T23:00:00Z\", to: \"2026-03-17T23:00:00Z\"}";
        query("{ stockholm: metric(metric: COST_PER_TICKET, " + range + ", timezone: \"Europe/Stockholm\") {"
                + " total { value } } utc: metric(metric: COST_PER_TICKET, " + range + ") { total { value } } }")
                        .body("errors", nullValue()).body("data.stockholm.total.value", closeTo(100.0, 1e-6))
                        .body("data.utc.total.value", closeTo(100.0 * 23 / 24, 1e-6));
    }

    @Test
    void selfServiceCostPerSessionOrBotConversation() {
        // March (UTC): K2 620 / (2 sessions + 1 bot conversation) = 206.67; the KB view is no unit. A period with no
        // unit has no value: 04-01 .. 04-02 (no cost, no session) → null.
        query("{ march: metric(metric: COST_PER_SELF_SERVICE_SESSION, range: {from: \"2026-03-01T00:00:00Z\","
                + " to: \"2026-04-01T00:00:00Z\"}) { total { value numerator denominator } }"
                + " april: metric(metric: COST_PER_SELF_SERVICE_SESSION, range: {from: \"2026-04-01T00:00:00Z\","
                + " to: \"2026-04-02T00:00:00Z\"}) { total { value } } }").body("errors", nullValue())
                        .body("data.march.total.value", closeTo(620.0 / 3, 1e-6))
                        .body("data.march.total.numerator", closeTo(620.0, 1e-6))
                        .body("data.march.total.denominator", equalTo(3.0)).body("data.april.total.value", nullValue());
    }

    @Test
    void aRangeStartingInsideAMonthCountsOnlyItsOwnDaysInThatMonthsPoint() {
        // 03-20 .. 04-01 (UTC) by month: one point, March, holding only the range's part of it: K1's 03-20 .. 03-31 =
        // 12 days = 1200, over T2 (T1 was resolved 03-17, before the range) → 1200, the same as the total. Not
        // March's whole 1500 over T1, T2.
        query("{ metric(metric: COST_PER_TICKET, range: {from: \"2026-03-20T00:00:00Z\","
                + " to: \"2026-04-01T00:00:00Z\"}, granularity: MONTH) {"
                + " total { value numerator denominator } series { value { value numerator denominator } } } }")
                        .body("errors", nullValue()).body("data.metric.total.value", closeTo(1200.0, 1e-6))
                        .body("data.metric.series.value.value", contains(closeTo(1200.0, 1e-6)))
                        .body("data.metric.series.value.numerator", contains(closeTo(1200.0, 1e-6)))
                        .body("data.metric.series.value.denominator", contains(1.0));
    }

    @Test
    void aCostWithoutTicketsHasNoValueButKeepsItsNumerator() {
        // 04-11 .. 04-16: K1's 04-11 .. 04-15 = 5 days = 500; no ticket resolved (T3 04-10) → 500 / 0, no value. The
        // sample size is the denominator, 0; numerator and denominator are filled (graphql.md).
        query("{ metric(metric: COST_PER_TICKET, range: {from: \"2026-04-11T00:00:00Z\","
                + " to: \"2026-04-16T00:00:00Z\"}) { total { value sampleSize numerator denominator } } }")
                        .body("errors", nullValue()).body("data.metric.total.value", nullValue())
                        .body("data.metric.total.sampleSize", equalTo(0))
                        .body("data.metric.total.numerator", closeTo(500.0, 1e-6))
                        .body("data.metric.total.denominator", equalTo(0.0));
    }

    @Test
    void aComparisonSpreadsTheCostsOverThePreviousRangeOfTheSameLength() {
        // 04-01 .. 04-16 (UTC, 15 days): K1's 04-01 .. 04-15 = 1500 over T3 → 1500. The 15 days before, 03-17 .. 04-01:
        // K1's 03-17 .. 03-31 = 1500 over T1, T2 → 750. Change +750.
        query("{ metric(metric: COST_PER_TICKET, range: {from: \"2026-04-01T00:00:00Z\","
                + " to: \"2026-04-16T00:00:00Z\"}, compare: true) { total { value previous change } } }")
                        .body("errors", nullValue()).body("data.metric.total.value", closeTo(1500.0, 1e-6))
                        .body("data.metric.total.previous", closeTo(750.0, 1e-6))
                        .body("data.metric.total.change", closeTo(750.0, 1e-6));
    }

    private static Event cost(String category, int amount, String start, String end) {
        return event("cost.recorded", "2026-03-01T00:00:00Z").attr("category", category).attr("amount", amount)
                .attr("currency", "EUR").attr("periodStart", start).attr("periodEnd", end);
    }
}

package dev.supportpulse.metrics.api;

import static dev.supportpulse.metrics.support.Event.event;
import static dev.supportpulse.metrics.support.GraphQl.query;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.supportpulse.metrics.support.EventLog;

/**
 * Ticket metrics over GraphQL on a small data set whose answers are worked out by hand below.
 *
 * <pre>
 * T1 created 03-02 09:00Z email EU billing; assigned A1 09:05; public reply A1 09:30 (FRT 1800 s);
 *    resolved by A1 03-02 12:00 (10800 s; one public reply, no reopen: first-contact resolution)
 * T2 created 03-02 10:00Z chat NA; assigned A2 10:20 (first assignment 1200 s); reply A2 11:00 (FRT 3600 s);
 *    customer reply 11:30; reply A2 12:00; escalated; resolved by A2 03-03 10:00 (86400 s; two replies: no FCR)
 * T3 created 03-03 08:00Z email EU; assigned A1 08:30; reply A1 stamped 07:59:30, before creation (FRT 0 s);
 *    not resolved
 * T4 created 03-03 09:00Z phone NA; never assigned, never answered; resolved without agent 03-03 11:00 (7200 s;
 *    resolver none)
 * T5 created 03-03 03:00Z email (22:00 on 03-02 in New York); nothing else
 * </pre>
 */
@QuarkusTest
class TicketMetricsTest {

    private static final String MARCH_2_TO_4 = "range: {from: \"2026-03-02T00:00:00Z\", to: \"2026-03-04T00:00:00Z\"}";

    final EventLog log = EventLog.current();

    @BeforeEach
    void dataSet() {
        log.clear();
        log.appendAndProject(
                event("ticket.created", "2026-03-02T09:00:00Z").ticket("T1").channel("email").region("EU")
                        .team("billing"),
                event("ticket.assigned", "2026-03-02T09:05:00Z").ticket("T1").agent("A1"),
                event("ticket.agent_replied", "2026-03-02T09:30:00Z").ticket("T1").agent("A1"),
                event("ticket.work_logged", "2026-03-02T11:00:00Z").ticket("T1").agent("A1").attr("seconds", 600),
                event("ticket.resolved", "2026-03-02T12:00:00Z").ticket("T1").agent("A1"),

                event("ticket.created", "2026-03-02T10:00:00Z").ticket("T2").channel("chat").region("NA"),
                event("ticket.assigned", "2026-03-02T10:20:00Z").ticket("T2").agent("A2"),
                event("ticket.agent_replied", "2026-03-02T11:00:00Z").ticket("T2").agent("A2"),
                event("ticket.customer_replied", "2026-03-02T11:30:00Z").ticket("T2"),
                event("ticket.agent_replied", "2026-03-02T12:00:00Z").ticket("T2").agent("A2"),
                event("ticket.escalated", "2026-03-02T12:30:00Z").ticket("T2").attr("reason", "manual"),
                event("ticket.resolved", "2026-03-03T10:00:00Z").ticket("T2").agent("A2"),

                event("ticket.created", "2026-03-03T08:00:00Z").ticket("T3").channel("email").region("EU"),
                event("ticket.assigned", "2026-03-03T08:30:00Z").ticket("T3").agent("A1"),
                event("ticket.agent_replied", "2026-03-03T07:59:30Z").ticket("T3").agent("A1"),

                event("ticket.created", "2026-03-03T09:00:00Z").ticket("T4").channel("phone").region("NA"),
                event("ticket.resolved", "2026-03-03T11:00:00Z").ticket("T4"),

                event("ticket.created", "2026-03-03T03:00:00Z").ticket("T5").channel("email"));
    }

    @Test
    void ticketsCreatedByDayAndAgentIsADenseSeriesWithNoAssigneeLast() {
        // Assignees: T1 A1, T2 A2, T3 A1, T4 none, T5 none. Days (UTC): 03-02 T1 T2; 03-03 T3 T4 T5.
        query("{ metric(metric: TICKETS_CREATED, " + MARCH_2_TO_4 + ", granularity: DAY, groupBy: [AGENT]) {"
                + " metric unit total { value sampleSize } series { period { start end label }"
                + " group { dimension value } value { value sampleSize } } } }").body("errors", nullValue())
                        .body("data.metric.unit", equalTo("COUNT")).body("data.metric.total.value", equalTo(5.0))
                        .body("data.metric.series", hasSize(6))
                        .body("data.metric.series.period.label",
                                contains("2026-03-02", "2026-03-02", "2026-03-02", "2026-03-03", "2026-03-03",
                                        "2026-03-03"))
                        .body("data.metric.series.group.value.flatten()", contains("A1", "A2", null, "A1", "A2", null))
                        .body("data.metric.series.value.value", contains(1.0, 1.0, 0.0, 1.0, 0.0, 2.0))
                        .body("data.metric.series[0].period.start", equalTo("2026-03-02T00:00:00Z"))
                        .body("data.metric.series[0].period.end", equalTo("2026-03-03T00:00:00Z"));
    }

    @Test
    void firstResponseTimeHasExactMeanMedianAndP90AndClampsRepliesBeforeCreation() {
        // Samples, anchored at the reply: 03-02 T1 1800, T2 3600; 03-03 T3 0 (reply stamped before creation).
        // Total: mean 1800, median 1800, p90 = 1800 + 0.8 × 1800 = 3240 (percentile_cont over 0, 1800, 3600).
        // 03-02: mean 2700, median 2700, p90 = 1800 + 0.9 × 1800 = 3420.
        query("{ metric(metric: FIRST_RESPONSE_TIME, " + MARCH_2_TO_4 + ", granularity: DAY) {"
                + " total { value sampleSize mean median p90 } series { value { value sampleSize median p90 } } } }")
                        .body("errors", nullValue()).body("data.metric.total.sampleSize", equalTo(3))
                        .body("data.metric.total.value", equalTo(1800.0))
                        .body("data.metric.total.median", equalTo(1800.0))
                        .body("data.metric.total.p90", equalTo(3240.0))
                        .body("data.metric.series.value.sampleSize", contains(2, 1))
                        .body("data.metric.series.value.value", contains(2700.0, 0.0))
                        .body("data.metric.series.value.p90", contains(3420.0, 0.0));
    }

    @Test
    void durationsKeepFractionsOfASecondToTheMicrosecond() {
        log.appendAndProject(event("ticket.created", "2026-04-01T09:00:00.000001Z").ticket("F1"),
                event("ticket.agent_replied", "2026-04-01T09:00:01.5Z").ticket("F1").agent("A1"),
                event("ticket.created", "2026-04-01T10:00:00Z").ticket("F2"),
                event("ticket.agent_replied", "2026-04-01T10:00:00.25Z").ticket("F2").agent("A1"),
                event("ticket.created", "2026-04-01T11:00:00Z").ticket("F3"),
                event("ticket.agent_replied", "2026-04-01T11:00:02.000003Z").ticket("F3").agent("A1"),
                event("ticket.created", "2026-04-01T12:00:00Z").ticket("F4"),
                event("ticket.agent_replied", "2026-04-01T12:00:00.75Z").ticket("F4").agent("A1"));
        // Samples in order: 0.25, 0.75, 1.499999, 2.000003. Mean 4.500002 / 4 = 1.1250005.
        // Median at position 0.5 × 3 = 1.5: 0.75 + 0.5 × 0.749999 = 1.1249995.
        // p90 at position 0.9 × 3 = 2.7: 1.499999 + 0.7 × 0.500004 = 1.8500018.
        // The total alone, and as the one point of a day beside its total, which are computed apart.
        String range = "range: {from: \"2026-04-01T00:00:00Z\", to: \"2026-04-02T00:00:00Z\"}";
        for (String granularity : List.of("", ", granularity: DAY")) {
            query("{ metric(metric: FIRST_RESPONSE_TIME, " + range + granularity
                    + ") { total { sampleSize mean median p90 } series { value { sampleSize mean median p90 } } } }")
                            .body("errors", nullValue()).body("data.metric.total.sampleSize", equalTo(4))
                            .body("data.metric.total.mean", closeTo(1.1250005, 1e-12))
                            .body("data.metric.total.median", closeTo(1.1249995, 1e-12))
                            .body("data.metric.total.p90", closeTo(1.8500018, 1e-12))
                            .body("data.metric.series[0].value.sampleSize", equalTo(4))
                            .body("data.metric.series[0].value.mean", closeTo(1.1250005, 1e-12))
                            .body("data.metric.series[0].value.median", closeTo(1.1249995, 1e-12))
                            .body("data.metric.series[0].value.p90", closeTo(1.8500018, 1e-12));
        }
    }

    @Test
    void resolutionTimeCountsTicketsResolvedNow() {
        // T1 10800, T2 86400, T4 7200: mean 34800, median 10800, p90 = 10800 + 0.8 × 75600 = 71280.
        query("{ metric(metric: RESOLUTION_TIME, " + MARCH_2_TO_4 + ") { total { value sampleSize median p90 } } }")
                .body("data.metric.total.sampleSize", equalTo(3)).body("data.metric.total.value", equalTo(34800.0))
                .body("data.metric.total.median", equalTo(10800.0)).body("data.metric.total.p90", equalTo(71280.0));
    }

    @Test
    void durationsWaitForTheCreationAndFollowItWhenItArrivesLate() {
        // T9 is assigned at 13:20 (A1), answered at 13:30 and resolved at 15:00 on 03-02, all before its ticket.created
        // arrives: in no sample. First assignment before: T1 300, T2 1200, T3 1800 → mean 1100.
        log.appendAndProject(event("ticket.assigned", "2026-03-02T13:20:00Z").ticket("T9").agent("A1"),
                event("ticket.agent_replied", "2026-03-02T13:30:00Z").ticket("T9").agent("A1"),
                event("ticket.resolved", "2026-03-02T15:00:00Z").ticket("T9").agent("A1"));
        String durations = "{ frt: metric(metric: FIRST_RESPONSE_TIME, " + MARCH_2_TO_4
                + ") { total { value sampleSize median } } resolution: metric(metric: RESOLUTION_TIME, " + MARCH_2_TO_4
                + ") { total { value sampleSize median } } assignment: metric(metric: FIRST_ASSIGNMENT_TIME, "
                + MARCH_2_TO_4 + ", groupBy: [AGENT]) { total { value sampleSize } series { value { sampleSize } } } }";
        query(durations).body("errors", nullValue()).body("data.frt.total.sampleSize", equalTo(3))
                .body("data.frt.total.value", equalTo(1800.0)).body("data.resolution.total.sampleSize", equalTo(3))
                .body("data.resolution.total.value", equalTo(34800.0))
                .body("data.assignment.total.sampleSize", equalTo(3))
                .body("data.assignment.total.value", equalTo(1100.0))
                .body("data.assignment.series.value.sampleSize", contains(2, 1));
        // Created at 12:00: first response 5400 (samples 0, 1800, 3600, 5400: mean and median 2700); resolution 10800
        // (7200, 10800, 10800, 86400: mean 28800, median 10800); first assignment 4800 (300, 1200, 1800, 4800: mean
        // 2025; A1 now has T1, T3 and T9).
        log.appendAndProject(event("ticket.created", "2026-03-02T12:00:00Z").ticket("T9").channel("email"));
        query(durations).body("errors", nullValue()).body("data.frt.total.sampleSize", equalTo(4))
                .body("data.frt.total.value", equalTo(2700.0)).body("data.frt.total.median", equalTo(2700.0))
                .body("data.resolution.total.sampleSize", equalTo(4))
                .body("data.resolution.total.value", equalTo(28800.0))
                .body("data.resolution.total.median", equalTo(10800.0))
                .body("data.assignment.total.sampleSize", equalTo(4))
                .body("data.assignment.total.value", equalTo(2025.0))
                .body("data.assignment.series.value.sampleSize", contains(3, 1));
    }

    @Test
    void firstContactResolutionIsAPercentWithNumeratorAndDenominator() {
        // Resolved: T1 (one reply: yes), T2 (two replies: no), T4 (no reply: no) = 1/3. By day of resolution:
        // 03-02 T1 = 1/1; 03-03 T2, T4 = 0/2. By resolver: A1 1/1, A2 0/1, none (T4) 0/1.
        query("{ byDay: metric(metric: FIRST_CONTACT_RESOLUTION, " + MARCH_2_TO_4 + ", granularity: DAY) {"
                + " total { value numerator denominator sampleSize } series { value { value numerator denominator } } }"
                + " byAgent: metric(metric: FIRST_CONTACT_RESOLUTION, " + MARCH_2_TO_4 + ", groupBy: [AGENT]) {"
                + " series { period { label } group { value } value { value } } } }").body("errors", nullValue())
                        .body("data.byDay.total.value", closeTo(33.333, 0.001))
                        .body("data.byDay.total.numerator", equalTo(1.0))
                        .body("data.byDay.total.denominator", equalTo(3.0))
                        .body("data.byDay.total.sampleSize", equalTo(3))
                        .body("data.byDay.series.value.value", contains(100.0, 0.0))
                        .body("data.byDay.series.value.denominator", contains(1.0, 2.0))
                        .body("data.byAgent.series.period", contains(nullValue(), nullValue(), nullValue()))
                        .body("data.byAgent.series.group.value.flatten()", contains("A1", "A2", null))
                        .body("data.byAgent.series.value.value", contains(100.0, 0.0, 0.0));
    }

    @Test
    void replyTimeHasOneSamplePerAnsweredMessage() {
        // T1: creation 09:00 → reply 09:30 = 1800 (A1). T2: creation 10:00 → 11:00 = 3600, customer 11:30 → 12:00
        // = 1800 (A2). T3: the reply stamped 30 s before creation answers it with 0 (A1). Samples 0, 1800, 1800,
        // 3600: mean 1800, median 1800, p90 = 1800 + 0.7 × 1800 = 3060. A1: 1800, 0 → 900; A2: 3600, 1800 → 2700.
        query("{ total: metric(metric: REPLY_TIME, " + MARCH_2_TO_4 + ") { total { value sampleSize median p90 } }"
                + " byAgent: metric(metric: REPLY_TIME, " + MARCH_2_TO_4 + ", groupBy: [AGENT]) {"
                + " series { group { value } value { value sampleSize } } } }").body("errors", nullValue())
                        .body("data.total.total.sampleSize", equalTo(4)).body("data.total.total.value", equalTo(1800.0))
                        .body("data.total.total.median", equalTo(1800.0)).body("data.total.total.p90", equalTo(3060.0))
                        .body("data.byAgent.series.group.value.flatten()", contains("A1", "A2"))
                        .body("data.byAgent.series.value.value", contains(900.0, 2700.0));
    }

    @Test
    void replyTimeBySliceTakesTheTicketsDimensionsAndWaitsForTheCreation() {
        // A reply to T9, whose ticket.created has not arrived, is in no sample. By channel: chat T2 3600, 1800 → 2700;
        // email T1 1800, T3 0 → 900. Filtered to region NA: T2 only.
        log.appendAndProject(event("ticket.customer_replied", "2026-03-02T15:00:00Z").ticket("T9"),
                event("ticket.agent_replied", "2026-03-02T15:30:00Z").ticket("T9").agent("A1"));
        query("{ byChannel: metric(metric: REPLY_TIME, " + MARCH_2_TO_4 + ", groupBy: [CHANNEL]) {"
                + " total { sampleSize } series { group { value } value { value sampleSize } } }"
                + " na: metric(metric: REPLY_TIME, " + MARCH_2_TO_4
                + ", filter: [{dimension: REGION, values: [\"NA\"]}])" + " { total { value sampleSize } } }")
                        .body("errors", nullValue()).body("data.byChannel.total.sampleSize", equalTo(4))
                        .body("data.byChannel.series.group.value.flatten()", contains("chat", "email"))
                        .body("data.byChannel.series.value.value", contains(2700.0, 900.0))
                        .body("data.byChannel.series.value.sampleSize", contains(2, 2))
                        .body("data.na.total.sampleSize", equalTo(2)).body("data.na.total.value", equalTo(2700.0));
    }

    @Test
    void severalMessagesBeforeOneReplyAreMeasuredFromTheFirst() {
        log.appendAndProject(event("ticket.created", "2026-03-02T13:00:00Z").ticket("R1").channel("chat"),
                event("ticket.agent_replied", "2026-03-02T13:10:00Z").ticket("R1").agent("A9"),
                // Two customer messages, one internal note, then the answer: 14:30 − 14:00 = 1800 s.
                event("ticket.customer_replied", "2026-03-02T14:00:00Z").ticket("R1"),
                event("ticket.customer_replied", "2026-03-02T14:10:00Z").ticket("R1"),
                event("ticket.agent_replied", "2026-03-02T14:20:00Z").ticket("R1").agent("A9").attr("public", false),
                event("ticket.agent_replied", "2026-03-02T14:30:00Z").ticket("R1").agent("A9"),
                // A second reply in a row answers nothing.
                event("ticket.agent_replied", "2026-03-02T14:40:00Z").ticket("R1").agent("A9"));
        query("{ metric(metric: REPLY_TIME, " + MARCH_2_TO_4 + ", filter: [{dimension: AGENT, values: [\"A9\"]}]) {"
                + " total { sampleSize value } } }").body("data.metric.total.sampleSize", equalTo(2))
                        .body("data.metric.total.value", equalTo((600.0 + 1800.0) / 2));
    }

    @Test
    void reopenedAndReassignedTicketsCountDistinctTicketsPerPeriod() {
        log.appendAndProject(event("ticket.created", "2026-03-02T13:00:00Z").ticket("T7").channel("email"),
                event("ticket.assigned", "2026-03-02T13:05:00Z").ticket("T7").agent("A1"),
                event("ticket.assigned", "2026-03-02T13:10:00Z").ticket("T7").agent("A2"),
                // The same agent again: no reassignment.
                event("ticket.assigned", "2026-03-02T14:00:00Z").ticket("T7").agent("A2"),
                event("ticket.resolved", "2026-03-02T15:00:00Z").ticket("T7").agent("A2"),
                event("ticket.reopened", "2026-03-03T09:00:00Z").ticket("T7"),
                event("ticket.resolved", "2026-03-03T10:00:00Z").ticket("T7").agent("A2"),
                event("ticket.reopened", "2026-03-03T11:00:00Z").ticket("T7"));
        // Reopened twice on 03-03: one ticket. Reassigned once, on 03-02 (T1 to T3 were assigned once each).
        query("{ reopened: metric(metric: TICKETS_REOPENED, " + MARCH_2_TO_4 + ", granularity: DAY) {"
                + " total { value } series { value { value } } }" + " reassigned: metric(metric: TICKETS_REASSIGNED, "
                + MARCH_2_TO_4 + ", granularity: DAY) {" + " total { value } series { value { value } } } }")
                        .body("errors", nullValue()).body("data.reopened.total.value", equalTo(1.0))
                        .body("data.reopened.series.value.value", contains(0.0, 1.0))
                        .body("data.reassigned.total.value", equalTo(1.0))
                        .body("data.reassigned.series.value.value", contains(1.0, 0.0));
        // T7 is open again now, but its reopen belongs to the resolver of its latest resolution, A2.
        query("{ metric(metric: TICKETS_REOPENED, " + MARCH_2_TO_4 + ", groupBy: [AGENT]) {"
                + " series { group { value } value { value } } } }")
                        .body("data.metric.series.group.value.flatten()", contains("A2"))
                        .body("data.metric.series.value.value", contains(1.0));
    }

    @Test
    void aPeriodReachingPastTheRangeIsJudgedAtTheRangesEnd() {
        // T8 is created at 09:30 on 03-03 and resolved at 15:00. The range ends at 12:00 that day, so 03-03's point
        // is judged at 12:00, like the total: T3, T5 and T8 unresolved (T4 was resolved at 11:00, T2 at 10:00).
        log.appendAndProject(event("ticket.created", "2026-03-03T09:30:00Z").ticket("T8").channel("email"),
                event("ticket.resolved", "2026-03-03T15:00:00Z").ticket("T8"));
        query("{ metric(metric: TICKETS_UNRESOLVED, range: {from: \"2026-03-02T00:00:00Z\", to: \"2026-03-03T12:00:00Z\"},"
                + " granularity: DAY) { total { value } series { period { label } value { value } } } }")
                        .body("errors", nullValue()).body("data.metric.total.value", equalTo(3.0))
                        .body("data.metric.series.value.value", contains(1.0, 3.0));
    }

    @Test
    void openTicketsIsASnapshotAtEachPeriodEnd() {
        // End of 03-02: T1 is resolved (12:00), T2 open, T5 not created yet → 1 (T2, assignee A2).
        // End of 03-03: T2 and T4 resolved, T3 and T5 open → 2 (A1 and none). The total is the snapshot at the end.
        query("{ metric(metric: OPEN_TICKETS, " + MARCH_2_TO_4 + ", granularity: DAY, groupBy: [AGENT]) {"
                + " total { value } series { period { label } group { value } value { value } } } }")
                        .body("errors", nullValue()).body("data.metric.total.value", equalTo(2.0))
                        .body("data.metric.series.group.value.flatten()", contains("A1", "A2", null, "A1", "A2", null))
                        .body("data.metric.series.value.value", contains(0.0, 1.0, 0.0, 1.0, 0.0, 1.0));
        // T7 resolved on 03-02 at 15:00, reopened 03-03 09:00, resolved 10:00 and reopened 11:00: resolved at the end
        // of 03-02, open at the end of 03-03.
        log.appendAndProject(event("ticket.created", "2026-03-02T13:00:00Z").ticket("T7").channel("email"),
                event("ticket.resolved", "2026-03-02T15:00:00Z").ticket("T7"),
                event("ticket.reopened", "2026-03-03T09:00:00Z").ticket("T7"),
                event("ticket.resolved", "2026-03-03T10:00:00Z").ticket("T7"),
                event("ticket.reopened", "2026-03-03T11:00:00Z").ticket("T7"));
        query("{ metric(metric: OPEN_TICKETS, " + MARCH_2_TO_4 + ", granularity: DAY) { series { value { value } } } }")
                .body("data.metric.series.value.value", contains(1.0, 3.0));
        // Compared with the day before: 3 open at the end of 03-03, 1 at the end of 03-02.
        query("{ metric(metric: OPEN_TICKETS, range: {from: \"2026-03-03T00:00:00Z\", to: \"2026-03-04T00:00:00Z\"},"
                + " compare: true) { total { value previous change } series { value { value previous } } } }")
                        .body("data.metric.total.previous", equalTo(1.0)).body("data.metric.total.change", equalTo(2.0))
                        .body("data.metric.series[0].value.value", equalTo(3.0));
    }

    @Test
    void backlogCountsOpenTicketsWaitingMoreThanADayForAReply() {
        log.appendAndProject(
                // Answered after the customer's last message: not waiting.
                event("ticket.created", "2026-03-03T00:00:00Z").ticket("B1").channel("email"),
                event("ticket.customer_replied", "2026-03-03T12:00:00Z").ticket("B1"),
                event("ticket.agent_replied", "2026-03-03T13:00:00Z").ticket("B1").agent("A1"),
                // The customer wrote at 20:00 after the reply and heard nothing: 28 h at 03-05 00:00.
                event("ticket.created", "2026-03-03T00:00:00Z").ticket("B2").channel("email"),
                event("ticket.agent_replied", "2026-03-03T01:00:00Z").ticket("B2").agent("A1"),
                event("ticket.customer_replied", "2026-03-03T20:00:00Z").ticket("B2"),
                // Waiting 18 h only.
                event("ticket.created", "2026-03-03T00:00:00Z").ticket("B3").channel("email"),
                event("ticket.customer_replied", "2026-03-04T06:00:00Z").ticket("B3"));
        // At 03-05 00:00 also T3 (created 03-03 08:00; its only reply is stamped before creation: 40 h) and T5
        // (created 03-03 03:00, never answered: 45 h) wait. Backlog: T3, T5, B2.
        query("{ metric(metric: BACKLOG, range: {from: \"2026-03-04T00:00:00Z\", to: \"2026-03-05T00:00:00Z\"}) {"
                + " total { value } series { value { value } } } }").body("errors", nullValue())
                        .body("data.metric.total.value", equalTo(3.0))
                        .body("data.metric.series[0].value.value", equalTo(3.0));
    }

    @Test
    void unresolvedAndResolutionRateJudgeEachPeriodAtItsEnd() {
        // 03-02: T1, T2 created; at the day's end T1 resolved, T2 not: 1 unresolved, rate 1/2.
        // 03-03: T3, T4, T5 created; at the day's end only T4 resolved: 2 unresolved, rate 1/3.
        // Whole range, judged at 03-04: T1, T2, T4 resolved of 5: 2 unresolved, rate 3/5.
        query("{ unresolved: metric(metric: TICKETS_UNRESOLVED, " + MARCH_2_TO_4 + ", granularity: DAY) {"
                + " total { value } series { value { value } } }" + " rate: metric(metric: RESOLUTION_RATE, "
                + MARCH_2_TO_4 + ", granularity: DAY) {"
                + " total { value numerator denominator } series { value { value } } } }").body("errors", nullValue())
                        .body("data.unresolved.total.value", equalTo(2.0))
                        .body("data.unresolved.series.value.value", contains(1.0, 2.0))
                        .body("data.rate.total.value", equalTo(60.0)).body("data.rate.total.numerator", equalTo(3.0))
                        .body("data.rate.total.denominator", equalTo(5.0))
                        .body("data.rate.series[0].value.value", equalTo(50.0))
                        .body("data.rate.series[1].value.value", closeTo(33.333, 0.001));
    }

    @Test
    void withoutGroupByOrGranularityTheSeriesIsOnePointEqualToTheTotal() {
        query("{ metric(metric: TICKETS_CREATED, " + MARCH_2_TO_4 + ") { total { value }"
                + " series { period { label } group { value } value { value } } } }")
                        .body("data.metric.series", hasSize(1)).body("data.metric.series[0].period", nullValue())
                        .body("data.metric.series[0].group", hasSize(0))
                        .body("data.metric.series[0].value.value", equalTo(5.0));
    }

    @Test
    void slaRatesFollowThePoliciesAndTheirChanges() {
        // Default normal targets: 8 h first response, 48 h resolution. First response: T1 1800 s, T2 3600 s, T3 0 s
        // achieved (anchored at the reply); T4 and T5 never answered, breached at due (03-03 17:00 and 11:00).
        // 03-02: 2 of 2; 03-03: 1 of 3; total 3 of 5 = 60 %.
        // Resolution within 48 h: T1, T2, T4 achieved; T3 and T5 breach on 03-05 (due 08:00 and 03:00), outside
        // the range, so 3 of 3 here and 3 of 5 up to 03-06.
        query("{ fr: metric(metric: SLA_FIRST_RESPONSE_RATE, " + MARCH_2_TO_4 + ", granularity: DAY) {"
                + " total { value numerator denominator } series { value { value } } }"
                + " res: metric(metric: SLA_RESOLUTION_RATE, " + MARCH_2_TO_4 + ") { total { value } }"
                + " resLonger: metric(metric: SLA_RESOLUTION_RATE, range: {from: \"2026-03-02T00:00:00Z\","
                + " to: \"2026-03-06T00:00:00Z\"}) { total { value } }"
                + " slaPolicies { priority firstResponseSeconds resolutionSeconds } }").body("errors", nullValue())
                        .body("data.fr.total.value", equalTo(60.0)).body("data.fr.total.denominator", equalTo(5.0))
                        .body("data.fr.series[0].value.value", equalTo(100.0))
                        .body("data.fr.series[1].value.value", closeTo(33.333, 0.001))
                        .body("data.res.total.value", equalTo(100.0)).body("data.resLonger.total.value", equalTo(60.0))
                        .body("data.slaPolicies.priority", contains("urgent", "high", "normal", "low"))
                        .body("data.slaPolicies.firstResponseSeconds", contains(3600, 14400, 28800, 86400));

        // Normal tickets must now be answered within 20 min: T1 (30 min) and T2 (60 min) breach; T3 still achieves.
        query("mutation { updateSlaPolicy(priority: \"normal\", firstResponseSeconds: 1200, resolutionSeconds: 172800)"
                + " { priority firstResponseSeconds } }").body("errors", nullValue())
                        .body("data.updateSlaPolicy.firstResponseSeconds", equalTo(1200));
        query("{ metric(metric: SLA_FIRST_RESPONSE_RATE, " + MARCH_2_TO_4 + ") { total { value } } }")
                .body("data.metric.total.value", equalTo(20.0));

        query("mutation { updateSlaPolicy(priority: \"critical\", firstResponseSeconds: 60, resolutionSeconds: 60)"
                + " { priority } }").body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                        .body("errors[0].message", containsString("priority must be one of"));
        query("mutation { updateSlaPolicy(priority: \"low\", firstResponseSeconds: 0, resolutionSeconds: 60)"
                + " { priority } }").body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }

    @Test
    void anSlaStillRunningCountsNeitherWayUntilItsDueTimePasses() {
        // Normal priority: 8 h to a first reply. S1 waits for 1 h: still running, not in the rate. S2 has waited 9 h:
        // breached at its due time, 1 h ago.
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        log.appendAndProject(event("ticket.created", now.minusSeconds(3600).toString()).ticket("S1").channel("chat"),
                event("ticket.created", now.minusSeconds(9 * 3600).toString()).ticket("S2").channel("chat"));
        String lastDay = "range: {from: \"" + now.minusSeconds(86_400) + "\", to: \"" + now.plusSeconds(86_400) + "\"}";
        query("{ metric(metric: SLA_FIRST_RESPONSE_RATE, " + lastDay + ") { total { value numerator denominator } } }")
                .body("errors", nullValue()).body("data.metric.total.denominator", equalTo(1.0))
                .body("data.metric.total.value", equalTo(0.0));
    }

    @Test
    void aRepeatedQueryIsAnsweredFromTheCacheUntilANewEventArrives() {
        String created = "{ metric(metric: TICKETS_CREATED, " + MARCH_2_TO_4 + ") { total { value } } }";
        query(created).body("data.metric.total.value", equalTo(5.0));
        double hits = cacheHits();
        query(created).body("data.metric.total.value", equalTo(5.0));
        org.junit.jupiter.api.Assertions.assertEquals(hits + 1, cacheHits(), "the repeat is a cache hit");
        // A new ticket in the range moves the watermark: the next answer is computed afresh.
        log.appendAndProject(event("ticket.created", "2026-03-03T20:00:00Z").ticket("T9").channel("web"));
        query(created).body("data.metric.total.value", equalTo(6.0));
        org.junit.jupiter.api.Assertions.assertEquals(hits + 1, cacheHits());
    }

    private static double cacheHits() {
        String prometheus = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract()
                .asString();
        java.util.regex.Matcher hit = java.util.regex.Pattern
                .compile("(?m)^supportpulse_metrics_answers_total\\{cache=\"hit\"[^}]*\\} ([0-9.eE+-]+)$")
                .matcher(prometheus);
        return hit.find() ? Double.parseDouble(hit.group(1)) : 0;
    }

    @Test
    void otherTicketRatesAndMeans() {
        // Escalation: 1 of 5 created (T2) = 20 %. Agent replies per resolved ticket: (1 + 2 + 0) / 3 = 1.
        // Customer replies: (0 + 1 + 0) / 3. Time spent: (600 + 0 + 0) / 3 = 200 s. Reopen rate: 0 of 3.
        // First assignment: T1 300 s, T2 1200 s, T3 1800 s: mean 1100. Resolved by channel: chat, email, phone 1 each.
        query("{ metrics(metrics: [ESCALATION_RATE, AGENT_REPLIES_PER_TICKET, CUSTOMER_REPLIES_PER_TICKET, TIME_SPENT,"
                + " REOPEN_RATE, FIRST_ASSIGNMENT_TIME], " + MARCH_2_TO_4 + ") { metric total { value } }"
                + " resolved: metric(metric: TICKETS_RESOLVED, " + MARCH_2_TO_4 + ", groupBy: [CHANNEL]) {"
                + " series { group { value } value { value } } } }")
                        .body("errors", nullValue())
                        .body("data.metrics.metric",
                                contains("ESCALATION_RATE", "AGENT_REPLIES_PER_TICKET", "CUSTOMER_REPLIES_PER_TICKET",
                                        "TIME_SPENT", "REOPEN_RATE", "FIRST_ASSIGNMENT_TIME"))
                        .body("data.metrics[0].total.value", equalTo(20.0))
                        .body("data.metrics[1].total.value", equalTo(1.0))
                        .body("data.metrics[2].total.value", closeTo(0.3333, 0.0001))
                        .body("data.metrics[3].total.value", equalTo(200.0))
                        .body("data.metrics[4].total.value", equalTo(0.0))
                        .body("data.metrics[5].total.value", equalTo(1100.0))
                        .body("data.resolved.series.group.value.flatten()", contains("chat", "email", "phone"))
                        .body("data.resolved.series.value.value", contains(1.0, 1.0, 1.0));
    }

    @Test
    void filtersKeepOnlyTheGivenValues() {
        // Email tickets created: T1, T3, T5; of those assigned to A1: T1, T3.
        query("{ metric(metric: TICKETS_CREATED, " + MARCH_2_TO_4
                + ", filter: [{dimension: CHANNEL, values: [\"email\"]},"
                + " {dimension: AGENT, values: [\"A1\"]}]) { total { value } } }").body("data.metric.total.value",
                        equalTo(2.0));
    }

    @Test
    void daysAreCutInTheQueryTimeZone() {
        // New York is UTC−5 in early March. Its 03-02 is [03-02 05:00Z, 03-03 05:00Z): T1, T2 and T5 (22:00 local).
        query("{ metric(metric: TICKETS_CREATED, range: {from: \"2026-03-02T00:00:00-05:00\","
                + " to: \"2026-03-04T00:00:00-05:00\"}, granularity: DAY, timezone: \"America/New_York\") {"
                + " total { value } series { period { start label } value { value } } } }").body("errors", nullValue())
                        .body("data.metric.series.period.label", contains("2026-03-02", "2026-03-03"))
                        .body("data.metric.series.period.start",
                                contains("2026-03-02T00:00:00-05:00", "2026-03-03T00:00:00-05:00"))
                        .body("data.metric.series.value.value", contains(3.0, 2.0));
    }

    @Test
    void aDstDayInStockholmHas23HoursAndWeeksStartOnMonday() {
        log.appendAndProject(
                // 00:30 local on 03-29 (CET, +01:00), 23:30 local on 03-29 (CEST, +02:00), 00:30 local on 03-30.
                event("ticket.created", "2026-03-28T23:30:00Z").ticket("D1").channel("email"),
                event("ticket.created", "2026-03-29T21:30:00Z").ticket("D2").channel("email"),
                event("ticket.created", "2026-03-29T22:30:00Z").ticket("D3").channel("email"),
                // A Wednesday in the week that starts on Monday 30 March and ends in April.
                event("ticket.created", "2026-04-01T12:00:00Z").ticket("W1").channel("email"));
        query("{ day: metric(metric: TICKETS_CREATED, range: {from: \"2026-03-29T00:00:00+01:00\","
                + " to: \"2026-03-31T00:00:00+02:00\"}, granularity: DAY, timezone: \"Europe/Stockholm\") {"
                + " series { period { start end label } value { value } } }"
                + " week: metric(metric: TICKETS_CREATED, range: {from: \"2026-03-30T00:00:00Z\","
                + " to: \"2026-04-06T00:00:00Z\"}, granularity: WEEK) { series { period { start end label } value { value } } } }")
                        .body("errors", nullValue())
                        .body("data.day.series.period.start",
                                contains("2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00"))
                        .body("data.day.series.period.end",
                                contains("2026-03-30T00:00:00+02:00", "2026-03-31T00:00:00+02:00"))
                        .body("data.day.series.value.value", contains(2.0, 1.0))
                        .body("data.week.series.period.label", contains("2026-W14"))
                        .body("data.week.series.period.start", contains("2026-03-30T00:00:00Z"))
                        .body("data.week.series.value.value", contains(1.0));
    }

    @Test
    void seriesAreDenseAcrossDaysWithoutRecords() {
        // 03-04 has no ticket: it still has a point for every channel, with count 0.
        query("{ metric(metric: TICKETS_CREATED, range: {from: \"2026-03-02T00:00:00Z\", to: \"2026-03-05T00:00:00Z\"},"
                + " granularity: DAY, groupBy: [CHANNEL]) { series { period { label } group { value } value { value } } } }")
                        .body("data.metric.series", hasSize(9))
                        .body("data.metric.series.value.value", contains(1.0, 1.0, 0.0, 0.0, 2.0, 1.0, 0.0, 0.0, 0.0));
    }

    @Test
    void compareGivesThePreviousPeriodOfTheSameLength() {
        // 03-03 holds T3, T4, T5; the day before, T1 and T2.
        query("{ metric(metric: TICKETS_CREATED, range: {from: \"2026-03-03T00:00:00Z\", to: \"2026-03-04T00:00:00Z\"},"
                + " granularity: DAY, compare: true) { total { value previous change }"
                + " series { value { value previous change } } } }").body("errors", nullValue())
                        .body("data.metric.total.value", equalTo(3.0)).body("data.metric.total.previous", equalTo(2.0))
                        .body("data.metric.total.change", equalTo(1.0))
                        .body("data.metric.series[0].value.previous", equalTo(2.0));
    }

    @Test
    void compareShiftsByTheRangesExactLengthFractionsOfASecondIncluded() {
        // 09:00:00.4 .. 09:00:00.9 on 03-02 holds no creation; shifted back by its 0.5 s, 08:59:59.9 .. 09:00:00.4
        // holds T1's, at 09:00:00.0 → previous 1, change −1 (a shift of whole seconds, 0 s, would compare the range
        // with itself).
        query("{ metric(metric: TICKETS_CREATED, range: {from: \"2026-03-02T09:00:00.4Z\","
                + " to: \"2026-03-02T09:00:00.9Z\"}, compare: true) { total { value previous change } } }")
                        .body("errors", nullValue()).body("data.metric.total.value", equalTo(0.0))
                        .body("data.metric.total.previous", equalTo(1.0))
                        .body("data.metric.total.change", equalTo(-1.0));
    }

    @Test
    void severalMetricsAndTheCatalogInOneDocument() {
        query("{ metricCatalog { metric unit dimensions }" + " a: metric(metric: TICKETS_CREATED, " + MARCH_2_TO_4
                + ") { total { value } }" + " b: metric(metric: TICKETS_RESOLVED, " + MARCH_2_TO_4
                + ") { total { value } } }").body("errors", nullValue()).body("data.metricCatalog", hasSize(52))
                        .body("data.a.total.value", equalTo(5.0)).body("data.b.total.value", equalTo(3.0));
    }

    @Test
    void badInputIsABadUserInputErrorWithoutAStackTrace() {
        assertBadUserInput("metric(metric: TICKETS_CREATED, range: {from: \"2026-03-04T00:00:00Z\","
                + " to: \"2026-03-02T00:00:00Z\"})", "range.from must be before range.to");
        // Offsets are no zone names; PostgreSQL would read "+02:00" with its sign reversed.
        assertBadUserInput("metric(metric: TICKETS_CREATED, " + MARCH_2_TO_4 + ", timezone: \"+02:00\")",
                "is not an IANA time zone");
        assertBadUserInput("ticketLoad(" + MARCH_2_TO_4 + ", timezone: \"UTC+02:00\")", "is not an IANA time zone");
        assertBadUserInput("metric(metric: ABANDONMENT_RATE, " + MARCH_2_TO_4 + ", groupBy: [AGENT])",
                "ABANDONMENT_RATE cannot be sliced by AGENT");
        assertBadUserInput(
                "metric(metric: KB_ARTICLE_VIEWS, " + MARCH_2_TO_4
                        + ", filter: [{dimension: PRIORITY, values: [\"high\"]}])",
                "KB_ARTICLE_VIEWS cannot be sliced by PRIORITY");
        // A year by hour is 8,760 points, over the 5,000 allowed.
        assertBadUserInput("metric(metric: TICKETS_CREATED, range: {from: \"2026-01-01T00:00:00Z\","
                + " to: \"2027-01-01T00:00:00Z\"}, granularity: HOUR)", "more than 5000 points");
        // PostgreSQL refuses U+0000 in a parameter; no stored value holds it.
        assertBadUserInput("metric(metric: TICKETS_CREATED, " + MARCH_2_TO_4
                + ", filter: [{dimension: CHANNEL, values: [\"em\\u0000ail\"]}])", "NUL character");
        // An empty range (from = to) on every query that takes one; an unknown zone on each with a timezone.
        // metrics(...) checks each metric as metric(...) does, and fails as a whole.
        String empty = "range: {from: \"2026-03-02T00:00:00Z\", to: \"2026-03-02T00:00:00Z\"}";
        for (String field : List.of("metric(metric: TICKETS_CREATED, ", "metrics(metrics: [TICKETS_CREATED], ",
                "ticketLoad(")) {
            assertBadUserInput(field + empty + ")", "range.from must be before range.to");
            assertBadUserInput(field + MARCH_2_TO_4 + ", timezone: \"Mars/Olympus\")",
                    "'Mars/Olympus' is not an IANA time zone");
        }
        assertBadUserInput("leaderboard(rankBy: TICKETS_RESOLVED, " + empty + ")",
                "range.from must be before range.to");
        assertBadUserInput(
                "metrics(metrics: [TICKETS_CREATED, ABANDONMENT_RATE], " + MARCH_2_TO_4 + ", groupBy: [AGENT])",
                "ABANDONMENT_RATE cannot be sliced by AGENT");
    }

    @Test
    void theCatalogDescribesEveryMetricOfTheSpec() {
        // metrics.md lists 52 metrics; each comes with a name, its formula, unit and dimensions.
        query("{ metricCatalog { metric name description unit higherIsBetter dimensions formula } }")
                .body("errors", nullValue()).body("data.metricCatalog", hasSize(52))
                .body("data.metricCatalog.findAll { it.formula.length() < 20 || it.name.isEmpty() }", hasSize(0))
                .body("data.metricCatalog.findAll { it.dimensions.isEmpty() }", hasSize(0))
                .body("data.metricCatalog.find { it.metric == 'SELF_SERVICE_SCORE' }.unit", equalTo("RATIO"))
                .body("data.metricCatalog.find { it.metric == 'FIRST_RESPONSE_TIME' }.higherIsBetter", equalTo(false))
                .body("data.metricCatalog.find { it.metric == 'TICKETS_CREATED' }.higherIsBetter", nullValue())
                .body("data.metricCatalog.find { it.metric == 'COST_PER_TICKET' }.dimensions",
                        contains("CHANNEL", "REGION"))
                .body("data.metricCatalog.find { it.metric == 'ABANDONMENT_RATE' }.dimensions",
                        contains("TEAM", "CHANNEL", "REGION"));
    }

    @Test
    void leaderboardRanksAgentsBestFirstWithoutValueLastAndRespectsTheLimit() {
        // A3 is assigned a ticket but resolves none: no resolution time, so last.
        log.appendAndProject(event("ticket.created", "2026-03-03T12:00:00Z").ticket("T6").channel("web"),
                event("ticket.assigned", "2026-03-03T12:10:00Z").ticket("T6").agent("A3"));
        // Resolution time (lower is better): A1 10800 (T1), A2 86400 (T2), A3 none.
        // First assignment time beside it: A1 (300 + 1800) / 2 = 1050, A2 1200, A3 600.
        String board = "leaderboard(rankBy: RESOLUTION_TIME, metrics: [FIRST_ASSIGNMENT_TIME], " + MARCH_2_TO_4;
        query("{ all: " + board + ") { rank agent values { metric total { value } } }" + " top2: " + board
                + ", limit: 2) { agent } }").body("errors", nullValue()).body("data.all.rank", contains(1, 2, 3))
                        .body("data.all.agent", contains("A1", "A2", "A3"))
                        .body("data.all[0].values.metric", contains("RESOLUTION_TIME", "FIRST_ASSIGNMENT_TIME"))
                        .body("data.all.values.total.value.collect { it[0] }", contains(10800.0, 86400.0, null))
                        .body("data.all.values.total.value.collect { it[1] }", contains(1050.0, 1200.0, 600.0))
                        .body("data.top2.agent", contains("A1", "A2"));
        // Equal counts: ties go by agent id.
        query("{ leaderboard(rankBy: TICKETS_RESOLVED, " + MARCH_2_TO_4 + ") { agent values { total { value } } } }")
                .body("data.leaderboard.agent", contains("A1", "A2"));
        assertBadUserInput("leaderboard(rankBy: BLOCKAGE, " + MARCH_2_TO_4 + ")", "BLOCKAGE cannot be sliced by AGENT");
    }

    @Test
    void ticketLoadIsTheFullWeekdayByHourGridInTheTimeZone() {
        // UTC: Monday 03-02 09h T1, 10h T2; Tuesday 03-03 03h T5, 08h T3, 09h T4.
        query("{ ticketLoad(" + MARCH_2_TO_4 + ") { dayOfWeek hour tickets } }").body("errors", nullValue())
                .body("data.ticketLoad", hasSize(168))
                .body("data.ticketLoad.findAll { it.tickets > 0 }.collect { [it.dayOfWeek, it.hour, it.tickets] }",
                        contains(List.of(1, 9, 1), List.of(1, 10, 1), List.of(2, 3, 1), List.of(2, 8, 1),
                                List.of(2, 9, 1)));
        // New York (UTC−5): T5 is Monday 22h; the others move 5 hours earlier.
        query("{ ticketLoad(" + MARCH_2_TO_4 + ", timezone: \"America/New_York\") { dayOfWeek hour tickets } }").body(
                "data.ticketLoad.findAll { it.tickets > 0 }.collect { [it.dayOfWeek, it.hour] }",
                contains(List.of(1, 4), List.of(1, 5), List.of(1, 22), List.of(2, 3), List.of(2, 4)));
    }

    private static void assertBadUserInput(String field, String message) {
        String selection = field.startsWith("leaderboard") ? " { agent }"
                : field.startsWith("ticketLoad") ? " { tickets }" : " { total { value } }";
        query("{ " + field + selection + " }").body("data", nullValue()).body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString(message))
                .body("errors[0].extensions.exception", nullValue());
    }

}

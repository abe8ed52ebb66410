package dev.supportpulse.metrics.api;

import static dev.supportpulse.metrics.support.Event.event;
import static dev.supportpulse.metrics.support.GraphQl.query;
import static dev.supportpulse.metrics.support.Invitation.invitation;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

import dev.supportpulse.metrics.support.EventLog;
import dev.supportpulse.metrics.support.Invitation;
import dev.supportpulse.metrics.support.SurveyLog;

/**
 * Satisfaction metrics over GraphQL: survey responses written into survey-service's tables, quality reviews through the
 * event log, on a small data set whose answers are worked out by hand below.
 *
 * <pre>
 * Tickets, all created 03-02 08:00Z:
 *   T1 email EU team billing, type bug, priority high, assigned A1
 *   T2 chat NA team support, type question, priority normal, assigned A2
 *   T3 email EU, type bug, priority urgent, assigned A1
 *   T4 phone NA, priority low, assigned A2
 * Survey invitations (sent → answered), and the dimensions they take:
 *   C1 CSAT T1, sent 03-02 09:00Z, 5 at 03-02 10:00Z          agent A1 (T1's assignee), email, high, bug
 *   C2 CSAT T2 agent A9 channel web, sent 03-02 09:00Z,
 *      4 at 03-02 22:30Z (23:30 in Stockholm)                 agent A9, web (its own, not T2's A2 and chat), normal
 *   C3 CSAT T3, sent 03-02 09:00Z, 3 at 03-02 23:30Z
 *      (03-03 00:30 in Stockholm)                             agent A1, email, urgent, bug
 *   C4 CSAT T4, sent 03-02 09:00Z, 1 at 03-03 09:00Z          agent A2, phone, low
 *   C5 CSAT no ticket, agent A1 email, sent 03-03 10:00Z, unanswered
 *   E1 CES T1, sent 03-02 09:00Z, 7 at 03-02 12:00Z
 *   E2 CES T2, sent 03-02 09:00Z, 4 at 03-03 12:00Z
 *   E3 CES T3, sent 03-03 09:00Z, unanswered
 *   E4 CES T4, sent 03-03 09:00Z, 6 at 03-05 09:00Z (after the range 03-02..03-04)
 * Quality reviews (qa.review):
 *   Q1 T1 A1 80 at 03-02 12:00Z (team: T1's billing); Q2 T2 A2 team tier2 90.5 at 03-02 13:00Z (its own team);
 *   Q3 T3 A1 60 at 03-03 10:00Z (T3 has no team)
 * </pre>
 */
@QuarkusTest
class SatisfactionMetricsTest {

    private static final String MARCH_2_TO_4 = "range: {from: \"2026-03-02T00:00:00Z\", to: \"2026-03-04T00:00:00Z\"}";

    @Inject
    EventLog log;

    @Inject
    SurveyLog surveys;

    @Inject
    Pool pool;

    private Invitation unansweredC5;

    @BeforeEach
    void dataSet() {
        log.clear();
        surveys.clear();
        log.append(
                event("ticket.created", "2026-03-02T08:00:00Z").ticket("T1").channel("email").region("EU")
                        .team("billing").attr("type", "bug").attr("priority", "high"),
                event("ticket.assigned", "2026-03-02T08:10:00Z").ticket("T1").agent("A1"),
                event("ticket.created", "2026-03-02T08:00:00Z").ticket("T2").channel("chat").region("NA")
                        .team("support").attr("type", "question"),
                event("ticket.assigned", "2026-03-02T08:10:00Z").ticket("T2").agent("A2"),
                event("ticket.created", "2026-03-02T08:00:00Z").ticket("T3").channel("email").region("EU")
                        .attr("type", "bug").attr("priority", "urgent"),
                event("ticket.assigned", "2026-03-02T08:10:00Z").ticket("T3").agent("A1"),
                event("ticket.created", "2026-03-02T08:00:00Z").ticket("T4").channel("phone").region("NA").attr(
                        "priority", "low"),
                event("ticket.assigned", "2026-03-02T08:10:00Z").ticket("T4").agent("A2"),
                event("qa.review", "2026-03-02T12:00:00Z").ticket("T1").agent("A1").attr("score", 80),
                event("qa.review", "2026-03-02T13:00:00Z").ticket("T2").agent("A2").team("tier2").attr("score", 90.5),
                event("qa.review", "2026-03-03T10:00:00Z").ticket("T3").agent("A1").attr("score", 60));
        unansweredC5 = invitation("CSAT", "2026-03-03T10:00:00Z").agent("A1").channel("email");
        surveys.write(invitation("CSAT", "2026-03-02T09:00:00Z").ticket("T1").answered(5, "2026-03-02T10:00:00Z"),
                invitation("CSAT", "2026-03-02T09:00:00Z").ticket("T2").agent("A9").channel("web").answered(4,
                        "2026-03-02T22:30:00Z"),
                invitation("CSAT", "2026-03-02T09:00:00Z").ticket("T3").answered(3, "2026-03-02T23:30:00Z"),
                invitation("CSAT", "2026-03-02T09:00:00Z").ticket("T4").answered(1, "2026-03-03T09:00:00Z"),
                unansweredC5,
                invitation("CES", "2026-03-02T09:00:00Z").ticket("T1").answered(7, "2026-03-02T12:00:00Z"),
                invitation("CES", "2026-03-02T09:00:00Z").ticket("T2").answered(4, "2026-03-03T12:00:00Z"),
                invitation("CES", "2026-03-03T09:00:00Z").ticket("T3"),
                invitation("CES", "2026-03-03T09:00:00Z").ticket("T4").answered(6, "2026-03-05T09:00:00Z"));
        log.project();
    }

    @Test
    void csatIsTheShareOfResponsesScoringFourOrFiveAndCsatScoreTheirMean() {
        // C1..C4 scored 5, 4, 3, 1: two of four are ≥ 4 = 50 %; mean (5 + 4 + 3 + 1) / 4 = 3.25. C5 is unanswered.
        query("{ csat: metric(metric: CSAT, " + MARCH_2_TO_4 + ") { unit total { value sampleSize numerator"
                + " denominator } } score: metric(metric: CSAT_SCORE, " + MARCH_2_TO_4 + ") { unit total { value"
                + " sampleSize mean numerator denominator } } }").body("errors", nullValue())
                        .body("data.csat.unit", equalTo("PERCENT")).body("data.csat.total.value", equalTo(50.0))
                        .body("data.csat.total.sampleSize", equalTo(4)).body("data.csat.total.numerator", equalTo(2.0))
                        .body("data.csat.total.denominator", equalTo(4.0)).body("data.score.unit", equalTo("SCORE"))
                        .body("data.score.total.value", equalTo(3.25)).body("data.score.total.mean", equalTo(3.25))
                        .body("data.score.total.sampleSize", equalTo(4)).body("data.score.total.numerator", nullValue())
                        .body("data.score.total.denominator", nullValue());
    }

    @Test
    void cesIsTheMeanOfTheResponsesSubmittedInTheRange() {
        // In 03-02..03-04: E1 7 and E2 4 → 5.5 (E4 was submitted on 03-05). Up to 03-06: (7 + 4 + 6) / 3 = 17 / 3.
        query("{ inRange: metric(metric: CES, " + MARCH_2_TO_4 + ") { total { value sampleSize } }"
                + " longer: metric(metric: CES, range: {from: \"2026-03-02T00:00:00Z\", to: \"2026-03-06T00:00:00Z\"})"
                + " { total { value sampleSize } } }").body("errors", nullValue())
                        .body("data.inRange.total.value", equalTo(5.5))
                        .body("data.inRange.total.sampleSize", equalTo(2))
                        .body("data.longer.total.value", closeTo(17.0 / 3, 1e-9))
                        .body("data.longer.total.sampleSize", equalTo(3));
    }

    @Test
    void responseRateCountsInvitationsWhenSentAndAnsweredIfTheyHaveAResponseNow() {
        // Sent on 03-02: C1..C4, E1, E2, all answered: 6 / 6. Sent on 03-03: C5, E3 unanswered, E4 answered on 03-05
        // (after the range, still answered now): 1 / 3. Total 7 / 9 = 77.78 %.
        query("{ metric(metric: SURVEY_RESPONSE_RATE, " + MARCH_2_TO_4 + ", granularity: DAY) {"
                + " total { value numerator denominator sampleSize } series { period { label }"
                + " value { value numerator denominator } } } }").body("errors", nullValue())
                        .body("data.metric.total.value", closeTo(700.0 / 9, 1e-9))
                        .body("data.metric.total.numerator", equalTo(7.0))
                        .body("data.metric.total.denominator", equalTo(9.0))
                        .body("data.metric.total.sampleSize", equalTo(9))
                        .body("data.metric.series.period.label", contains("2026-03-02", "2026-03-03"))
                        .body("data.metric.series.value.value", contains(equalTo(100.0), closeTo(100.0 / 3, 1e-9)))
                        .body("data.metric.series.value.denominator", contains(6.0, 3.0));
    }

    @Test
    void anInvitationWithoutAgentIsTheTicketAssigneesAndItsOwnAgentWins() {
        // C1 (5) and C3 (3) name no agent: their tickets' assignee A1 → 1 / 2. C4 (1): T4's assignee A2 → 0 / 1.
        // C2 (4) names A9, though T2 is assigned to A2 → A9 1 / 1.
        query("{ metric(metric: CSAT, " + MARCH_2_TO_4 + ", groupBy: [AGENT]) {"
                + " series { group { dimension value } value { value sampleSize } } } }").body("errors", nullValue())
                        .body("data.metric.series.group.value.flatten()", contains("A1", "A2", "A9"))
                        .body("data.metric.series.value.value", contains(50.0, 0.0, 100.0))
                        .body("data.metric.series.value.sampleSize", contains(2, 1, 1));
    }

    @Test
    void theInvitationsOwnChannelWinsOverItsTickets() {
        // email: C1 5, C3 3 → 4; phone: C4 1; web: C2 4 (its own channel; its ticket T2 is chat, which has none).
        query("{ metric(metric: CSAT_SCORE, " + MARCH_2_TO_4 + ", groupBy: [CHANNEL]) {"
                + " series { group { value } value { value sampleSize } } } }").body("errors", nullValue())
                        .body("data.metric.series.group.value.flatten()", contains("email", "phone", "web"))
                        .body("data.metric.series.value.value", contains(4.0, 1.0, 4.0))
                        .body("data.metric.series.value.sampleSize", contains(2, 1, 1));
    }

    @Test
    void priorityAndTypeComeFromTheTicket() {
        // C1 T1 high 5; C4 T4 low 1; C2 T2 normal (the default) 4; C3 T3 urgent 3. Type bug: C1 5, C3 3 → 50 %.
        query("{ byPriority: metric(metric: CSAT_SCORE, " + MARCH_2_TO_4 + ", groupBy: [PRIORITY]) {"
                + " series { group { value } value { value } } }" + " bugs: metric(metric: CSAT, " + MARCH_2_TO_4
                + ", filter: [{dimension: TYPE, values: [\"bug\"]}]) { total { value sampleSize } }"
                + " emailA1: metric(metric: CSAT, " + MARCH_2_TO_4 + ", filter: [{dimension: CHANNEL, values:"
                + " [\"email\"]}, {dimension: AGENT, values: [\"A1\"]}]) { total { value sampleSize } } }")
                        .body("errors", nullValue())
                        .body("data.byPriority.series.group.value.flatten()",
                                contains("high", "low", "normal", "urgent"))
                        .body("data.byPriority.series.value.value", contains(5.0, 1.0, 4.0, 3.0))
                        .body("data.bugs.total.value", equalTo(50.0)).body("data.bugs.total.sampleSize", equalTo(2))
                        .body("data.emailA1.total.value", equalTo(50.0))
                        .body("data.emailA1.total.sampleSize", equalTo(2));
    }

    @Test
    void daysAreCutInStockholmAroundMidnight() {
        // Stockholm is UTC+1 in early March. Its 03-02: C1 (11:00) 5 and C2 (23:30) 4 → 4.5, CSAT 100 %; its 03-03:
        // C3 (00:30) 3 and C4 (10:00) 1 → 2, CSAT 0 %. The same in UTC days: 03-02 C1, C2, C3 → 4; 03-03 C4 → 1.
        String stockholm = "range: {from: \"2026-03-02T00:00:00+01:00\", to: \"2026-03-04T00:00:00+01:00\"},"
                + " granularity: DAY, timezone: \"Europe/Stockholm\"";
        query("{ score: metric(metric: CSAT_SCORE, " + stockholm + ") { series { period { start label }"
                + " value { value sampleSize } } } csat: metric(metric: CSAT, " + stockholm + ") {"
                + " series { value { value } } } utc: metric(metric: CSAT_SCORE, " + MARCH_2_TO_4
                + ", granularity: DAY) { series { value { value } } } }")
                        .body("errors", nullValue())
                        .body("data.score.series.period.start",
                                contains("2026-03-02T00:00:00+01:00", "2026-03-03T00:00:00+01:00"))
                        .body("data.score.series.value.value", contains(4.5, 2.0))
                        .body("data.score.series.value.sampleSize", contains(2, 2))
                        .body("data.csat.series.value.value", contains(100.0, 0.0))
                        .body("data.utc.series.value.value", contains(4.0, 1.0));
    }

    @Test
    void npsAtItsExtremesAndBetweenAndNullWithoutResponses() {
        surveys.write(
                // 03-10, promoters only: 100.
                nps("2026-03-10T10:00:00Z", 9), nps("2026-03-10T11:00:00Z", 10),
                // 03-11, detractors only (6 is still one): −100.
                nps("2026-03-11T10:00:00Z", 0), nps("2026-03-11T11:00:00Z", 6),
                // 03-12, 2 promoters, 1 passive, 2 detractors: 100 × (2 − 2) / 5 = 0.
                nps("2026-03-12T10:00:00Z", 9), nps("2026-03-12T11:00:00Z", 10), nps("2026-03-12T12:00:00Z", 8),
                nps("2026-03-12T13:00:00Z", 3), nps("2026-03-12T14:00:00Z", 6),
                // 03-13, 3 promoters, 1 passive (7), 1 detractor: 100 × (3 − 1) / 5 = 40.
                nps("2026-03-13T10:00:00Z", 10), nps("2026-03-13T11:00:00Z", 9), nps("2026-03-13T12:00:00Z", 9),
                nps("2026-03-13T13:00:00Z", 7), nps("2026-03-13T14:00:00Z", 0));
        log.project();
        // 03-14 has no response: null, never 0. Total: promoters 2 + 0 + 2 + 3 = 7, detractors 0 + 2 + 2 + 1 = 5,
        // of 14 responses: 100 × 2 / 14.
        query("{ days: metric(metric: NPS, range: {from: \"2026-03-10T00:00:00Z\", to: \"2026-03-15T00:00:00Z\"},"
                + " granularity: DAY) { unit total { value sampleSize } series { value { value sampleSize } } }"
                + " none: metric(metric: NPS, range: {from: \"2026-03-20T00:00:00Z\", to: \"2026-03-21T00:00:00Z\"})"
                + " { total { value sampleSize } series { value { value sampleSize } } } }").body("errors", nullValue())
                        .body("data.days.unit", equalTo("SCORE"))
                        .body("data.days.series.value.value", contains(100.0, -100.0, 0.0, 40.0, null))
                        .body("data.days.series.value.sampleSize", contains(2, 2, 5, 5, 0))
                        .body("data.days.total.value", closeTo(200.0 / 14, 1e-9))
                        .body("data.days.total.sampleSize", equalTo(14)).body("data.none.total.value", nullValue())
                        .body("data.none.total.sampleSize", equalTo(0))
                        .body("data.none.series.value.value", contains(nullValue()));
    }

    @Test
    void internalQualityScoreByAgentAndTeamFromTheReviewThenItsTicket() {
        // A1: Q1 80, Q3 60 → 70; A2: Q2 90.5. Total 230.5 / 3. Teams: billing (T1's) 80, tier2 (Q2's own, T2 is in
        // support) 90.5, none (T3 has no team) 60.
        query("{ byAgent: metric(metric: INTERNAL_QUALITY_SCORE, " + MARCH_2_TO_4 + ", groupBy: [AGENT]) {"
                + " total { value sampleSize } series { group { value } value { value sampleSize } } }"
                + " byTeam: metric(metric: INTERNAL_QUALITY_SCORE, " + MARCH_2_TO_4 + ", groupBy: [TEAM]) {"
                + " series { group { value } value { value } } } }").body("errors", nullValue())
                        .body("data.byAgent.total.value", closeTo(230.5 / 3, 1e-9))
                        .body("data.byAgent.total.sampleSize", equalTo(3))
                        .body("data.byAgent.series.group.value.flatten()", contains("A1", "A2"))
                        .body("data.byAgent.series.value.value", contains(70.0, 90.5))
                        .body("data.byAgent.series.value.sampleSize", contains(2, 1))
                        .body("data.byTeam.series.group.value.flatten()", contains("billing", "tier2", null))
                        .body("data.byTeam.series.value.value", contains(80.0, 90.5, 60.0));
    }

    @Test
    void aReviewOfATicketWhoseCreationHasNotArrivedWaitsForIt() {
        String quality = "{ metric(metric: INTERNAL_QUALITY_SCORE, " + MARCH_2_TO_4 + ", groupBy: [CHANNEL]) {"
                + " total { value sampleSize } series { group { value } value { value } } } }";
        // T6's review (40, agent A3, no channel of its own) arrives before T6's creation: still Q1..Q3 only.
        log.appendAndProject(event("qa.review", "2026-03-03T12:00:00Z").ticket("T6").agent("A3").attr("score", 40));
        query(quality).body("data.metric.total.sampleSize", equalTo(3));
        // Once T6 is created (in chat), the review counts, in T6's channel: (80 + 90.5 + 60 + 40) / 4 = 67.625.
        // Channels: chat Q2 (T2) 90.5 and T6's 40 → 65.25; email Q1 80, Q3 60 → 70.
        log.appendAndProject(event("ticket.created", "2026-03-03T11:00:00Z").ticket("T6").channel("chat"));
        query(quality).body("errors", nullValue()).body("data.metric.total.sampleSize", equalTo(4))
                .body("data.metric.total.value", equalTo(67.625))
                .body("data.metric.series.group.value.flatten()", contains("chat", "email"))
                .body("data.metric.series.value.value", contains(65.25, 70.0));
    }

    @Test
    void leaderboardRanksAgentsByQualityWithCsatBeside() {
        // Quality: A2 90.5, A1 70, A9 none (last). CSAT beside: A2 0 %, A1 50 %, A9 100 %.
        query("{ leaderboard(rankBy: INTERNAL_QUALITY_SCORE, metrics: [CSAT], " + MARCH_2_TO_4 + ") {"
                + " rank agent values { metric total { value } } } }").body("errors", nullValue())
                        .body("data.leaderboard.agent", contains("A2", "A1", "A9"))
                        .body("data.leaderboard.values.total.value.collect { it[0] }", contains(90.5, 70.0, null))
                        .body("data.leaderboard.values.total.value.collect { it[1] }", contains(0.0, 50.0, 100.0));
    }

    @Test
    void seriesAreDenseAndCompareGivesThePreviousPeriod() {
        // By UTC day and channel over 03-02..03-05: 03-02 email C1 5, C3 3 → 50 %; web C2 → 100 %; 03-03 phone C4 →
        // 0 %; every other point has no response: null with sample size 0.
        query("{ metric(metric: CSAT, range: {from: \"2026-03-02T00:00:00Z\", to: \"2026-03-05T00:00:00Z\"},"
                + " granularity: DAY, groupBy: [CHANNEL]) { series { group { value } value { value sampleSize } } } }")
                        .body("errors", nullValue()).body("data.metric.series", hasSize(9))
                        .body("data.metric.series.group.value.flatten()",
                                contains("email", "phone", "web", "email", "phone", "web", "email", "phone", "web"))
                        .body("data.metric.series.value.value",
                                contains(50.0, null, 100.0, null, 0.0, null, null, null, null))
                        .body("data.metric.series.value.sampleSize", contains(2, 0, 1, 0, 1, 0, 0, 0, 0));
        // 03-03: C4 1 → 0 %; the day before: C1, C2, C3 → 2 / 3.
        query("{ metric(metric: CSAT, range: {from: \"2026-03-03T00:00:00Z\", to: \"2026-03-04T00:00:00Z\"},"
                + " compare: true) { total { value previous change } } }").body("errors", nullValue())
                        .body("data.metric.total.value", equalTo(0.0))
                        .body("data.metric.total.previous", closeTo(200.0 / 3, 1e-9))
                        .body("data.metric.total.change", closeTo(-200.0 / 3, 1e-9));
    }

    @Test
    void aResponseAfterACachedAnswerIsInTheNextAnswerOnceProjected() {
        String csat = "{ metric(metric: CSAT, " + MARCH_2_TO_4 + ") { total { value sampleSize } } }";
        query(csat).body("data.metric.total.value", equalTo(50.0));
        double hits = cacheHits();
        query(csat).body("data.metric.total.value", equalTo(50.0));
        assertEquals(hits + 1, cacheHits(), "the repeat is a cache hit");
        // The customer answers C5 with 5: three of five ≥ 4 = 60 %, once the survey projection has read it.
        surveys.answer(unansweredC5, 5, "2026-03-03T11:00:00Z");
        assertEquals(1, log.project(), "one survey change: the response");
        query(csat).body("data.metric.total.value", equalTo(60.0)).body("data.metric.total.sampleSize", equalTo(5));
        assertEquals(hits + 1, cacheHits(), "the moved survey cursor made the answer fresh");
    }

    @Test
    void reprojectingChangesNothingAndALateReviewCounts() {
        String document = "{ csat: metric(metric: CSAT, " + MARCH_2_TO_4 + ", groupBy: [AGENT]) {"
                + " series { value { value sampleSize } } } quality: metric(metric: INTERNAL_QUALITY_SCORE, "
                + MARCH_2_TO_4 + ") { total { value sampleSize } } }";
        assertEquals(0, log.project(), "nothing new");
        log.rewind();
        surveys.rewind();
        // Everything again: 11 events, 9 invitations and 7 responses.
        assertEquals(11 + 9 + 7, log.project());
        assertEquals(9, count("metrics.survey_invitations"));
        assertEquals(3, count("metrics.quality_reviews"));
        query(document).body("errors", nullValue()).body("data.csat.series.value.value", contains(50.0, 0.0, 100.0))
                .body("data.csat.series.value.sampleSize", contains(2, 1, 1))
                .body("data.quality.total.value", closeTo(230.5 / 3, 1e-9));
        // A review arriving late, stamped before all the others: (80 + 90.5 + 60 + 49.5) / 4 = 70.
        log.appendAndProject(event("qa.review", "2026-03-02T07:00:00Z").ticket("T4").agent("A2").attr("score", 49.5));
        query(document).body("data.quality.total.value", equalTo(70.0)).body("data.quality.total.sampleSize",
                equalTo(4));
    }

    @Test
    void theSatisfactionMetricsAreInTheCatalogWithEveryDimension() {
        query("{ metricCatalog { metric unit dimensions } }").body("errors", nullValue())
                .body("data.metricCatalog.metric",
                        hasItems("CSAT", "CSAT_SCORE", "NPS", "CES", "SURVEY_RESPONSE_RATE", "INTERNAL_QUALITY_SCORE"))
                .body("data.metricCatalog.find { it.metric == 'NPS' }.unit", equalTo("SCORE"))
                .body("data.metricCatalog.find { it.metric == 'CSAT' }.dimensions",
                        hasItems("AGENT", "TEAM", "CHANNEL", "REGION", "TYPE", "PRIORITY", "CUSTOMER_SEGMENT"));
    }

    @Test
    void theSegmentIsTheInvitationsCustomersElseItsTicketsCustomers() {
        // K1 was created twice: smb at 08:00, corrected to enterprise at 12:00, the correction arriving first; the
        // latest creation wins: enterprise. K2 is smb. T5 belongs to K2.
        log.appendAndProject(
                event("customer.created", "2026-03-01T12:00:00Z").customer("K1").attr("segment", "enterprise"),
                event("customer.created", "2026-03-01T08:00:00Z").customer("K1").attr("segment", "smb"),
                event("customer.created", "2026-03-01T08:00:00Z").customer("K2").attr("segment", "smb"),
                event("ticket.created", "2026-03-02T08:00:00Z").ticket("T5").customer("K2").channel("chat"),
                // A review naming its own customer K1, of K2's ticket: enterprise.
                event("qa.review", "2026-03-02T14:00:00Z").ticket("T5").agent("A2").customer("K1").attr("score", 40));
        // X1 names customer K1 and no ticket: enterprise, 2. X2 names no customer; its ticket T5 is K2's: smb, 5.
        surveys.write(invitation("CSAT", "2026-03-02T09:00:00Z").customer("K1").answered(2, "2026-03-02T11:00:00Z"),
                invitation("CSAT", "2026-03-02T09:00:00Z").ticket("T5").answered(5, "2026-03-02T12:00:00Z"));
        log.project();
        // CSAT_SCORE: enterprise 2 (X1), smb 5 (X2), no segment C1..C4 (5 + 4 + 3 + 1) / 4 = 3.25, listed last.
        // INTERNAL_QUALITY_SCORE: enterprise 40, no segment (80 + 90.5 + 60) / 3. CSAT of enterprise: 0 of 1.
        query("{ score: metric(metric: CSAT_SCORE, " + MARCH_2_TO_4 + ", groupBy: [CUSTOMER_SEGMENT]) {"
                + " series { group { dimension value } value { value sampleSize } } }"
                + " quality: metric(metric: INTERNAL_QUALITY_SCORE, " + MARCH_2_TO_4 + ", groupBy: [CUSTOMER_SEGMENT])"
                + " { series { group { value } value { value } } }" + " enterprise: metric(metric: CSAT, "
                + MARCH_2_TO_4
                + ", filter: [{dimension: CUSTOMER_SEGMENT, values: [\"enterprise\"]}]) { total { value sampleSize } } }")
                        .body("errors", nullValue())
                        .body("data.score.series.group.dimension.flatten()",
                                contains("CUSTOMER_SEGMENT", "CUSTOMER_SEGMENT", "CUSTOMER_SEGMENT"))
                        .body("data.score.series.group.value.flatten()", contains("enterprise", "smb", null))
                        .body("data.score.series.value.value", contains(2.0, 5.0, 3.25))
                        .body("data.score.series.value.sampleSize", contains(1, 1, 4))
                        .body("data.quality.series.group.value.flatten()", contains("enterprise", null))
                        .body("data.quality.series.value.value", contains(equalTo(40.0), closeTo(230.5 / 3, 1e-9)))
                        .body("data.enterprise.total.value", equalTo(0.0))
                        .body("data.enterprise.total.sampleSize", equalTo(1));
    }

    private static Invitation nps(String at, int score) {
        return invitation("NPS", at).answered(score, at);
    }

    private long count(String table) {
        return pool.query("SELECT count(*) FROM " + table).execute().await().indefinitely().iterator().next()
                .getLong(0);
    }

    private static double cacheHits() {
        String prometheus = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract()
                .asString();
        java.util.regex.Matcher hit = java.util.regex.Pattern
                .compile("(?m)^supportpulse_metrics_answers_total\\{cache=\"hit\"[^}]*\\} ([0-9.eE+-]+)$")
                .matcher(prometheus);
        return hit.find() ? Double.parseDouble(hit.group(1)) : 0;
    }
}

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
 * Knowledge-base, bot, forum and session metrics, from their events.
 *
 * <pre>
 * Customers: K1 enterprise, K2 smb. Range 2026-03-02 .. 03-04 (UTC; Stockholm is UTC+1).
 * Views:   V1 03-02 09:00 web EU K1     120 s, not bounced
 *          V2 03-02 10:00 web EU (visitor only) 30 s, bounced
 *          V3 03-02 23:30 chat NA K2     60 s, not bounced      (03-03 00:30 in Stockholm)
 *          V4 03-03 08:00 web K1         no seconds, bounced
 *          V5 03-05 web K1 (after the range)
 * Votes:   up 03-02 11:00 K1, up 03-02 12:00, down 03-03 09:00 K2
 * Bot:     B1 03-02 13:00 chat K1 resolved, B2 03-02 14:00 chat escalated, B3 03-03 15:00 web K2 abandoned,
 *          B4 03-03 16:00 messaging resolved
 * Forum:   TH4 question 03-01 23:00 (before the range), reply 03-02 20:00
 *          TH1 question 03-02 08:00 K1, reply 03-02 09:00, resolved 03-02 10:00
 *          TH2 question 03-03 10:00 K2, never resolved
 *          TH3 discussion post 03-03 11:00, question post 03-03 12:00 (the thread's start), resolved 03-05
 * Sessions: S1 03-02 12:00 (visitor only) resolved, S2 03-02 13:00 web EU K1 resolved,
 *          S3 03-02 23:30 chat NA K2 not resolved (03-03 00:30 in Stockholm), S4 03-03 09:00 web K1 without resolved,
 *          S5 03-05 web resolved (after the range)
 * Others:  a ticket.created on 03-02 (in no metric here)
 * </pre>
 */
@QuarkusTest
class SelfServiceMetricsTest {

    private static final String MARCH_2_TO_4 = "range: {from: \"2026-03-02T00:00:00Z\", to: \"2026-03-04T00:00:00Z\"}";

    @Inject
    EventLog log;

    @BeforeEach
    void dataSet() {
        log.clear();
        log.appendAndProject(
                event("customer.created", "2026-01-01T00:00:00Z").customer("K1").attr("segment", "enterprise"),
                event("customer.created", "2026-01-01T00:00:00Z").customer("K2").attr("segment", "smb"),
                view("2026-03-02T09:00:00Z", "web", "U1", 120, false).customer("K1").region("EU"),
                view("2026-03-02T10:00:00Z", "web", "U2", 30, true).region("EU"),
                view("2026-03-02T23:30:00Z", "chat", "U3", 60, false).customer("K2").region("NA"),
                event("kb.article_viewed", "2026-03-03T08:00:00Z").channel("web").customer("K1")
                        .attr("articleId", "KB2").attr("visitorId", "U1").attr("bounced", true),
                view("2026-03-05T09:00:00Z", "web", "U1", 10, false).customer("K1"),
                event("kb.article_voted", "2026-03-02T11:00:00Z").customer("K1").attr("articleId", "KB1").attr("vote",
                        "up"),
                event("kb.article_voted", "2026-03-02T12:00:00Z").attr("articleId", "KB1").attr("vote", "up"),
                event("kb.article_voted", "2026-03-03T09:00:00Z").customer("K2").attr("articleId", "KB1").attr("vote",
                        "down"),
                bot("2026-03-02T13:00:00Z", "B1", "chat", "resolved").customer("K1"),
                bot("2026-03-02T14:00:00Z", "B2", "chat", "escalated"),
                bot("2026-03-03T15:00:00Z", "B3", "web", "abandoned").customer("K2"),
                bot("2026-03-03T16:00:00Z", "B4", "messaging", "resolved"), post("2026-03-01T23:00:00Z", "TH4", true),
                post("2026-03-02T20:00:00Z", "TH4", false),
                post("2026-03-02T08:00:00Z", "TH1", true).customer("K1").channel("web"),
                post("2026-03-02T09:00:00Z", "TH1", false),
                event("forum.thread_resolved", "2026-03-02T10:00:00Z").attr("threadId", "TH1"),
                post("2026-03-03T10:00:00Z", "TH2", true).customer("K2").channel("web"),
                post("2026-03-03T11:00:00Z", "TH3", false), post("2026-03-03T12:00:00Z", "TH3", true),
                event("forum.thread_resolved", "2026-03-05T09:00:00Z").attr("threadId", "TH3"),
                event("ticket.created", "2026-03-02T12:00:00Z").ticket("T1").customer("K1").channel("web"),
                event("selfservice.session", "2026-03-02T12:00:00Z").attr("visitorId", "U9").attr("resolved", true),
                session("2026-03-02T13:00:00Z", true).channel("web").region("EU").customer("K1"),
                session("2026-03-02T23:30:00Z", false).channel("chat").region("NA").customer("K2"),
                event("selfservice.session", "2026-03-03T09:00:00Z").channel("web").customer("K1").attr("visitorId",
                        "U1"),
                session("2026-03-05T09:00:00Z", true).channel("web"));
    }

    @Test
    void knowledgeBaseViewsBouncesAndTimeOnPage() {
        // Views in the range: V1..V4 = 4 (V5 after it; the ticket and session are no views).
        // Bounced V2, V4: 2 / 4 = 50 %. Time on page: V1 120, V2 30, V3 60 (V4 has none) → mean 70, median 60,
        // p90 60 + 0.8 × (120 − 60) = 108 (continuous: position 0.9 × 2 = 1.8).
        query("{ views: metric(metric: KB_ARTICLE_VIEWS, " + MARCH_2_TO_4 + ") { total { value } }"
                + " bounce: metric(metric: KB_BOUNCE_RATE, " + MARCH_2_TO_4 + ") {"
                + " total { value numerator denominator } }" + " time: metric(metric: KB_TIME_ON_PAGE, " + MARCH_2_TO_4
                + ") {" + " total { value median p90 sampleSize } } }").body("errors", nullValue())
                        .body("data.views.total.value", equalTo(4.0)).body("data.bounce.total.value", equalTo(50.0))
                        .body("data.bounce.total.numerator", equalTo(2.0))
                        .body("data.bounce.total.denominator", equalTo(4.0))
                        .body("data.time.total.value", equalTo(70.0)).body("data.time.total.median", equalTo(60.0))
                        .body("data.time.total.p90", closeTo(108.0, 1e-9))
                        .body("data.time.total.sampleSize", equalTo(3));
    }

    @Test
    void helpfulnessIsUpVotesOfAllVotes() {
        // up, up, down: 2 / 3.
        query("{ metric(metric: KB_HELPFULNESS, " + MARCH_2_TO_4 + ") { total { value numerator denominator } } }")
                .body("errors", nullValue()).body("data.metric.total.value", closeTo(200.0 / 3, 1e-9))
                .body("data.metric.total.numerator", equalTo(2.0)).body("data.metric.total.denominator", equalTo(3.0));
    }

    @Test
    void botConversationsAndTheirSuccessByChannel() {
        // B1..B4: 4 conversations, resolved B1, B4: 50 %. By channel: chat B1, B2 → 1 / 2; messaging B4 → 1 / 1;
        // web B3 → 0 / 1.
        query("{ conversations: metric(metric: BOT_CONVERSATIONS, " + MARCH_2_TO_4 + ") { total { value } }"
                + " success: metric(metric: BOT_SUCCESS_RATE, " + MARCH_2_TO_4 + ", groupBy: [CHANNEL]) {"
                + " total { value } series { group { value } value { value } } } }").body("errors", nullValue())
                        .body("data.conversations.total.value", equalTo(4.0))
                        .body("data.success.total.value", equalTo(50.0))
                        .body("data.success.series.group.value.flatten()", contains("chat", "messaging", "web"))
                        .body("data.success.series.value.value", contains(50.0, 100.0, 0.0));
    }

    @Test
    void forumPostsAndQuestionThreadsResolvedAtAnyTime() {
        // Posts in the range: TH4's reply, TH1 ×2, TH2, TH3 ×2 = 6 (TH4's question is before it).
        // Question threads started in the range: TH1 (03-02, resolved), TH2 (03-03, not), TH3 (03-03 at its question
        // post, resolved after the range): 2 / 3; by day 03-02 1 / 1, 03-03 1 / 2. TH4 started before the range.
        query("{ posts: metric(metric: FORUM_POSTS, " + MARCH_2_TO_4 + ") { total { value } }"
                + " success: metric(metric: FORUM_SUCCESS_RATE, " + MARCH_2_TO_4 + ", granularity: DAY) {"
                + " total { value numerator denominator } series { period { label } value { value } } } }")
                        .body("errors", nullValue()).body("data.posts.total.value", equalTo(6.0))
                        .body("data.success.total.value", closeTo(200.0 / 3, 1e-9))
                        .body("data.success.total.numerator", equalTo(2.0))
                        .body("data.success.total.denominator", equalTo(3.0))
                        .body("data.success.series.period.label", contains("2026-03-02", "2026-03-03"))
                        .body("data.success.series.value.value", contains(100.0, 50.0));
    }

    @Test
    void selfServiceIsSlicedByTheSegmentOfTheEventsCustomer() {
        // Views: enterprise V1, V4 = 2; smb V3 = 1; none V2 = 1. Time on page: enterprise 120 (V4 has none), smb 60,
        // none 30. Bot success of enterprise customers: B1 resolved → 100 %.
        query("{ views: metric(metric: KB_ARTICLE_VIEWS, " + MARCH_2_TO_4 + ", groupBy: [CUSTOMER_SEGMENT]) {"
                + " series { group { dimension value } value { value } } }" + " time: metric(metric: KB_TIME_ON_PAGE, "
                + MARCH_2_TO_4 + ", groupBy: [CUSTOMER_SEGMENT]) {" + " series { value { value } } }"
                + " bot: metric(metric: BOT_SUCCESS_RATE, " + MARCH_2_TO_4
                + ", filter: [{dimension: CUSTOMER_SEGMENT, values: [\"enterprise\"]}]) { total { value } } }")
                        .body("errors", nullValue())
                        .body("data.views.series.group.dimension.flatten()",
                                contains("CUSTOMER_SEGMENT", "CUSTOMER_SEGMENT", "CUSTOMER_SEGMENT"))
                        .body("data.views.series.group.value.flatten()", contains("enterprise", "smb", null))
                        .body("data.views.series.value.value", contains(2.0, 1.0, 1.0))
                        .body("data.time.series.value.value", contains(120.0, 60.0, 30.0))
                        .body("data.bot.total.value", equalTo(100.0));
    }

    @Test
    void viewsAreSlicedByChannelAndRegion() {
        // Channel: chat V3; web V1, V2, V4. Region: EU V1, V2; NA V3; none V4.
        query("{ channel: metric(metric: KB_ARTICLE_VIEWS, " + MARCH_2_TO_4 + ", groupBy: [CHANNEL]) {"
                + " series { group { value } value { value } } }" + " region: metric(metric: KB_ARTICLE_VIEWS, "
                + MARCH_2_TO_4 + ", groupBy: [REGION]) {" + " series { group { value } value { value } } } }")
                        .body("errors", nullValue())
                        .body("data.channel.series.group.value.flatten()", contains("chat", "web"))
                        .body("data.channel.series.value.value", contains(1.0, 3.0))
                        .body("data.region.series.group.value.flatten()", contains("EU", "NA", null))
                        .body("data.region.series.value.value", contains(2.0, 1.0, 1.0));
    }

    @Test
    void viewsAreCountedOnStockholmDays() {
        // Stockholm days: 03-02 V1 (10:00), V2 (11:00); 03-03 V3 (00:30), V4 (09:00). UTC days: 03-02 V1..V3, 03-03 V4.
        String stockholm = "range: {from: \"2026-03-02T00:00:00+01:00\", to: \"2026-03-04T00:00:00+01:00\"},"
                + " granularity: DAY, timezone: \"Europe/Stockholm\"";
        query("{ stockholm: metric(metric: KB_ARTICLE_VIEWS, " + stockholm + ") {"
                + " series { period { start } value { value } } }" + " utc: metric(metric: KB_ARTICLE_VIEWS, "
                + MARCH_2_TO_4 + ", granularity: DAY) {" + " series { value { value } } } }")
                        .body("errors", nullValue())
                        .body("data.stockholm.series.period.start",
                                contains("2026-03-02T00:00:00+01:00", "2026-03-03T00:00:00+01:00"))
                        .body("data.stockholm.series.value.value", contains(2.0, 2.0))
                        .body("data.utc.series.value.value", contains(3.0, 1.0));
    }

    @Test
    void sessionsSucceedWhenTheyResolved() {
        // In the range: S1..S4 = 4 (S5 after it); resolved S1, S2 → 2 / 4 = 50 % (S4 has no resolved: not resolved).
        // Channel: chat S3 0 / 1; web S2, S4 1 / 2; none S1 1 / 1. Region: EU S2 1 / 1; NA S3 0 / 1; none S1, S4 1 / 2.
        // Segment: enterprise S2, S4 1 / 2; smb S3 0 / 1; none S1 1 / 1.
        query("{ total: metric(metric: SELF_SERVICE_SUCCESS_RATE, " + MARCH_2_TO_4 + ") {"
                + " total { value numerator denominator } }" + " channel: metric(metric: SELF_SERVICE_SUCCESS_RATE, "
                + MARCH_2_TO_4 + ", groupBy: [CHANNEL]) { series { group { value } value { value } } }"
                + " region: metric(metric: SELF_SERVICE_SUCCESS_RATE, " + MARCH_2_TO_4 + ", groupBy: [REGION]) {"
                + " series { group { value } value { value } } }"
                + " segment: metric(metric: SELF_SERVICE_SUCCESS_RATE, " + MARCH_2_TO_4
                + ", groupBy: [CUSTOMER_SEGMENT]) { series { group { value } value { value } } } }")
                        .body("errors", nullValue()).body("data.total.total.value", equalTo(50.0))
                        .body("data.total.total.numerator", equalTo(2.0))
                        .body("data.total.total.denominator", equalTo(4.0))
                        .body("data.channel.series.group.value.flatten()", contains("chat", "web", null))
                        .body("data.channel.series.value.value", contains(0.0, 50.0, 100.0))
                        .body("data.region.series.group.value.flatten()", contains("EU", "NA", null))
                        .body("data.region.series.value.value", contains(100.0, 0.0, 50.0))
                        .body("data.segment.series.group.value.flatten()", contains("enterprise", "smb", null))
                        .body("data.segment.series.value.value", contains(50.0, 0.0, 100.0));
    }

    @Test
    void sessionsOnStockholmDays() {
        // Stockholm days: 03-02 S1 (13:00), S2 (14:00) → 2 / 2; 03-03 S3 (00:30), S4 (10:00) → 0 / 2.
        // UTC days: 03-02 S1, S2, S3 → 2 / 3; 03-03 S4 → 0 / 1.
        String stockholm = "range: {from: \"2026-03-02T00:00:00+01:00\", to: \"2026-03-04T00:00:00+01:00\"},"
                + " granularity: DAY, timezone: \"Europe/Stockholm\"";
        query("{ stockholm: metric(metric: SELF_SERVICE_SUCCESS_RATE, " + stockholm + ") {"
                + " series { period { start } value { value } } }" + " utc: metric(metric: SELF_SERVICE_SUCCESS_RATE, "
                + MARCH_2_TO_4 + ", granularity: DAY) {" + " series { value { value } } } }")
                        .body("errors", nullValue())
                        .body("data.stockholm.series.period.start",
                                contains("2026-03-02T00:00:00+01:00", "2026-03-03T00:00:00+01:00"))
                        .body("data.stockholm.series.value.value", contains(100.0, 0.0))
                        .body("data.utc.series.value.value", contains(closeTo(200.0 / 3, 1e-9), equalTo(0.0)));
    }

    @Test
    void aSelfServiceMetricCannotBeSlicedByAgent() {
        query("{ metric(metric: BOT_SUCCESS_RATE, " + MARCH_2_TO_4 + ", groupBy: [AGENT]) { total { value } } }")
                .body("data", nullValue()).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }

    private static Event view(String at, String channel, String visitor, int seconds, boolean bounced) {
        return event("kb.article_viewed", at).channel(channel).attr("articleId", "KB1").attr("visitorId", visitor)
                .attr("secondsOnPage", seconds).attr("bounced", bounced);
    }

    private static Event bot(String at, String conversation, String channel, String outcome) {
        return event("bot.conversation", at).channel(channel).attr("conversationId", conversation)
                .attr("visitorId", "U-" + conversation).attr("outcome", outcome);
    }

    private static Event session(String at, boolean resolved) {
        return event("selfservice.session", at).attr("visitorId", "U-" + at).attr("resolved", resolved);
    }

    private static Event post(String at, String thread, boolean question) {
        return event("forum.post_created", at).attr("threadId", thread).attr("visitorId", "U-" + thread)
                .attr("question", question);
    }
}

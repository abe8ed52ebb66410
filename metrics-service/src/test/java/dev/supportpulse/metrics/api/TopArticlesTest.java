package dev.supportpulse.metrics.api;

import static dev.supportpulse.metrics.support.Event.event;
import static dev.supportpulse.metrics.support.GraphQl.query;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.supportpulse.metrics.support.Event;
import dev.supportpulse.metrics.support.EventLog;

/**
 * Knowledge-base articles ranked over a range.
 *
 * <pre>
 * Customers: K1 enterprise, K2 smb. Range 2026-03-02 .. 03-04 (UTC).
 * KB1: views 03-02 web K1 120 s, 03-02 web 30 s bounced, 03-03 chat K2 60 s; votes up (K1), up, down
 *      → 3 views, bounce 1 / 3, mean 70 s, helpfulness 2 / 3
 * KB2: views 03-02 web 10 s bounced, 03-03 web bounced (no seconds); vote up → 2 views, bounce 100 %, mean 10 s, 100 %
 * KB3: view 03-02 chat 300 s → 1 view, bounce 0 %, mean 300 s, no votes
 * KB4: vote down, no views → 0 views, helpfulness 0 %
 * KB5: a view on 03-05, after the range: not listed
 * </pre>
 */
@QuarkusTest
class TopArticlesTest {

    private static final String MARCH_2_TO_4 = "range: {from: \"2026-03-02T00:00:00Z\", to: \"2026-03-04T00:00:00Z\"}";
    private static final String FIELDS = "{ rank articleId views bounceRate meanSecondsOnPage upVotes votes helpfulness }";

    final EventLog log = EventLog.current();

    @BeforeEach
    void dataSet() {
        log.clear();
        log.appendAndProject(
                event("customer.created", "2026-01-01T00:00:00Z").customer("K1").attr("segment", "enterprise"),
                event("customer.created", "2026-01-01T00:00:00Z").customer("K2").attr("segment", "smb"),
                view("KB1", "2026-03-02T09:00:00Z", "web").attr("secondsOnPage", 120).customer("K1"),
                view("KB1", "2026-03-02T10:00:00Z", "web").attr("secondsOnPage", 30).attr("bounced", true),
                view("KB1", "2026-03-03T10:00:00Z", "chat").attr("secondsOnPage", 60).attr("bounced", false)
                        .customer("K2"),
                vote("KB1", "2026-03-02T11:00:00Z", "up").customer("K1"), vote("KB1", "2026-03-02T12:00:00Z", "up"),
                vote("KB1", "2026-03-03T12:00:00Z", "down"),
                view("KB2", "2026-03-02T13:00:00Z", "web").attr("secondsOnPage", 10).attr("bounced", true),
                view("KB2", "2026-03-03T13:00:00Z", "web").attr("bounced", true),
                vote("KB2", "2026-03-03T14:00:00Z", "up"),
                view("KB3", "2026-03-02T15:00:00Z", "chat").attr("secondsOnPage", 300),
                vote("KB4", "2026-03-02T16:00:00Z", "down"), view("KB5", "2026-03-05T09:00:00Z", "web"));
    }

    @Test
    void theMostViewedArticlesComeFirstWithTheirRates() {
        query("{ topArticles(" + MARCH_2_TO_4 + ") " + FIELDS + " }").body("errors", nullValue())
                .body("data.topArticles.articleId", contains("KB1", "KB2", "KB3", "KB4"))
                .body("data.topArticles.rank", contains(1, 2, 3, 4))
                .body("data.topArticles.views", contains(3, 2, 1, 0))
                .body("data.topArticles[0].bounceRate", closeTo(100.0 / 3, 1e-9))
                .body("data.topArticles[0].meanSecondsOnPage", equalTo(70.0))
                .body("data.topArticles[0].upVotes", equalTo(2)).body("data.topArticles[0].votes", equalTo(3))
                .body("data.topArticles[0].helpfulness", closeTo(200.0 / 3, 1e-9))
                // KB2's second view has no seconds on page: not a sample (10 s, not 5 s).
                .body("data.topArticles[1].meanSecondsOnPage", equalTo(10.0))
                .body("data.topArticles[3].bounceRate", nullValue())
                .body("data.topArticles[3].helpfulness", equalTo(0.0));
    }

    @Test
    void articlesWithoutAValueForTheRankingComeLastEitherWay() {
        // Helpfulness: KB2 100, KB1 66.7, KB4 0; KB3 has no votes. Time on page: KB3 300, KB1 70, KB2 10; KB4 none.
        query("{ helpful: topArticles(" + MARCH_2_TO_4 + ", rankBy: HELPFULNESS) { articleId }"
                + " unhelpful: topArticles(" + MARCH_2_TO_4 + ", rankBy: HELPFULNESS, ascending: true) { articleId }"
                + " time: topArticles(" + MARCH_2_TO_4 + ", rankBy: TIME_ON_PAGE) { articleId } }")
                        .body("errors", nullValue())
                        .body("data.helpful.articleId", contains("KB2", "KB1", "KB4", "KB3"))
                        .body("data.unhelpful.articleId", contains("KB4", "KB1", "KB2", "KB3"))
                        .body("data.time.articleId", contains("KB3", "KB1", "KB2", "KB4"));
    }

    @Test
    void theMostBouncedArticlesUpToTheLimit() {
        // Bounce rate: KB2 100 %, KB1 33.3 %, KB3 0 %, KB4 no views.
        query("{ topArticles(" + MARCH_2_TO_4 + ", rankBy: BOUNCE_RATE, limit: 2) { articleId bounceRate } }")
                .body("errors", nullValue()).body("data.topArticles.articleId", contains("KB2", "KB1"));
    }

    @Test
    void filtersNarrowTheViewsAndVotesCounted() {
        // Chat: KB1 (03-03) and KB3, one view each: ties go by article id. Enterprise: KB1's view and up vote by K1.
        query("{ chat: topArticles(" + MARCH_2_TO_4 + ", filter: [{dimension: CHANNEL, values: [\"chat\"]}])"
                + " { articleId views } enterprise: topArticles(" + MARCH_2_TO_4
                + ", filter: [{dimension: CUSTOMER_SEGMENT, values: [\"enterprise\"]}]) { articleId views votes } }")
                        .body("errors", nullValue()).body("data.chat.articleId", contains("KB1", "KB3"))
                        .body("data.chat.views", contains(1, 1)).body("data.enterprise.articleId", contains("KB1"))
                        .body("data.enterprise.views", contains(1)).body("data.enterprise.votes", contains(1));
    }

    @Test
    void badInputIsRefusedByName() {
        query("{ topArticles(" + MARCH_2_TO_4 + ", limit: 0) { articleId } }").body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("limit must be between 1 and 100, not 0."));
        query("{ topArticles(" + MARCH_2_TO_4 + ", filter: [{dimension: AGENT, values: [\"A1\"]}]) { articleId } }")
                .body("data", nullValue()).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("cannot be sliced by AGENT"));
        query("{ topArticles(" + MARCH_2_TO_4 + ", rankBy: CLICKS) { articleId } }").body("data", nullValue())
                .body("errors[0].message", containsString("CLICKS"));
    }

    private static Event view(String article, String at, String channel) {
        return event("kb.article_viewed", at).channel(channel).attr("articleId", article).attr("visitorId", "U-" + at);
    }

    private static Event vote(String article, String at, String vote) {
        return event("kb.article_voted", at).attr("articleId", article).attr("vote", vote);
    }
}

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

import dev.supportpulse.metrics.support.EventLog;

/**
 * Contact-center metrics on calls and chats whose answers are worked out by hand.
 *
 * <pre>
 * K1 phone EU queued 09:00:00, answered by A1 at 09:00:15 (15 s, within 20 s), ended: 540 + 30 + 60 = 630 s
 * K2 chat NA  queued 09:05:00, answered by A2 at 09:05:40 (40 s, late), ended: 800 + 0 + 100 = 900 s
 * K3 phone EU queued 09:10, abandoned 09:11
 * K4 phone EU queued 09:12, still waiting
 * K5 phone    blocked 09:15 (never queued)
 * K6 phone EU queued 09:20:00, answered by A1 at 09:20:20 (exactly 20 s: within), not ended yet
 * </pre>
 */
@QuarkusTest
class ContactMetricsTest {

    private static final String MARCH_2 = "range: {from: \"2026-03-02T00:00:00Z\", to: \"2026-03-03T00:00:00Z\"}";

    final EventLog log = EventLog.current();

    @BeforeEach
    void dataSet() {
        log.clear();
        log.appendAndProject(
                event("contact.queued", "2026-03-02T09:00:00Z").contact("K1").channel("phone").region("EU"),
                event("contact.answered", "2026-03-02T09:00:15Z").contact("K1").agent("A1").team("support"),
                event("contact.ended", "2026-03-02T09:10:15Z").contact("K1").agent("A1").attr("talkSeconds", 540)
                        .attr("holdSeconds", 30).attr("wrapUpSeconds", 60),
                event("contact.queued", "2026-03-02T09:05:00Z").contact("K2").channel("chat").region("NA"),
                event("contact.answered", "2026-03-02T09:05:40Z").contact("K2").agent("A2").team("support"),
                event("contact.ended", "2026-03-02T09:20:00Z").contact("K2").agent("A2").attr("talkSeconds", 800)
                        .attr("wrapUpSeconds", 100),
                event("contact.queued", "2026-03-02T09:10:00Z").contact("K3").channel("phone").region("EU"),
                event("contact.abandoned", "2026-03-02T09:11:00Z").contact("K3"),
                event("contact.queued", "2026-03-02T09:12:00Z").contact("K4").channel("phone").region("EU"),
                event("contact.blocked", "2026-03-02T09:15:00Z").contact("K5").channel("phone").attr("reason",
                        "no_agents"),
                event("contact.queued", "2026-03-02T09:20:00Z").contact("K6").channel("phone").region("EU"),
                event("contact.answered", "2026-03-02T09:20:20Z").contact("K6").agent("A1").team("support"));
    }

    @Test
    void aTransferredContactBelongsToTheLatestTeamAndTheFirstChannel() {
        // K7 is queued at sales on the phone, answered by support after 10 s, and ended at billing, whose event names
        // the chat channel; its events arrive latest first. Team: the latest that names one (billing); channel: the
        // first (phone); handle time: the latest contact.ended (an earlier, shorter one is superseded).
        log.appendAndProject(
                event("contact.ended", "2026-03-04T10:09:00Z").contact("K7").agent("A3").team("billing").channel("chat")
                        .attr("talkSeconds", 480),
                event("contact.ended", "2026-03-04T10:05:00Z").contact("K7").agent("A3").attr("talkSeconds", 240),
                event("contact.answered", "2026-03-04T10:00:10Z").contact("K7").agent("A3").team("support"),
                event("contact.queued", "2026-03-04T10:00:00Z").contact("K7").channel("phone").region("EU")
                        .team("sales"));
        String march4 = "range: {from: \"2026-03-04T00:00:00Z\", to: \"2026-03-05T00:00:00Z\"}";
        query("{ byTeam: metric(metric: AVERAGE_SPEED_OF_ANSWER, " + march4 + ", groupBy: [TEAM]) {"
                + " series { group { value } value { value } } }"
                + " byChannel: metric(metric: AVERAGE_SPEED_OF_ANSWER, " + march4 + ", groupBy: [CHANNEL]) {"
                + " series { group { value } value { value } } }" + " handle: metric(metric: HANDLE_TIME, " + march4
                + ") { total { value sampleSize } } }").body("errors", nullValue())
                        .body("data.byTeam.series.group.value.flatten()", contains("billing"))
                        .body("data.byTeam.series.value.value", contains(10.0))
                        .body("data.byChannel.series.group.value.flatten()", contains("phone"))
                        .body("data.handle.total.value", equalTo(480.0))
                        .body("data.handle.total.sampleSize", equalTo(1));
    }

    @Test
    void speedOfAnswerAndHandleTime() {
        // Answer waits 15, 40, 20: mean 25, median 20. By agent: A1 (15 + 20) / 2 = 17.5, A2 40.
        // Handle times 630 and 900: mean 765.
        query("{ asa: metric(metric: AVERAGE_SPEED_OF_ANSWER, " + MARCH_2 + ") { total { value median sampleSize } }"
                + " byAgent: metric(metric: AVERAGE_SPEED_OF_ANSWER, " + MARCH_2 + ", groupBy: [AGENT]) {"
                + " series { group { value } value { value } } }" + " handle: metric(metric: HANDLE_TIME, " + MARCH_2
                + ") { total { value sampleSize } } }").body("errors", nullValue())
                        .body("data.asa.total.value", equalTo(25.0)).body("data.asa.total.median", equalTo(20.0))
                        .body("data.asa.total.sampleSize", equalTo(3))
                        .body("data.byAgent.series.group.value.flatten()", contains("A1", "A2"))
                        .body("data.byAgent.series.value.value", contains(17.5, 40.0))
                        .body("data.handle.total.value", equalTo(765.0))
                        .body("data.handle.total.sampleSize", equalTo(2));
    }

    @Test
    void serviceLevelAbandonmentAndBlockage() {
        // Service level: answered within 20 s (K1, K6) / answered or abandoned (K1, K2, K3, K6) = 50 %;
        // by channel: chat 0 of 1, phone 2 of 3. Abandonment: K3 of the 5 queued (the waiting K4 included) = 20 %.
        // Blockage: K5.
        query("{ sl: metric(metric: SERVICE_LEVEL, " + MARCH_2 + ") { total { value numerator denominator } }"
                + " slByChannel: metric(metric: SERVICE_LEVEL, " + MARCH_2 + ", groupBy: [CHANNEL]) {"
                + " series { group { value } value { value } } }" + " abandonment: metric(metric: ABANDONMENT_RATE, "
                + MARCH_2 + ") { total { value numerator denominator } }" + " blockage: metric(metric: BLOCKAGE, "
                + MARCH_2 + ") { total { value } } }").body("errors", nullValue())
                        .body("data.sl.total.value", equalTo(50.0)).body("data.sl.total.numerator", equalTo(2.0))
                        .body("data.sl.total.denominator", equalTo(4.0))
                        .body("data.slByChannel.series.group.value.flatten()", contains("chat", "phone"))
                        .body("data.slByChannel.series[0].value.value", equalTo(0.0))
                        .body("data.slByChannel.series[1].value.value", closeTo(66.667, 0.001))
                        .body("data.abandonment.total.value", equalTo(20.0))
                        .body("data.abandonment.total.denominator", equalTo(5.0))
                        .body("data.blockage.total.value", equalTo(1.0));
    }

    @Test
    void requestVolumeCountsTicketsAndContactsWithoutATicket() {
        // A ticket, and a call about it (linked: counted once, as the ticket).
        log.appendAndProject(event("ticket.created", "2026-03-02T10:00:00Z").ticket("X1").channel("phone"),
                event("contact.queued", "2026-03-02T09:58:00Z").contact("K7").ticket("X1").channel("phone"));
        // Queued without a ticket: K1, K2, K3, K4, K6; blocked: K5; the ticket X1: 7 requests; phone: 6 of them.
        query("{ all: metric(metric: REQUEST_VOLUME, " + MARCH_2 + ") { total { value } }"
                + " byChannel: metric(metric: REQUEST_VOLUME, " + MARCH_2 + ", groupBy: [CHANNEL]) {"
                + " series { group { value } value { value } } } }").body("errors", nullValue())
                        .body("data.all.total.value", equalTo(7.0))
                        .body("data.byChannel.series.group.value.flatten()", contains("chat", "phone"))
                        .body("data.byChannel.series.value.value", contains(1.0, 6.0));
    }

    @Test
    void contactMetricsCannotBeSlicedByTicketDimensions() {
        query("{ metric(metric: HANDLE_TIME, " + MARCH_2 + ", groupBy: [PRIORITY]) { total { value } } }")
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT")).body("errors[0].message", equalTo(
                        "HANDLE_TIME cannot be sliced by PRIORITY; it supports [AGENT, TEAM, CHANNEL, REGION]."));
    }
}

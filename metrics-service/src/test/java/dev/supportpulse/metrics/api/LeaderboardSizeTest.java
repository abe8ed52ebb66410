package dev.supportpulse.metrics.api;

import static dev.supportpulse.metrics.support.Event.event;
import static dev.supportpulse.metrics.support.GraphQl.query;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.supportpulse.metrics.support.Event;
import dev.supportpulse.metrics.support.EventLog;

/**
 * A leaderboard over more agents than one answer may hold points (5,000 in tests): its answer holds only {@code limit}
 * agents, so it is no error; a limit that would make the answer itself too big is.
 *
 * <pre>
 * 5,001 agents A0000 .. A5000, each assigned one ticket created 03-02; agent B assigned three.
 * </pre>
 */
@QuarkusTest
class LeaderboardSizeTest {

    private static final String MARCH_2_TO_3 = "range: {from: \"2026-03-02T00:00:00Z\", to: \"2026-03-03T00:00:00Z\"}";

    final EventLog log = EventLog.current();

    @BeforeEach
    void dataSet() {
        log.clear();
        List<Event> events = new ArrayList<>();
        for (int i = 0; i <= 5000; i++) {
            ticketOf("T" + i, "A%04d".formatted(i), events);
        }
        for (int i = 0; i < 3; i++) {
            ticketOf("B" + i, "B", events);
        }
        log.appendAndProject(events.toArray(Event[]::new));
    }

    @Test
    void aLeaderboardRanksMoreAgentsThanOneAnswerMayHoldPoints() {
        // B created 3, every other agent 1: B first, then the ties by agent id.
        query("{ leaderboard(rankBy: TICKETS_CREATED, " + MARCH_2_TO_3 + ", limit: 3) {"
                + " rank agent values { total { value } } } }").body("errors", nullValue())
                        .body("data.leaderboard.rank", contains(1, 2, 3))
                        .body("data.leaderboard.agent", contains("B", "A0000", "A0001"))
                        .body("data.leaderboard.values.total.value.flatten()", contains(3.0, 1.0, 1.0));
        // The same column asked for on its own is an answer of 5,002 points: too many, cached column or not.
        query("{ metric(metric: TICKETS_CREATED, " + MARCH_2_TO_3 + ", groupBy: [AGENT]) { total { value } } }")
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("more than 5000 points"));
    }

    @Test
    void aLimitWhoseAnswerWouldHoldTooManyPointsIsBadInput() {
        // 2,501 agents × 2 metrics = 5,002 points; 2,500 × 2 = 5,000 is allowed.
        query("{ leaderboard(rankBy: TICKETS_CREATED, metrics: [TICKETS_RESOLVED], " + MARCH_2_TO_3
                + ", limit: 2501) { agent } }").body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                        .body("errors[0].message", containsString("limit × metrics")).body("data", nullValue());
        query("{ leaderboard(rankBy: TICKETS_CREATED, metrics: [TICKETS_RESOLVED], " + MARCH_2_TO_3
                + ", limit: 2500) { agent } }").body("errors", nullValue()).body("data.leaderboard.agent[0]",
                        equalTo("B"));
    }

    private static void ticketOf(String ticket, String agent, List<Event> events) {
        events.add(event("ticket.created", "2026-03-02T09:00:00Z").ticket(ticket).channel("email"));
        events.add(event("ticket.assigned", "2026-03-02T09:05:00Z").ticket(ticket).agent(agent));
    }
}

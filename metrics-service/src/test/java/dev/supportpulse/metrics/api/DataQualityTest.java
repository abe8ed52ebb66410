package dev.supportpulse.metrics.api;

import static dev.supportpulse.metrics.support.Event.event;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.supportpulse.metrics.support.EventLog;

/**
 * The data-quality gauge at /q/metrics: tickets whose first reply, first assignment or resolution is stamped before
 * their creation (metrics.md: such durations count as 0 and are reported).
 *
 * <pre>
 * Q1 created 10:00, public reply 09:59                 counted (first response time 0)
 * Q2 created 10:00, assigned 09:00, reply 10:30         counted (first assignment time 0)
 * Q3 created 10:00, resolved 09:30                      counted (resolution time 0)
 * Q4 created 10:00, internal note 09:00, reply 10:10    not counted: a note is no reply
 * Q5 created 10:00, assigned 10:05, reply 10:10, resolved 11:00   in order
 * </pre>
 */
@QuarkusTest
class DataQualityTest {

    private static final Pattern GAUGE = Pattern.compile(
            "(?m)^supportpulse_metrics_tickets_stamped_before_creation_tickets(?:\\{[^}]*\\})? ([0-9.eE+-]+)$");

    final EventLog log = EventLog.current();

    @Test
    void ticketsWithEventsStampedBeforeTheirCreationAreCounted() throws InterruptedException {
        log.clear();
        log.appendAndProject(event("ticket.created", "2026-03-02T10:00:00Z").ticket("Q1").channel("email"),
                event("ticket.agent_replied", "2026-03-02T09:59:00Z").ticket("Q1").agent("A1"),
                event("ticket.created", "2026-03-02T10:00:00Z").ticket("Q2").channel("email"),
                event("ticket.assigned", "2026-03-02T09:00:00Z").ticket("Q2").agent("A1"),
                event("ticket.agent_replied", "2026-03-02T10:30:00Z").ticket("Q2").agent("A1"),
                event("ticket.created", "2026-03-02T10:00:00Z").ticket("Q3").channel("email"),
                event("ticket.resolved", "2026-03-02T09:30:00Z").ticket("Q3").agent("A1"),
                event("ticket.created", "2026-03-02T10:00:00Z").ticket("Q4").channel("email"),
                event("ticket.agent_replied", "2026-03-02T09:00:00Z").ticket("Q4").agent("A1").attr("public", false),
                event("ticket.agent_replied", "2026-03-02T10:10:00Z").ticket("Q4").agent("A1"),
                event("ticket.created", "2026-03-02T10:00:00Z").ticket("Q5").channel("email"),
                event("ticket.assigned", "2026-03-02T10:05:00Z").ticket("Q5").agent("A1"),
                event("ticket.agent_replied", "2026-03-02T10:10:00Z").ticket("Q5").agent("A1"),
                event("ticket.resolved", "2026-03-02T11:00:00Z").ticket("Q5").agent("A1"));
        // The gauge is counted again every 200 ms in tests; wait for a count after the projection.
        double counted = -1;
        for (int attempt = 0; attempt < 50 && counted != 3; attempt++) {
            Thread.sleep(100);
            counted = gauge();
        }
        assertEquals(3, counted);
    }

    private static double gauge() {
        Matcher value = GAUGE.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return value.find() ? Double.parseDouble(value.group(1)) : Double.NaN;
    }
}

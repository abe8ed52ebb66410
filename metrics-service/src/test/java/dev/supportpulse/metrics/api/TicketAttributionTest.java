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
 * Which dimension values and which agent a ticket is counted under, where events.md and metrics.md say so exactly.
 *
 * <pre>
 * X1 created 03-02 09:00Z email EU billing, with attributes channel "chat", region "NA", teamId "sales" (unknown keys
 *    on ticket.created: kept and ignored)
 * X2 created 03-02 10:00Z email EU; ticket.updated 11:00 channel "chat" (a new value)
 * Y1 created 03-02 00:00Z (normal: resolution due in 48 h); resolved 01:00 with no agentId and no assignee yet;
 *    assigned A2 02:00, after the resolution
 * Y2 created 03-02 00:00Z; assigned A1 00:10; never resolved: breached at its due time 03-04 00:00
 * </pre>
 */
@QuarkusTest
class TicketAttributionTest {

    private static final String MARCH_2_TO_5 = "range: {from: \"2026-03-02T00:00:00Z\", to: \"2026-03-05T00:00:00Z\"}";

    final EventLog log = EventLog.current();

    @BeforeEach
    void dataSet() {
        log.clear();
        log.appendAndProject(
                event("ticket.created", "2026-03-02T09:00:00Z").ticket("X1").channel("email").region("EU")
                        .team("billing").attr("channel", "chat").attr("region", "NA").attr("teamId", "sales"),
                event("ticket.created", "2026-03-02T10:00:00Z").ticket("X2").channel("email").region("EU"),
                event("ticket.updated", "2026-03-02T11:00:00Z").ticket("X2").attr("channel", "chat"),
                event("ticket.created", "2026-03-02T00:00:00Z").ticket("Y1").channel("email"),
                event("ticket.resolved", "2026-03-02T01:00:00Z").ticket("Y1"),
                event("ticket.assigned", "2026-03-02T02:00:00Z").ticket("Y1").agent("A2"),
                event("ticket.created", "2026-03-02T00:00:00Z").ticket("Y2").channel("email"),
                event("ticket.assigned", "2026-03-02T00:10:00Z").ticket("Y2").agent("A1"));
    }

    @Test
    void attributesNamedLikeEnvelopeFieldsOnTicketCreatedDoNotOverrideIt() {
        // Channels: chat X2 (updated) = 1; email X1, Y1, Y2 = 3. Regions: EU X1, X2 = 2; none Y1, Y2 = 2.
        // Teams: billing X1 = 1; none X2, Y1, Y2 = 3. Never "NA" or "sales": those came as unknown attributes.
        query("{ channel: metric(metric: TICKETS_CREATED, " + MARCH_2_TO_5 + ", groupBy: [CHANNEL]) {"
                + " series { group { value } value { value } } }" + " region: metric(metric: TICKETS_CREATED, "
                + MARCH_2_TO_5 + ", groupBy: [REGION]) {" + " series { group { value } value { value } } }"
                + " team: metric(metric: TICKETS_CREATED, " + MARCH_2_TO_5 + ", groupBy: [TEAM]) {"
                + " series { group { value } value { value } } } }").body("errors", nullValue())
                        .body("data.channel.series.group.value.flatten()", contains("chat", "email"))
                        .body("data.channel.series.value.value", contains(1.0, 3.0))
                        .body("data.region.series.group.value.flatten()", contains("EU", null))
                        .body("data.region.series.value.value", contains(2.0, 2.0))
                        .body("data.team.series.group.value.flatten()", contains("billing", null))
                        .body("data.team.series.value.value", contains(1.0, 3.0));
    }

    @Test
    void slaResolutionOfATicketResolvedWithoutAnyAgentHasNoAgent() {
        // Y1: resolved 01:00 by nobody, with no assignee at that moment: resolver none, so agent none, though A2 is
        // its assignee now; achieved (01:00 ≤ due 03-04 00:00). Y2: not resolved, so its assignee A1; breached at its
        // due time 03-04 00:00, inside the range. X1, X2: not resolved, no assignee; breached at 03-04 09:00 / 10:00.
        // A1: 0 / 1 = 0 %; none: Y1 / (Y1, X1, X2) = 33.3 %; total 1 / 4 = 25 %. No group A2.
        // TICKETS_RESOLVED puts Y1 under no agent as well.
        query("{ sla: metric(metric: SLA_RESOLUTION_RATE, " + MARCH_2_TO_5 + ", groupBy: [AGENT]) {"
                + " total { value } series { group { value } value { value denominator } } }"
                + " resolved: metric(metric: TICKETS_RESOLVED, " + MARCH_2_TO_5 + ", groupBy: [AGENT]) {"
                + " series { group { value } value { value } } } }").body("errors", nullValue())
                        .body("data.sla.total.value", equalTo(25.0))
                        .body("data.sla.series.group.value.flatten()", contains("A1", null))
                        .body("data.sla.series.value.value", contains(equalTo(0.0), closeTo(100.0 / 3, 1e-9)))
                        .body("data.sla.series.value.denominator", contains(1.0, 3.0))
                        .body("data.resolved.series.group.value.flatten()", contains((String) null))
                        .body("data.resolved.series.value.value", contains(1.0));
    }
}

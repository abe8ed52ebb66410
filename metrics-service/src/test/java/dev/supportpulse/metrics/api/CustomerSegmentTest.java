package dev.supportpulse.metrics.api;

import static dev.supportpulse.metrics.support.Event.event;
import static dev.supportpulse.metrics.support.GraphQl.query;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.supportpulse.metrics.support.EventLog;

/**
 * Ticket metrics by CUSTOMER_SEGMENT: the segment of the ticket's customer, from its customer.created.
 *
 * <pre>
 * Customers: K1 enterprise, K2 smb, K3 not created (yet): no segment.
 * Tickets on Monday 2026-03-02 (UTC):
 *   T1 K1 created 08:00, public reply 08:10 (FRT 600 s), resolved 09:00
 *   T2 K1 created 09:00, public reply 09:30 (FRT 1800 s), open
 *   T3 K2 created 10:00, public reply 10:05 (FRT 300 s), resolved 11:00
 *   T4 K3 created 11:00, open
 *   T5 no customer, created 12:00, open
 * </pre>
 */
@QuarkusTest
class CustomerSegmentTest {

    private static final String MARCH_2 = "range: {from: \"2026-03-02T00:00:00Z\", to: \"2026-03-03T00:00:00Z\"}";

    final EventLog log = EventLog.current();

    @BeforeEach
    void dataSet() {
        log.clear();
        log.appendAndProject(
                event("customer.created", "2026-01-01T00:00:00Z").customer("K1").attr("segment", "enterprise"),
                event("customer.created", "2026-01-01T00:00:00Z").customer("K2").attr("segment", "smb"),
                event("ticket.created", "2026-03-02T08:00:00Z").ticket("T1").customer("K1").channel("email"),
                event("ticket.agent_replied", "2026-03-02T08:10:00Z").ticket("T1").agent("A1"),
                event("ticket.resolved", "2026-03-02T09:00:00Z").ticket("T1"),
                event("ticket.created", "2026-03-02T09:00:00Z").ticket("T2").customer("K1").channel("email"),
                event("ticket.agent_replied", "2026-03-02T09:30:00Z").ticket("T2").agent("A1"),
                event("ticket.created", "2026-03-02T10:00:00Z").ticket("T3").customer("K2").channel("chat"),
                event("ticket.agent_replied", "2026-03-02T10:05:00Z").ticket("T3").agent("A2"),
                event("ticket.resolved", "2026-03-02T11:00:00Z").ticket("T3"),
                event("ticket.created", "2026-03-02T11:00:00Z").ticket("T4").customer("K3").channel("chat"),
                event("ticket.created", "2026-03-02T12:00:00Z").ticket("T5").channel("phone"));
    }

    @Test
    void ticketsAreCountedByTheirCustomersSegmentWithUnknownSegmentsLast() {
        // enterprise T1, T2; smb T3; none T4 (K3 unknown), T5 (no customer).
        query("{ metric(metric: TICKETS_CREATED, " + MARCH_2 + ", groupBy: [CUSTOMER_SEGMENT]) { total { value }"
                + " series { group { dimension value } value { value } } } }").body("errors", nullValue())
                        .body("data.metric.total.value", equalTo(5.0))
                        .body("data.metric.series.group.dimension.flatten()",
                                contains("CUSTOMER_SEGMENT", "CUSTOMER_SEGMENT", "CUSTOMER_SEGMENT"))
                        .body("data.metric.series.group.value.flatten()", contains("enterprise", "smb", null))
                        .body("data.metric.series.value.value", contains(2.0, 1.0, 2.0));
    }

    @Test
    void durationsSnapshotsAndCohortsAreSlicedAndFilteredBySegment() {
        // FRT: enterprise 600 and 1800 → mean and median 1200; smb 300. T4 and T5 have no reply: no group.
        // Open at the range's end: enterprise T2, none T4 and T5; smb has none open and no group.
        // Unresolved of those created, enterprise only: T2 of T1, T2 → 1.
        query("{ frt: metric(metric: FIRST_RESPONSE_TIME, " + MARCH_2 + ", groupBy: [CUSTOMER_SEGMENT]) {"
                + " series { group { value } value { value median sampleSize } } }"
                + " open: metric(metric: OPEN_TICKETS, " + MARCH_2 + ", groupBy: [CUSTOMER_SEGMENT]) {"
                + " total { value } series { group { value } value { value } } }"
                + " unresolved: metric(metric: TICKETS_UNRESOLVED, " + MARCH_2
                + ", filter: [{dimension: CUSTOMER_SEGMENT, values: [\"enterprise\"]}]) { total { value } } }")
                        .body("errors", nullValue())
                        .body("data.frt.series.group.value.flatten()", contains("enterprise", "smb"))
                        .body("data.frt.series.value.value", contains(1200.0, 300.0))
                        .body("data.frt.series.value.median", contains(1200.0, 300.0))
                        .body("data.frt.series.value.sampleSize", contains(2, 1))
                        .body("data.open.total.value", equalTo(3.0))
                        .body("data.open.series.group.value.flatten()", contains("enterprise", null))
                        .body("data.open.series.value.value", contains(1.0, 2.0))
                        .body("data.unresolved.total.value", equalTo(1.0));
    }

    @Test
    void aCustomerCreatedLateMovesItsTicketsToItsSegment() {
        // K3's creation arrives after its ticket T4: T4 moves from no segment to smb (T3, T4).
        log.appendAndProject(event("customer.created", "2026-01-05T00:00:00Z").customer("K3").attr("segment", "smb"));
        query("{ metric(metric: TICKETS_CREATED, " + MARCH_2 + ", groupBy: [CUSTOMER_SEGMENT]) {"
                + " series { group { value } value { value } } } }").body("errors", nullValue())
                        .body("data.metric.series.group.value.flatten()", contains("enterprise", "smb", null))
                        .body("data.metric.series.value.value", contains(2.0, 2.0, 1.0));
    }

    @Test
    void theTicketLoadGridTakesASegmentFilter() {
        // Enterprise tickets arrived Monday (ISO day 1) at 08:00 and 09:00.
        query("{ ticketLoad(" + MARCH_2 + ", filter: [{dimension: CUSTOMER_SEGMENT, values: [\"enterprise\"]}]) {"
                + " dayOfWeek hour tickets } }").body("errors", nullValue()).body("data.ticketLoad", hasSize(7 * 24))
                        .body("data.ticketLoad.findAll { it.tickets > 0 }.hour", contains(8, 9))
                        .body("data.ticketLoad.findAll { it.tickets > 0 }.dayOfWeek", contains(1, 1));
    }

    @Test
    void requestsAreSlicedByTheSegmentOfTheTicketsOrTheContactsCustomer() {
        // Contacts without a ticket: C1 of K2 (smb), C2 of no customer. C3 belongs to T1, already a request.
        // enterprise T1, T2 = 2; smb T3, C1 = 2; none T4 (K3 has no segment), T5, C2 = 3.
        log.appendAndProject(
                event("contact.queued", "2026-03-02T13:00:00Z").contact("C1").channel("phone").customer("K2"),
                event("contact.queued", "2026-03-02T13:05:00Z").contact("C2").channel("phone"),
                event("contact.queued", "2026-03-02T13:10:00Z").contact("C3").channel("phone").customer("K1")
                        .ticket("T1"));
        query("{ metric(metric: REQUEST_VOLUME, " + MARCH_2 + ", groupBy: [CUSTOMER_SEGMENT]) { total { value }"
                + " series { group { value } value { value } } } }").body("errors", nullValue())
                        .body("data.metric.total.value", equalTo(7.0))
                        .body("data.metric.series.group.value.flatten()", contains("enterprise", "smb", null))
                        .body("data.metric.series.value.value", contains(2.0, 2.0, 3.0));
    }

    @Test
    void metricsWhoseEventsCarryNoCustomerAreNotSlicedBySegment() {
        // Contact metrics and costs cannot carry a segment (metrics.md): the error names the metric and dimension.
        query("{ metric(metric: AVERAGE_SPEED_OF_ANSWER, " + MARCH_2 + ", groupBy: [CUSTOMER_SEGMENT]) {"
                + " total { value } } }").body("data", nullValue())
                        .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                        .body("errors[0].message", containsString("AVERAGE_SPEED_OF_ANSWER cannot be sliced by "
                                + "CUSTOMER_SEGMENT; it supports [AGENT, TEAM, CHANNEL, REGION]"));
        query("{ metric(metric: COST_PER_TICKET, " + MARCH_2
                + ", filter: [{dimension: CUSTOMER_SEGMENT, values: [\"smb\"]}]) { total { value } } }")
                        .body("data", nullValue()).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                        .body("errors[0].message", containsString(
                                "COST_PER_TICKET cannot be sliced by CUSTOMER_SEGMENT; it supports [CHANNEL, REGION]"));
    }
}

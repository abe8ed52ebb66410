package dev.supportpulse.metrics.model;

/**
 * How a ticket metric is measured over {@code metrics.tickets}: which tickets count, at which anchor time, which agent
 * owns them, and what is aggregated. Expressions are SQL over one row of that table.
 *
 * @param anchor
 *            the time that puts a ticket in a period
 * @param agent
 *            who the AGENT dimension names
 * @param condition
 *            which tickets are measured at all, besides having a creation and an anchor
 * @param kind
 *            how rows become a value
 * @param expression
 *            the numerator condition (PERCENT), the seconds (DURATION) or the per-ticket value (MEAN)
 */
public record TicketMeasure(String source, String anchor, String agent, String condition, Kind kind,
        String expression) {

    /** How rows become a value. */
    public enum Kind {
        /** Rows counted. */
        COUNT,
        /** Distinct tickets among the rows counted (a ticket reopened twice in a period counts once). */
        DISTINCT_TICKETS,
        /** 100 × rows meeting the expression / rows. */
        PERCENT,
        /** Mean, median and p90 of a duration in seconds; never negative. */
        DURATION,
        /** Sum of a per-ticket value / rows. */
        MEAN
    }

    static final String TICKETS = "metrics.tickets t";

    static TicketMeasure count(String anchor, String agent, String condition) {
        return new TicketMeasure(TICKETS, anchor, agent, condition, Kind.COUNT, null);
    }

    static TicketMeasure percent(String anchor, String agent, String condition, String numerator) {
        return new TicketMeasure(TICKETS, anchor, agent, condition, Kind.PERCENT, numerator);
    }

    /** A duration from {@code start} to the anchor, clamped at 0 (a source clock running behind). */
    static TicketMeasure durationSince(String start, String anchor, String agent, String condition) {
        return new TicketMeasure(TICKETS, anchor, agent, condition, Kind.DURATION,
                "greatest(0, extract(epoch FROM " + anchor + " - " + start + "))");
    }

    static TicketMeasure duration(String anchor, String agent, String condition, String seconds) {
        return new TicketMeasure(TICKETS, anchor, agent, condition, Kind.DURATION, seconds);
    }

    static TicketMeasure mean(String anchor, String agent, String condition, String value) {
        return new TicketMeasure(TICKETS, anchor, agent, condition, Kind.MEAN, value);
    }

    /** Distinct tickets with an event in a per-event table, anchored at that event. */
    static TicketMeasure distinctTickets(String eventTable, String anchor, String agent) {
        return new TicketMeasure(eventTable + " e JOIN " + TICKETS + " USING (ticket_id)", anchor, agent, "true",
                Kind.DISTINCT_TICKETS, null);
    }

    /** A duration per row of a per-event table, anchored at that event. */
    static TicketMeasure eventDuration(String eventTable, String anchor, String agent, String seconds) {
        return new TicketMeasure(eventTable + " e JOIN " + TICKETS + " USING (ticket_id)", anchor, agent, "true",
                Kind.DURATION, seconds);
    }
}

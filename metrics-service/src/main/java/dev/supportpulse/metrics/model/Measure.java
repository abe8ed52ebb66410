package dev.supportpulse.metrics.model;

/**
 * How a metric is measured: over which fact rows, at which anchor time, owned by which agent, and what is aggregated.
 * Every source is aliased {@code t} and offers the dimension columns {@code team_id}, {@code channel}, {@code region},
 * {@code type}, {@code priority} and a {@code ticket_id}; expressions are SQL over one of its rows.
 *
 * @param source
 *            the FROM clause
 * @param anchor
 *            the time that puts a row in a period
 * @param agent
 *            who the AGENT dimension names
 * @param condition
 *            which rows are measured at all
 * @param kind
 *            how rows become a value
 * @param expression
 *            the numerator condition (PERCENT), the seconds (DURATION) or the per-row value (MEAN, AVERAGE)
 * @param segment
 *            the row's customer segment (CUSTOMER_SEGMENT), or null where rows have no customer
 */
public record Measure(String source, String anchor, String agent, String condition, Kind kind, String expression,
        String segment) {

    /** A measure whose rows carry no customer segment. */
    public Measure(String source, String anchor, String agent, String condition, Kind kind, String expression) {
        this(source, anchor, agent, condition, kind, expression, null);
    }

    /**
     * A ticket measure: its rows are tickets (aliased {@code t}), sliced by the segment of the ticket's customer.
     */
    static Measure ofTickets(String source, String anchor, String agent, String condition, Kind kind,
            String expression) {
        return new Measure(source, anchor, agent, condition, kind, expression, TICKET_SEGMENT);
    }

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
        /** Sum of a per-row value / rows, with numerator and denominator (RATIO metrics). */
        MEAN,
        /** Mean of a per-row score (SCORE metrics): value and mean, the rows as sample size, no fraction. */
        AVERAGE,
        /**
         * Rows of two kinds (RATIO metrics between two kinds of events): those meeting the expression / the others.
         */
        QUOTIENT,
        /**
         * People of two kinds: distinct {@code person_id} of the rows meeting the expression / distinct
         * {@code person_id} of the others (each side counted distinct per point, and over the whole range for the
         * total).
         */
        DISTINCT_QUOTIENT,
        /** Snapshot: tickets open at each period's end (and at the range's end for the total) meeting the condition. */
        OPEN_AT_END,
        /** Tickets created in a period and not resolved at its end. */
        UNRESOLVED_AT_END,
        /** 100 × tickets created in a period and resolved at its end / tickets created in it. */
        RESOLVED_AT_END,
        /** 100 × customers churned in a period / customers active at its start (the customer base's own statement). */
        CHURN,
        /** 100 × (customers active at a period's end − created in it) / customers active at its start. */
        RETENTION,
        /** Revenue before a period's end / customers created before it, churned ones included. */
        LIFETIME_VALUE,
        /**
         * Costs of the category named by the expression, spread over their days and prorated to a period / the rows
         * (units) anchored in it.
         */
        COST
    }

    /**
     * Whether the answer can change with the clock alone, without a new event: snapshots and judgements at period ends
     * take the state now for instants after now, and SLA breaches count once the due time has passed.
     */
    public boolean dependsOnNow() {
        return kind == Kind.OPEN_AT_END || kind == Kind.UNRESOLVED_AT_END || kind == Kind.RESOLVED_AT_END
                || kind == Kind.LIFETIME_VALUE || condition.contains("now()");
    }

    /**
     * The segment of a ticket's customer. A lookup per row, and only in statements that slice or filter by segment: the
     * segment can change (a customer.created arriving late) without touching the ticket's facts.
     */
    static final String TICKET_SEGMENT = "(SELECT cs.segment FROM metrics.customer_segments cs "
            + "WHERE cs.customer_id = t.customer_id)";

    /** Tickets; those whose ticket.created has not arrived wait, and count in nothing. */
    private static final String TICKETS = "metrics.tickets t";
    private static final String CREATED = "t.created_at IS NOT NULL AND ";
    /** Contacts carry no ticket type or priority. */
    private static final String CONTACTS = "(SELECT c.*, NULL::text AS type, NULL::text AS priority "
            + "FROM metrics.contacts c) t";

    static Measure count(String anchor, String agent, String condition) {
        return ofTickets(TICKETS, anchor, agent, CREATED + condition, Kind.COUNT, null);
    }

    static Measure percent(String anchor, String agent, String condition, String numerator) {
        return ofTickets(TICKETS, anchor, agent, CREATED + condition, Kind.PERCENT, numerator);
    }

    /**
     * A duration from creation to the anchor, read from the ticket's column that holds it (migration V18: clamped at 0
     * for a source clock running behind, null unless the ticket was created and has the anchor, so that "not null"
     * stands for both; the column spells that out with a CASE, because greatest(0, NULL) is 0). The anchor's covering
     * index carries that column, so no sample is computed at query time; "anchor IS NOT NULL" is that partial index's
     * own condition, which the planner must find in the query to use it.
     */
    static Measure durationSince(String secondsColumn, String anchor, String agent) {
        return ofTickets(TICKETS, anchor, agent, anchor + " IS NOT NULL AND t." + secondsColumn + " IS NOT NULL",
                Kind.DURATION, "t." + secondsColumn);
    }

    static Measure duration(String anchor, String agent, String condition, String seconds) {
        return ofTickets(TICKETS, anchor, agent, CREATED + condition, Kind.DURATION, seconds);
    }

    static Measure mean(String anchor, String agent, String condition, String value) {
        return ofTickets(TICKETS, anchor, agent, CREATED + condition, Kind.MEAN, value);
    }

    /** Distinct tickets with an event in a per-event table, anchored at that event. */
    static Measure distinctTickets(String eventTable, String anchor, String agent) {
        return ofTickets(eventTable + " e JOIN " + TICKETS + " USING (ticket_id)", anchor, agent, CREATED + "true",
                Kind.DISTINCT_TICKETS, null);
    }

    /**
     * A duration per row of a per-event table, anchored at that event, for tables whose rows the projection writes only
     * for created tickets (ticket_replies). The ticket then only brings the dimensions: joined LEFT on its key, so that
     * PostgreSQL drops the join when no dimension is grouped or filtered (at a million tickets, REPLY_TIME over 30 days
     * took 835 ms with the join, which read every ticket, and 328 ms without).
     */
    static Measure eventDuration(String eventTable, String anchor, String agent, String seconds) {
        return ofTickets(eventTable + " e LEFT JOIN " + TICKETS + " USING (ticket_id)", anchor, agent, "true",
                Kind.DURATION, seconds);
    }

    /**
     * At a snapshot instant {@code at_end.at}: waiting more than 24 h since {@code wait.since} (the newest customer
     * message before the instant, else the creation) with no public agent reply in between.
     */
    static final String BACKLOGGED = """
            at_end.at - wait.since > interval '24 hours'
            AND NOT EXISTS (SELECT 1 FROM metrics.ticket_messages r
                            WHERE r.ticket_id = t.ticket_id AND NOT r.from_customer
                              AND r.sent_at > wait.since AND r.sent_at < at_end.at)
            """;

    /** Tickets judged at a period's end: open ones (with an extra condition), or those created in it. */
    static Measure atPeriodEnd(Kind kind, String condition) {
        return ofTickets(TICKETS, "t.created_at", "t.assignee", condition, kind, null);
    }

    /**
     * An SLA rate: achieved (the event by its due time) / (achieved + breached: the event after due, or none and due
     * has passed), anchored at min(event, due). Due is creation + the target of the ticket's current priority.
     */
    static Measure sla(String targetColumn, String event, String agent) {
        String due = "(t.created_at + make_interval(secs => p." + targetColumn + "))";
        return ofTickets(TICKETS + " JOIN metrics.sla_policies p ON p.priority = t.priority",
                "least(" + event + ", " + due + ")", agent,
                CREATED + "(" + event + " IS NOT NULL OR " + due + " < now())", Kind.PERCENT,
                event + " IS NOT NULL AND " + event + " <= " + due);
    }

    /**
     * Requests of every kind: tickets created, and contacts queued or blocked that carry no ticket (those with one are
     * already counted as their ticket). Anchored at creation or queueing; the agent is the ticket's assignee or the
     * contact's answering agent, the segment that of the ticket's or the contact's customer.
     */
    static Measure requests() {
        return new Measure("""
                (SELECT t.created_at AS requested_at, t.assignee AS agent, t.team_id, t.channel, t.region, t.type,
                        t.priority, t.ticket_id, t.customer_id
                 FROM metrics.tickets t WHERE t.created_at IS NOT NULL
                 UNION ALL
                 SELECT coalesce(c.queued_at, c.blocked_at), c.answering_agent, c.team_id, c.channel, c.region,
                        NULL, NULL, c.contact_id, c.customer_id
                 FROM metrics.contacts c
                 WHERE c.ticket_id IS NULL AND (c.queued_at IS NOT NULL OR c.blocked_at IS NOT NULL)) t""",
                "t.requested_at", "t.agent", "true", Kind.COUNT, null, TICKET_SEGMENT);
    }

    /** A measure over {@code metrics.contacts}: calls and chats in a queue. */
    static Measure contacts(String anchor, String agent, String condition, Kind kind, String expression) {
        return new Measure(CONTACTS, anchor, agent, condition, kind, expression);
    }
}

package dev.supportpulse.metrics.model;

import java.util.Map;

/**
 * How a metric reads from the rollup ({@code metrics.ticket_rollup} and its daily level), where it can: the counters
 * that are its numerator and denominator. The per-ticket {@link Measure} stays the definition; the rollup must give the
 * same answers (tested side by side).
 *
 * @param kind
 *            how the sums become a value
 * @param numerator
 *            a sum of counters: the count (COUNT), the rows meeting the condition (PERCENT) or the summed value (MEAN)
 * @param denominator
 *            a sum of counters: the rows measured (PERCENT, MEAN); null for COUNT and OPEN_AT_END
 * @param awaited
 *            for SLA rates, the fact column whose absence leaves a ticket's SLA open: such a ticket counts as breached
 *            once its due time has passed, which the clock decides, so it is read from {@code metrics.tickets} at query
 *            time; null for other metrics
 * @param target
 *            for SLA rates, the policy column with the target in seconds
 */
public record RollupMeasure(Kind kind, String numerator, String denominator, String awaited, String target) {

    /** How the sums become a value. */
    public enum Kind {
        COUNT, PERCENT, MEAN,
        /** Snapshot: opened − closed summed before each instant. */
        OPEN_AT_END
    }

    private static final Map<Metric, RollupMeasure> MEASURES = Map.of(Metric.TICKETS_CREATED,
            new RollupMeasure(Kind.COUNT, "created", null, null, null), Metric.TICKETS_RESOLVED,
            new RollupMeasure(Kind.COUNT, "resolved", null, null, null), Metric.OPEN_TICKETS,
            new RollupMeasure(Kind.OPEN_AT_END, "opened - closed", null, null, null), Metric.REOPEN_RATE,
            new RollupMeasure(Kind.PERCENT, "resolved_reopened", "resolved", null, null), Metric.ESCALATION_RATE,
            new RollupMeasure(Kind.PERCENT, "escalated", "created", null, null), Metric.AGENT_REPLIES_PER_TICKET,
            new RollupMeasure(Kind.MEAN, "resolved_public_replies", "resolved", null, null),
            Metric.CUSTOMER_REPLIES_PER_TICKET,
            new RollupMeasure(Kind.MEAN, "resolved_customer_replies", "resolved", null, null),
            Metric.FIRST_CONTACT_RESOLUTION,
            new RollupMeasure(Kind.PERCENT, "resolved_first_contact", "resolved", null, null),
            Metric.SLA_FIRST_RESPONSE_RATE,
            new RollupMeasure(Kind.PERCENT, "first_response_achieved",
                    "first_response_achieved + first_response_breached", "first_reply_at", "first_response_seconds"),
            Metric.SLA_RESOLUTION_RATE, new RollupMeasure(Kind.PERCENT, "resolution_achieved",
                    "resolution_achieved + resolution_breached", "resolved_at", "resolution_seconds"));

    /** The rollup reading of a metric, or null when the metric is not in the rollup. */
    public static RollupMeasure of(Metric metric) {
        return MEASURES.get(metric);
    }
}

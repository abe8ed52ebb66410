package dev.supportpulse.metrics.model;

import dev.supportpulse.metrics.model.Measure.Kind;

/**
 * How the satisfaction metrics are measured: survey responses and invitations (from survey-service), and quality
 * reviews (qa.review events). Each row is sliced by its own agent, team, channel and region where it names them, else
 * by its ticket's current values, the agent then being the ticket's current assignee; type and priority are always the
 * ticket's; the customer segment is that of its own customer, else of its ticket's (metrics.md, "Readings fixed":
 * Surveys).
 */
final class SatisfactionMeasures {

    /** Survey invitations, answered or not; {@code score} and {@code submitted_at} are null until answered. */
    private static final String INVITATIONS = """
            (SELECT s.invitation_id, s.kind, s.sent_at, s.submitted_at, s.score, s.ticket_id,
                    coalesce(s.agent_id, k.assignee) AS agent, coalesce(s.team_id, k.team_id) AS team_id,
                    coalesce(s.channel, k.channel) AS channel, coalesce(s.region, k.region) AS region,
                    k.type, k.priority, c.segment
             FROM metrics.survey_invitations s
             LEFT JOIN metrics.tickets k ON k.ticket_id = s.ticket_id
             LEFT JOIN metrics.customer_segments c ON c.customer_id = coalesce(s.customer_id, k.customer_id)) t""";

    /**
     * Quality reviews; {@code ticket_created_at} is null while the reviewed ticket's ticket.created has not arrived.
     */
    private static final String REVIEWS = """
            (SELECT r.event_id, r.reviewed_at, r.score, r.ticket_id, k.created_at AS ticket_created_at,
                    coalesce(r.agent_id, k.assignee) AS agent, coalesce(r.team_id, k.team_id) AS team_id,
                    coalesce(r.channel, k.channel) AS channel, coalesce(r.region, k.region) AS region,
                    k.type, k.priority, c.segment
             FROM metrics.quality_reviews r
             LEFT JOIN metrics.tickets k ON k.ticket_id = r.ticket_id
             LEFT JOIN metrics.customer_segments c ON c.customer_id = coalesce(r.customer_id, k.customer_id)) t""";

    /** How survey rows are sliced, as the catalog's formulas say it. */
    static final String SURVEY_DIMENSIONS = "invitation's own agent, team, channel and region, else its ticket's "
            + "current values (agent: assignee); type and priority of its ticket; the segment of its customer, else of its ticket's.";

    /** NPS as a mean: a promoter counts +100, a detractor −100, a passive 0, so the mean is 100 × (P − D) / N. */
    static final String NET_PROMOTER = "CASE WHEN t.score >= 9 THEN 100 WHEN t.score <= 6 THEN -100 ELSE 0 END";

    private SatisfactionMeasures() {
    }

    /** 100 × responses of one survey kind meeting the condition / responses of that kind, anchored at submission. */
    static Measure responseShare(String kind, String numerator) {
        return new Measure(INVITATIONS, "t.submitted_at", "t.agent", answered(kind), Kind.PERCENT, numerator,
                "t.segment");
    }

    /** The mean of a per-response value over the responses of one survey kind, anchored at submission. */
    static Measure responseMean(String kind, String value) {
        return new Measure(INVITATIONS, "t.submitted_at", "t.agent", answered(kind), Kind.AVERAGE, value, "t.segment");
    }

    /**
     * 100 × invitations answered / invitations sent, anchored at sending: an invitation counts in the period it was
     * sent in, as answered if it has a response now (also one submitted after that period).
     */
    static Measure responseRate() {
        return new Measure(INVITATIONS, "t.sent_at", "t.agent", "true", Kind.PERCENT, "t.submitted_at IS NOT NULL",
                "t.segment");
    }

    /**
     * The mean qa.review score, anchored at the review. A review is an event of its ticket, so like the ticket's other
     * events it waits for the ticket's creation to arrive (metrics.md); survey responses come from survey-service and
     * count at once.
     */
    static Measure qualityScore() {
        return new Measure(REVIEWS, "t.reviewed_at", "t.agent", "t.ticket_created_at IS NOT NULL", Kind.AVERAGE,
                "t.score", "t.segment");
    }

    private static String answered(String kind) {
        return "t.kind = '" + kind + "' AND t.submitted_at IS NOT NULL";
    }
}

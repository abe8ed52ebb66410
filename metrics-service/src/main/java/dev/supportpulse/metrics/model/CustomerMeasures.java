package dev.supportpulse.metrics.model;

import dev.supportpulse.metrics.model.Measure.Kind;

/**
 * How the customer and social metrics are measured: customer creations (metrics.customer_segments, the latest creation
 * of each customer) and offer and social events (metrics.business_events). Rows are sliced by their own channel and
 * region and by the customer's segment; they name no agent, team, ticket type or priority.
 */
final class CustomerMeasures {

    /** New customers: each customer once, at its latest customer.created, with that creation's attributes. */
    private static final String CREATIONS = """
            (SELECT c.customer_id, c.created_at, c.channel, c.region, c.segment, c.referred, NULL::text AS team_id,
                    NULL::text AS type, NULL::text AS priority, NULL::text AS ticket_id
             FROM metrics.customer_segments c) t""";

    private CustomerMeasures() {
    }

    /** 100 × new customers with referred / new customers, anchored at creation; its own segment is its segment. */
    static Measure referral() {
        return new Measure(CREATIONS, "t.created_at", "NULL::text", "true", Kind.PERCENT, "coalesce(t.referred, false)",
                "t.segment");
    }

    /** Events of one type whose kind is one of {@code kinds} (an SQL list), counted at their occurrence. */
    static Measure count(String eventType, String kinds) {
        return new Measure("""
                (SELECT e.event_id, e.occurred_at, e.channel, e.region, e.customer_id, e.kind, NULL::text AS team_id,
                        NULL::text AS type, NULL::text AS priority, NULL::text AS ticket_id
                 FROM metrics.business_events e WHERE e.type = '%s') t""".formatted(eventType), "t.occurred_at",
                "NULL::text", "t.kind IN (" + kinds + ")", Kind.COUNT, null, SelfServiceMeasures.SEGMENT);
    }

    /**
     * A measure of the customer base at period boundaries (CHURN, RETENTION, LIFETIME_VALUE): the repository's customer
     * base statement reads customers (with the channel, region and segment of their latest creation), their churns and
     * their revenue; the other fields name what the rows carry.
     */
    static Measure customerBase(Kind kind) {
        return new Measure("metrics.customer_segments t", "t.created_at", "NULL::text", "true", kind, null,
                "t.segment");
    }
}

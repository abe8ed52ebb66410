package dev.supportpulse.metrics.model;

import dev.supportpulse.metrics.model.Measure.Kind;

/**
 * How the self-service metrics are measured: knowledge-base, bot, forum and session events
 * (metrics.self_service_events). Rows are sliced by the event's own channel and region, and by the segment of its
 * customer; they name no agent, team, ticket type or priority.
 */
final class SelfServiceMeasures {

    static final String KB_VIEW = "kb.article_viewed";
    static final String BOT_CONVERSATION = "bot.conversation";
    static final String SESSION = "selfservice.session";

    /** The segment of the event's customer, looked up only by statements that slice or filter by it. */
    static final String SEGMENT = "(SELECT cs.segment FROM metrics.customer_segments cs "
            + "WHERE cs.customer_id = t.customer_id)";

    /**
     * Question threads: each starts at its first post with {@code question} (channel, region and customer are that
     * post's) and counts as resolved if it has any forum.thread_resolved, also one after the period ("Readings fixed").
     */
    private static final String QUESTION_THREADS = """
            (SELECT DISTINCT ON (p.thread_id) p.thread_id, p.occurred_at AS started_at, p.channel, p.region,
                    p.customer_id, NULL::text AS team_id, NULL::text AS type, NULL::text AS priority,
                    NULL::text AS ticket_id,
                    EXISTS (SELECT 1 FROM metrics.self_service_events r
                            WHERE r.thread_id = p.thread_id AND r.type = 'forum.thread_resolved') AS resolved
             FROM metrics.self_service_events p
             WHERE p.type = 'forum.post_created' AND p.question AND p.thread_id IS NOT NULL
             ORDER BY p.thread_id, p.occurred_at, p.event_id) t""";

    private SelfServiceMeasures() {
    }

    /** Events of one type, counted at their occurrence. */
    static Measure count(String eventType) {
        return measure(eventType, "true", Kind.COUNT, null);
    }

    /** 100 × events of one type meeting {@code numerator} / those meeting {@code condition}, at their occurrence. */
    static Measure share(String eventType, String condition, String numerator) {
        return measure(eventType, condition, Kind.PERCENT, numerator);
    }

    /** Mean, median and p90 of a number of seconds per event of one type, never negative; events without it skipped. */
    static Measure duration(String eventType, String seconds) {
        return measure(eventType, seconds + " IS NOT NULL", Kind.DURATION, "greatest(0, " + seconds + ")");
    }

    /** 100 × question threads resolved / question threads, anchored at each thread's start. */
    static Measure forumSuccess() {
        return new Measure(QUESTION_THREADS, "t.started_at", "NULL::text", "true", Kind.PERCENT, "t.resolved", SEGMENT);
    }

    /**
     * Article views / tickets created: each side anchored at its own time and sliced by its own channel, region and
     * customer segment ("a ratio between two kinds of events splits both sides").
     */
    static Measure deflection() {
        return new Measure(mixed("""
                SELECT e.occurred_at AS at, e.channel, e.region, e.customer_id, true AS viewed
                FROM metrics.self_service_events e WHERE e.type = '%s'
                UNION ALL
                SELECT t.created_at, t.channel, t.region, t.customer_id, false
                FROM metrics.tickets t WHERE t.created_at IS NOT NULL""".formatted(KB_VIEW)), "t.at", "NULL::text",
                "true", Kind.QUOTIENT, "t.viewed", SEGMENT);
    }

    /**
     * Distinct self-service users (customerId, else visitorId, of any self-service event) / distinct customers of the
     * tickets created, each side in the period of its own event.
     */
    static Measure score() {
        return new Measure(mixed("""
                SELECT e.occurred_at AS at, e.channel, e.region, e.customer_id,
                       coalesce(e.customer_id, e.visitor_id) AS person_id, true AS self_served
                FROM metrics.self_service_events e WHERE coalesce(e.customer_id, e.visitor_id) IS NOT NULL
                UNION ALL
                SELECT t.created_at, t.channel, t.region, t.customer_id, t.customer_id, false
                FROM metrics.tickets t WHERE t.created_at IS NOT NULL AND t.customer_id IS NOT NULL"""), "t.at",
                "NULL::text", "true", Kind.DISTINCT_QUOTIENT, "t.self_served", SEGMENT);
    }

    /**
     * Self-service resolutions (resolved sessions, bot conversations with outcome resolved, and forum threads at their
     * first forum.thread_resolved) / those + tickets resolved (as TICKETS_RESOLVED), each at its own resolution time.
     */
    static Measure share() {
        return new Measure(
                mixed("""
                        SELECT e.occurred_at AS at, e.channel, e.region, e.customer_id, true AS self_served
                        FROM metrics.self_service_events e
                        WHERE (e.type = '%s' AND e.resolved) OR (e.type = '%s' AND e.outcome = 'resolved')
                        UNION ALL
                        (SELECT DISTINCT ON (r.thread_id) r.occurred_at, r.channel, r.region, r.customer_id, true
                         FROM metrics.self_service_events r
                         WHERE r.type = 'forum.thread_resolved' AND r.thread_id IS NOT NULL
                         ORDER BY r.thread_id, r.occurred_at, r.event_id)
                        UNION ALL
                        SELECT t.resolved_at, t.channel, t.region, t.customer_id, false
                        FROM metrics.tickets t WHERE t.created_at IS NOT NULL AND t.resolved_at IS NOT NULL"""
                        .formatted(SESSION, BOT_CONVERSATION)),
                "t.at", "NULL::text", "true", Kind.PERCENT, "t.self_served", SEGMENT);
    }

    /**
     * A source of rows that mix self-service events with tickets, {@code rows} being a union of both: those metrics are
     * sliced by channel, region and segment only, so the ticket's other dimensions are left empty.
     */
    private static String mixed(String rows) {
        return "(SELECT u.*, NULL::text AS team_id, NULL::text AS type, NULL::text AS priority, NULL::text AS ticket_id "
                + "FROM (" + rows + ") u) t";
    }

    private static Measure measure(String eventType, String condition, Kind kind, String expression) {
        return new Measure(events(eventType), "t.occurred_at", "NULL::text", condition, kind, expression, SEGMENT);
    }

    /** The events of one type, offering the columns every source offers (those no event carries as null). */
    private static String events(String eventType) {
        return """
                (SELECT e.event_id, e.occurred_at, e.channel, e.region, e.customer_id, e.seconds_on_page, e.bounced,
                        e.vote, e.outcome, e.resolved, NULL::text AS team_id, NULL::text AS type,
                        NULL::text AS priority, NULL::text AS ticket_id
                 FROM metrics.self_service_events e WHERE e.type = '%s') t""".formatted(eventType);
    }
}

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

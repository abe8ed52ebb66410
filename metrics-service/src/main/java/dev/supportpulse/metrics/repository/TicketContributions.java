package dev.supportpulse.metrics.repository;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What each ticket adds to {@code metrics.ticket_rollup}: one row per anchor time (metrics.md's anchors), over any
 * relations shaped like {@code metrics.tickets} and {@code metrics.ticket_resolved_spans}, so that the projection can
 * take a ticket's old contributions away and add its new ones, and queries can add what the rollup's hours do not
 * cover.
 * <ul>
 * <li>creation: created (TICKETS_CREATED), escalated (ESCALATION_RATE);</li>
 * <li>latest resolution, for tickets resolved now: resolved (TICKETS_RESOLVED) and, among those, with exactly one
 * public reply and no reopen (FIRST_CONTACT_RESOLUTION), reopened (REOPEN_RATE), their public and customer replies (the
 * replies-per-ticket means);</li>
 * <li>opened at creation and at each reopen that ended a resolved span, closed at each span's start, never before
 * creation: OPEN_TICKETS at instant x is the sum of opened − closed before x;</li>
 * <li>SLA achieved or breached where the reply or resolution decides it, anchored at min(event, due). A ticket still
 * without one is breached once due passes: the clock decides that, so queries add those from metrics.tickets.</li>
 * </ul>
 */
final class TicketContributions {

    /** The counters, in the rollup's column order. */
    private static final List<String> COUNTER_NAMES = List.of("created", "escalated", "resolved",
            "resolved_first_contact", "resolved_reopened", "resolved_public_replies", "resolved_customer_replies",
            "opened", "closed", "first_response_achieved", "first_response_breached", "resolution_achieved",
            "resolution_breached");

    /** The counters, in the rollup's column order, as a column list. */
    static final String COUNTERS = String.join(", ", COUNTER_NAMES);

    private static final String SELECT = """
            SELECT t.ticket_id, t.created_at AS at, t.team_id, t.channel, t.region, t.type, t.priority,
                   1 AS created, t.escalated::int AS escalated, 0 AS resolved, 0 AS resolved_first_contact,
                   0 AS resolved_reopened, 0 AS resolved_public_replies, 0 AS resolved_customer_replies, 1 AS opened,
                   0 AS closed, 0 AS first_response_achieved, 0 AS first_response_breached, 0 AS resolution_achieved,
                   0 AS resolution_breached
            FROM %1$s t
            WHERE t.created_at IS NOT NULL
            UNION ALL
            SELECT t.ticket_id, t.resolved_at, t.team_id, t.channel, t.region, t.type, t.priority,
                   0, 0, 1, (t.public_replies = 1 AND t.reopens = 0)::int, (t.reopens > 0)::int, t.public_replies,
                   t.customer_replies, 0, 0, 0, 0, 0, 0
            FROM %1$s t
            WHERE t.created_at IS NOT NULL AND t.resolved_at IS NOT NULL
            UNION ALL
            SELECT t.ticket_id, greatest(s.resolved_from, t.created_at), t.team_id, t.channel, t.region, t.type,
                   t.priority, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0
            FROM %2$s s
            JOIN %1$s t ON t.ticket_id = s.ticket_id
            WHERE t.created_at IS NOT NULL
            UNION ALL
            SELECT t.ticket_id, greatest(s.resolved_until, t.created_at), t.team_id, t.channel, t.region, t.type,
                   t.priority, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0
            FROM %2$s s
            JOIN %1$s t ON t.ticket_id = s.ticket_id
            WHERE t.created_at IS NOT NULL AND s.resolved_until IS NOT NULL
            UNION ALL
            SELECT t.ticket_id, least(t.first_reply_at, t.created_at + make_interval(secs => p.first_response_seconds)),
                   t.team_id, t.channel, t.region, t.type, t.priority, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                   (t.first_reply_at <= t.created_at + make_interval(secs => p.first_response_seconds))::int,
                   (t.first_reply_at > t.created_at + make_interval(secs => p.first_response_seconds))::int, 0, 0
            FROM %1$s t
            JOIN metrics.sla_policies p ON p.priority = t.priority
            WHERE t.created_at IS NOT NULL AND t.first_reply_at IS NOT NULL
            UNION ALL
            SELECT t.ticket_id, least(t.resolved_at, t.created_at + make_interval(secs => p.resolution_seconds)),
                   t.team_id, t.channel, t.region, t.type, t.priority, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                   (t.resolved_at <= t.created_at + make_interval(secs => p.resolution_seconds))::int,
                   (t.resolved_at > t.created_at + make_interval(secs => p.resolution_seconds))::int
            FROM %1$s t
            JOIN metrics.sla_policies p ON p.priority = t.priority
            WHERE t.created_at IS NOT NULL AND t.resolved_at IS NOT NULL
            """;

    private TicketContributions() {
    }

    /** Every contribution of the tickets in {@code tickets}, whose resolved spans are in {@code spans}. */
    static String of(String tickets, String spans) {
        return SELECT.formatted(tickets, spans);
    }

    /** The rollup's two levels: UTC hours, and UTC days (the hours summed). */
    enum Level {
        HOURS("metrics.ticket_rollup", "hour", "hour"),
        DAYS("metrics.ticket_rollup_daily", "day", "date_trunc('day', hour, 'UTC')");

        final String table;
        final String column;
        /** The level's time of a rollup row, from its {@code hour}. */
        final String of;

        Level(String table, String column, String of) {
            this.table = table;
            this.column = column;
            this.of = of;
        }
    }

    /**
     * The rollup rows of signed contributions (columns sign, hour, team_id, channel, region, type, priority and the
     * counters): each hour's all-tickets row and the row of each dimension's value, with the counters' sums. Sums that
     * come to zero (a ticket's old and new contributions alike) are left out.
     */
    static String rollupRows(String contributions) {
        return """
                SELECT CASE WHEN GROUPING(team_id) = 0 THEN 'team' WHEN GROUPING(channel) = 0 THEN 'channel'
                            WHEN GROUPING(region) = 0 THEN 'region' WHEN GROUPING(type) = 0 THEN 'type'
                            WHEN GROUPING(priority) = 0 THEN 'priority' ELSE '' END AS dimension,
                       CASE WHEN GROUPING(team_id) = 0 THEN team_id WHEN GROUPING(channel) = 0 THEN channel
                            WHEN GROUPING(region) = 0 THEN region WHEN GROUPING(type) = 0 THEN type
                            WHEN GROUPING(priority) = 0 THEN priority END AS value,
                       hour, %1$s
                FROM %2$s c
                GROUP BY GROUPING SETS ((hour), (hour, team_id), (hour, channel), (hour, region), (hour, type),
                                       (hour, priority))
                HAVING %3$s
                """.formatted(eachCounter("sum(sign * %1$s) AS %1$s", ", "), contributions,
                eachCounter("sum(sign * %1$s) <> 0", " OR "));
    }

    /**
     * Adds rollup rows (shaped as {@link #rollupRows} gives them) to one level of the rollup, summed per row of that
     * level; sums that come to zero change nothing and are left out. Rows are taken in key order, so that partitions
     * projected at once wait for each other here rather than deadlock.
     */
    static String addToRollup(String rows, Level level) {
        return """
                INSERT INTO %1$s AS r (dimension, value, %2$s, %3$s)
                SELECT dimension, value, %4$s, %5$s
                FROM %6$s c
                GROUP BY 1, 2, 3
                HAVING %7$s
                ORDER BY 1, 2, 3
                ON CONFLICT (dimension, value, %2$s) DO UPDATE SET %8$s
                """.formatted(level.table, level.column, COUNTERS, level.of, eachCounter("sum(%1$s)", ", "), rows,
                eachCounter("sum(%1$s) <> 0", " OR "), eachCounter("%1$s = r.%1$s + excluded.%1$s", ", "));
    }

    /** The counters that follow the SLA policies. */
    static final List<String> SLA_COUNTERS = List.of("first_response_achieved", "first_response_breached",
            "resolution_achieved", "resolution_breached");

    /**
     * Every ticket's SLA outcomes under the policies as they now are, as contributions for {@link #rollupRows} (the
     * other counters 0).
     */
    static String slaOutcomes() {
        String counters = COUNTER_NAMES.stream()
                .map(counter -> SLA_COUNTERS.contains(counter) ? "c." + counter : "0 AS " + counter)
                .collect(Collectors.joining(", "));
        return """
                (SELECT 1 AS sign, date_trunc('hour', c.at, 'UTC') AS hour, c.team_id, c.channel, c.region, c.type,
                        c.priority, %s
                 FROM (%s) c
                 WHERE %s)
                """.formatted(counters, of("metrics.tickets", "metrics.ticket_resolved_spans"),
                each(SLA_COUNTERS, "c.%1$s <> 0", " OR "));
    }

    /** The days' SLA outcomes as the sums of their hours', after the hours' were recomputed. */
    static String copySlaOutcomesToDays() {
        return """
                INSERT INTO metrics.ticket_rollup_daily AS r (dimension, value, day, %1$s)
                SELECT dimension, value, date_trunc('day', hour, 'UTC'), %2$s
                FROM metrics.ticket_rollup
                GROUP BY 1, 2, 3
                HAVING %3$s
                ON CONFLICT (dimension, value, day) DO UPDATE SET %4$s
                """.formatted(String.join(", ", SLA_COUNTERS), each(SLA_COUNTERS, "sum(%1$s)", ", "),
                each(SLA_COUNTERS, "sum(%1$s) <> 0", " OR "), each(SLA_COUNTERS, "%1$s = excluded.%1$s", ", "));
    }

    /** Sets one level's SLA outcomes to 0, before {@link #slaOutcomes()} are added again. */
    static String clearSlaOutcomes(Level level) {
        return "UPDATE " + level.table + " SET " + each(SLA_COUNTERS, "%1$s = 0", ", ") + " WHERE "
                + each(SLA_COUNTERS, "%1$s <> 0", " OR ");
    }

    /** {@code template} formatted with each counter's name, joined by {@code separator}. */
    static String eachCounter(String template, String separator) {
        return each(COUNTER_NAMES, template, separator);
    }

    private static String each(List<String> counters, String template, String separator) {
        return counters.stream().map(template::formatted).collect(Collectors.joining(separator));
    }
}

package dev.supportpulse.metrics.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.supportpulse.metrics.model.Dimension;
import dev.supportpulse.metrics.model.MetricQuery;
import dev.supportpulse.metrics.model.RollupMeasure;

/**
 * Metric statements over the rollup (UTC hours, and UTC days where no cut falls inside one), for the queries it answers
 * exactly: cut on whole UTC hours (every zone with whole-hour offsets cuts days, weeks and months on them), sliced by
 * at most one dimension other than the agent. Whatever lies after the last whole hour (a range or an instant in the
 * current hour) is added from the contributions of the tickets with events since then. The output columns are those of
 * the per-ticket statements.
 */
final class RollupQueries {

    private static final long HOUR = 3600;
    private static final long DAY = 86400;
    /** How far the database's now(), which caps a snapshot's instants, may be from this service's clock. */
    private static final Duration CLOCK_MARGIN = Duration.ofHours(1);

    private RollupQueries() {
    }

    /** The statement for {@code query}, or null when the rollup cannot answer it exactly. */
    static String sql(MetricQuery query, RollupMeasure measure, List<Object> parameters, Instant now) {
        List<Dimension> used = dimensionsUsed(query);
        if (used.size() > 1 || used.contains(Dimension.AGENT) || used.contains(Dimension.CUSTOMER_SEGMENT)
                || !query.shift().equals(query.shift().truncatedTo(ChronoUnit.HOURS))) {
            return null;
        }
        Dimension dimension = used.isEmpty() ? null : used.get(0);
        Instant currentHour = now.truncatedTo(ChronoUnit.HOURS);
        if (measure.kind() == RollupMeasure.Kind.OPEN_AT_END) {
            for (Instant end : instants(query)) {
                if (!aligned(end) && end.isBefore(currentHour)) {
                    return null;
                }
            }
            return snapshotSql(query, measure, dimension, parameters, now);
        }
        Instant from = query.from().minus(query.shift());
        Instant to = query.to().minus(query.shift());
        if (!aligned(from) || query.periodStarts().stream().anyMatch(start -> !aligned(start))
                || !aligned(to) && to.truncatedTo(ChronoUnit.HOURS).isBefore(currentHour)) {
            return null;
        }
        return rangeSql(query, measure, dimension, parameters, from, to);
    }

    /** The dimensions that group or filter the query, each once. */
    private static List<Dimension> dimensionsUsed(MetricQuery query) {
        List<Dimension> used = new ArrayList<>(query.groupBy());
        for (Dimension filtered : query.filter().keySet()) {
            if (!used.contains(filtered)) {
                used.add(filtered);
            }
        }
        return used;
    }

    private static String rangeSql(MetricQuery query, RollupMeasure measure, Dimension dimension,
            List<Object> parameters, Instant from, Instant to) {
        Instant wholeHoursEnd = to.truncatedTo(ChronoUnit.HOURS);
        parameters.add(utc(from));
        parameters.add(utc(wholeHoursEnd));
        // The range's end: the whole hours' end, or the instant in the current hour that the recent part reaches to.
        String end = "$2::timestamptz";
        if (!to.equals(wholeHoursEnd)) {
            parameters.add(utc(to));
            end = "$3::timestamptz";
        }
        String bucket = "NULL::int";
        if (!query.periodStarts().isEmpty()) {
            parameters.add(query.shiftSeconds());
            int shift = parameters.size();
            parameters.add(query.periodStarts().stream().map(RollupQueries::utc).toArray(OffsetDateTime[]::new));
            bucket = "width_bucket(at + make_interval(secs => $" + shift + "::float8), $" + parameters.size()
                    + "::timestamptz[])";
        }
        String value = valueFilter(query, dimension, parameters);
        String grouping = dimension == null ? "NULL::text" : column(dimension);
        List<Instant> cuts = new ArrayList<>(List.of(from, wholeHoursEnd));
        query.periodStarts().forEach(start -> cuts.add(start.minus(query.shift())));
        OffsetDateTime[] splitDays = splitDays(cuts);
        String rollupRows;
        // Days cut inside (a day granularity away from UTC) are read by hour, one index scan each: where they are most
        // of the range, one scan of the range's hours reads the same rows faster.
        if (Duration.between(from, wholeHoursEnd).toDays() > 2L * splitDays.length) {
            parameters.add(splitDays);
            rollupRows = rollupRows(name(dimension), "$1::timestamptz", "$2::timestamptz", "$" + parameters.size());
        } else {
            rollupRows = hourlyRows(name(dimension), "$1::timestamptz", "$2::timestamptz");
        }
        StringBuilder rows = new StringBuilder("""
                SELECT r.hour AS at, r.value AS grp, %1$s AS num, %2$s AS den
                FROM %3$s
                WHERE %4$s
                """.formatted(over("r.", measure.numerator()), over("r.", denominator(measure)), rollupRows,
                value.replace("{value}", "r.value")));
        if (!to.equals(wholeHoursEnd)) {
            rows.append("UNION ALL\n")
                    .append("""
                            SELECT c.at, %1$s, %2$s, %3$s
                            FROM (%4$s) c
                            WHERE c.at >= $2::timestamptz AND c.at < %5$s AND %6$s
                            """.formatted(dimension == null ? "NULL::text" : "c." + grouping,
                            over("c.", measure.numerator()), over("c.", denominator(measure)),
                            contributionsSince("$2::timestamptz"), end, value.replace("{value}", "c." + grouping)));
        }
        if (measure.awaited() != null) {
            rows.append("UNION ALL\n").append(unsettledSla(measure, dimension, value, end));
        }
        boolean grouped = dimension != null && !query.groupBy().isEmpty();
        List<String> keys = new ArrayList<>();
        if (!query.periodStarts().isEmpty()) {
            keys.add("bucket");
        }
        if (grouped) {
            keys.add("grp");
        }
        String groupBy = keys.isEmpty() ? "()" : "GROUPING SETS ((" + String.join(", ", keys) + "), ())";
        String totalFlag = keys.isEmpty() ? "true" : "GROUPING(" + String.join(", ", keys) + ") <> 0";
        // Rows of zeros (contributions moved elsewhere) are no record: the per-ticket facts would have none.
        String measured = measure.kind() == RollupMeasure.Kind.COUNT ? "sum(num)" : "sum(den)";
        return """
                WITH rows AS (
                %1$s),
                measured AS (SELECT %2$s AS bucket, grp, num, den FROM rows)
                SELECT %3$s AS total, %4$s AS bucket%5$s, %6$s
                FROM measured
                GROUP BY %7$s
                HAVING %3$s OR %8$s <> 0
                """.formatted(rows, bucket, totalFlag, query.periodStarts().isEmpty() ? "NULL::int" : "bucket",
                grouped ? ", grp::text" : "", aggregates(measure.kind()), groupBy, measured);
    }

    /**
     * Open tickets at each period's end and at the range's end (the last instant, for the total), each capped at now:
     * opened − closed of every rollup hour before the instant's whole hour, plus the contributions since that hour.
     */
    private static String snapshotSql(MetricQuery query, RollupMeasure measure, Dimension dimension,
            List<Object> parameters, Instant now) {
        List<Instant> instants = instants(query);
        parameters.add(instants.stream().map(RollupQueries::utc).toArray(OffsetDateTime[]::new));
        int totalBucket = instants.size();
        // The statement caps the instants at the database's now(), which may be a little before or after this one:
        // the days within the margin either side of now are read by hour too.
        List<Instant> cuts = new ArrayList<>();
        instants.forEach(instant -> cuts.add(instant.isBefore(now) ? instant : now));
        cuts.add(now.minus(CLOCK_MARGIN));
        cuts.add(now.plus(CLOCK_MARGIN));
        parameters.add(splitDays(cuts));
        String rollupRows = rollupRows(name(dimension), "'-infinity'::timestamptz", "(SELECT max(hour) FROM cuts)",
                "$" + parameters.size());
        String value = valueFilter(query, dimension, parameters);
        String grouping = dimension == null ? "NULL::text" : column(dimension);
        boolean grouped = dimension != null && !query.groupBy().isEmpty();
        String groupBy = grouped ? "GROUPING SETS ((bucket, grp), (bucket))" : "bucket";
        String totalFlag = grouped ? "GROUPING(grp) <> 0" : "bucket = " + totalBucket;
        String having = grouped ? "(GROUPING(grp) = 0 OR bucket = " + totalBucket + ")" : "true";
        // The contributions since the rollup's last whole hour count only at a cut inside an hour: an instant capped at
        // now. Instants further back than the margin lie on whole hours (sql() takes no other), so a snapshot of the
        // past leaves that part out: planned for all the same, it made PostgreSQL expect millions of rows and sort them
        // to group (a year of weekly snapshots by team at a million tickets: 45-60 ms of execution with it, 17-27 ms
        // without).
        boolean cappedAtNow = instants.stream().anyMatch(instant -> !instant.isBefore(now.minus(CLOCK_MARGIN)));
        String recent = !cappedAtNow ? "" : """
                recent AS (
                    SELECT c.at, %1$s AS grp, %2$s AS delta
                    FROM (%3$s) c
                    WHERE %4$s),
                """.formatted(dimension == null ? "NULL::text" : "c." + grouping, over("c.", measure.numerator()),
                contributionsSince("(SELECT min(hour) FROM cuts WHERE at <> hour)"),
                value.replace("{value}", "c." + grouping));
        String recentRows = !cappedAtNow ? "" : """

                UNION ALL
                SELECT cuts.bucket, r.grp, r.delta FROM cuts JOIN recent r ON r.at >= cuts.hour AND r.at < cuts.at""";
        return """
                WITH cuts AS (
                    SELECT i::int AS bucket, least(e, now()) AS at, date_trunc('hour', least(e, now()), 'UTC') AS hour
                    FROM unnest($1::timestamptz[]) WITH ORDINALITY AS u(e, i)),
                segments AS (
                    SELECT width_bucket(r.hour, (SELECT array_agg(hour ORDER BY bucket) FROM cuts)) AS segment,
                           r.value AS grp, sum(%1$s) AS delta
                    FROM %2$s
                    WHERE %3$s
                    GROUP BY 1, 2),
                %4$sopen AS (
                    SELECT cuts.bucket, s.grp, s.delta FROM cuts JOIN segments s ON s.segment < cuts.bucket%5$s)
                SELECT %6$s AS total, bucket%7$s, sum(delta)::bigint AS n, sum(delta)::float8 AS value,
                       NULL::float8 AS num, NULL::float8 AS den, NULL::float8 AS mean, NULL::float8 AS median,
                       NULL::float8 AS p90
                FROM open
                GROUP BY %8$s
                HAVING %9$s AND sum(delta) <> 0
                """.formatted(over("r.", measure.numerator()), rollupRows, value.replace("{value}", "r.value"), recent,
                recentRows, totalFlag, grouped ? ", grp::text" : "", groupBy, having);
    }

    /**
     * The rollup's rows of one dimension from {@code from} to {@code to} (SQL) as {@code r}: hour, value and counters.
     * A UTC day is one row of the daily level, unless it is among {@code splitDays} (SQL, an array): those are read by
     * hour, so that a cut inside such a day sees the hours on each side of it.
     */
    private static String rollupRows(String dimension, String from, String to, String splitDays) {
        return """
                (SELECT d.day AS hour, d.value, %1$s
                 FROM metrics.ticket_rollup_daily d
                 WHERE d.dimension = '%2$s' AND d.day >= %3$s AND d.day < %4$s AND d.day <> ALL (%5$s::timestamptz[])
                 UNION ALL
                 SELECT h.hour, h.value, %6$s
                 FROM unnest(%5$s::timestamptz[]) AS s(day)
                 JOIN metrics.ticket_rollup h
                   ON h.dimension = '%2$s' AND h.hour >= s.day AND h.hour < s.day + interval '24 hours'
                 WHERE h.hour >= %3$s AND h.hour < %4$s) r""".formatted(prefixed("d."), dimension, from, to, splitDays,
                prefixed("h."));
    }

    /** The rollup's hourly rows of one dimension from {@code from} to {@code to} (SQL) as {@code r}. */
    private static String hourlyRows(String dimension, String from, String to) {
        return """
                (SELECT h.hour, h.value, %1$s
                 FROM metrics.ticket_rollup h
                 WHERE h.dimension = '%2$s' AND h.hour >= %3$s AND h.hour < %4$s) r""".formatted(prefixed("h."),
                dimension, from, to);
    }

    private static String prefixed(String prefix) {
        return TicketContributions.eachCounter(prefix + "%1$s", ", ");
    }

    /** The UTC days that the cuts split (those not at midnight), each once. */
    private static OffsetDateTime[] splitDays(List<Instant> cuts) {
        return cuts.stream().filter(cut -> cut.getEpochSecond() % DAY != 0 || cut.getNano() != 0)
                .map(cut -> cut.truncatedTo(ChronoUnit.DAYS)).distinct().sorted().map(RollupQueries::utc)
                .toArray(OffsetDateTime[]::new);
    }

    /**
     * Contributions of the tickets with an event at or after {@code since}: every anchor is an event's time or comes
     * before one (an SLA's due time before a late reply), so these hold every contribution anchored since then.
     */
    private static String contributionsSince(String since) {
        return """
                SELECT c.* FROM (SELECT DISTINCT ticket_id FROM ingest.event_log
                                 WHERE occurred_at >= %s AND ticket_id IS NOT NULL) k
                CROSS JOIN LATERAL (
                    SELECT * FROM (%s) c WHERE c.ticket_id = k.ticket_id OFFSET 0) c
                """.formatted(since, TicketContributions.of("metrics.tickets", "metrics.ticket_resolved_spans"));
    }

    /** Tickets still without the event their SLA waits for, breached once due has passed: due is their anchor. */
    private static String unsettledSla(RollupMeasure measure, Dimension dimension, String value, String end) {
        String due = "t.created_at + make_interval(secs => p." + measure.target() + ")";
        String column = dimension == null ? "NULL::text" : "t." + column(dimension);
        return """
                SELECT %1$s, %2$s, 0, 1
                FROM metrics.tickets t
                JOIN metrics.sla_policies p ON p.priority = t.priority
                WHERE t.created_at IS NOT NULL AND t.%3$s IS NULL AND t.created_at < %5$s
                  AND %1$s < now() AND %1$s >= $1::timestamptz AND %1$s < %5$s AND %4$s
                """.formatted(due, column, measure.awaited(), value.replace("{value}", column), end);
    }

    /** Each period's end and, last, the range's end, moved back by the comparison's shift. */
    private static List<Instant> instants(MetricQuery query) {
        List<Instant> instants = new ArrayList<>();
        for (Instant end : query.periodEnds()) {
            instants.add(end.minus(query.shift()));
        }
        instants.add(query.to().minus(query.shift()));
        return instants;
    }

    /** The filter on the dimension's value, with {@code {value}} standing for the value's column. */
    private static String valueFilter(MetricQuery query, Dimension dimension, List<Object> parameters) {
        List<String> values = dimension == null ? null : query.filter().get(dimension);
        if (values == null) {
            return "true";
        }
        parameters.add(values.toArray(String[]::new));
        return "{value} = ANY($" + parameters.size() + "::text[])";
    }

    /** Columns: sample size, value, numerator, denominator, mean, median, p90 (as the per-ticket statements). */
    private static String aggregates(RollupMeasure.Kind kind) {
        return switch (kind) {
        case COUNT -> "coalesce(sum(num), 0)::bigint AS n, coalesce(sum(num), 0)::float8 AS value, "
                + "NULL::float8 AS num, NULL::float8 AS den, NULL::float8 AS mean, NULL::float8 AS median, "
                + "NULL::float8 AS p90";
        case PERCENT -> "coalesce(sum(den), 0)::bigint AS n, 100.0 * sum(num) / nullif(sum(den), 0) AS value, "
                + "coalesce(sum(num), 0)::float8 AS num, coalesce(sum(den), 0)::float8 AS den, NULL::float8 AS mean, "
                + "NULL::float8 AS median, NULL::float8 AS p90";
        case MEAN -> "coalesce(sum(den), 0)::bigint AS n, sum(num)::float8 / nullif(sum(den), 0) AS value, "
                + "coalesce(sum(num), 0)::float8 AS num, coalesce(sum(den), 0)::float8 AS den, NULL::float8 AS mean, "
                + "NULL::float8 AS median, NULL::float8 AS p90";
        case OPEN_AT_END -> throw new IllegalArgumentException("snapshots have a statement of their own");
        };
    }

    private static String denominator(RollupMeasure measure) {
        return measure.denominator() == null ? "0" : measure.denominator();
    }

    /** A sum of counters ("a + b", "a - b") with each counter read from {@code prefix}. */
    private static String over(String prefix, String counters) {
        return counters.equals("0") ? "0" : "(" + counters.replaceAll("([a-z_]+)", prefix + "$1") + ")";
    }

    /** The rollup's name for a dimension, and the contributions' column for it. */
    private static String name(Dimension dimension) {
        return dimension == null ? "" : NAMES.get(dimension);
    }

    private static String column(Dimension dimension) {
        return COLUMNS.get(dimension);
    }

    private static final Map<Dimension, String> NAMES = Map.of(Dimension.TEAM, "team", Dimension.CHANNEL, "channel",
            Dimension.REGION, "region", Dimension.TYPE, "type", Dimension.PRIORITY, "priority");

    private static final Map<Dimension, String> COLUMNS = Map.of(Dimension.TEAM, "team_id", Dimension.CHANNEL,
            "channel", Dimension.REGION, "region", Dimension.TYPE, "type", Dimension.PRIORITY, "priority");

    private static boolean aligned(Instant instant) {
        return instant.getEpochSecond() % HOUR == 0 && instant.getNano() == 0;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

package dev.supportpulse.metrics.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.supportpulse.metrics.config.MetricsConfig;
import dev.supportpulse.metrics.model.AggregateRow;
import dev.supportpulse.metrics.model.Dimension;
import dev.supportpulse.metrics.model.Measure;
import dev.supportpulse.metrics.model.MetricQuery;
import dev.supportpulse.metrics.model.RollupMeasure;

/**
 * Computes metrics in PostgreSQL, from the rollup where it answers exactly, else from the per-ticket facts: one
 * statement returns the total and every (period, group) point through GROUPING SETS, a duration's points and total come
 * from statements run at once; either way percentiles stay exact (a median of medians would not be) and the database
 * does all the aggregation.
 */
@ApplicationScoped
@Startup // created at start-up, so that a setting out of range stops the start with its message
public class MetricRepository {

    /** Settings that metric expressions name as {@code :setting}; numbers from configuration, never user input. */
    private final Map<String, String> settings;
    private final Pool pool;
    private final boolean rollupsEnabled;
    private final int pointStatements;

    public MetricRepository(@ReadPool Pool pool, MetricsConfig config) {
        if (config.durationPointStatements() < 1) {
            throw new IllegalArgumentException("supportpulse.metrics.duration-point-statements must be at least 1, not "
                    + config.durationPointStatements());
        }
        this.pool = pool;
        this.pointStatements = config.durationPointStatements();
        this.rollupsEnabled = config.rollupsEnabled();
        this.settings = Map.of(":service_level_seconds", Long.toString(config.serviceLevelThreshold().toSeconds()));
    }

    public Uni<List<AggregateRow>> aggregate(MetricQuery query) {
        return aggregate(query, rollupsEnabled);
    }

    /**
     * The aggregate from the rollup where it answers the query exactly and {@code useRollup} allows it, else from the
     * per-ticket facts.
     */
    public Uni<List<AggregateRow>> aggregate(MetricQuery query, boolean useRollup) {
        List<Object> parameters = new ArrayList<>();
        RollupMeasure rollup = useRollup ? RollupMeasure.of(query.metric()) : null;
        String fromRollup = rollup == null ? null : RollupQueries.sql(query, rollup, parameters, Instant.now());
        if (fromRollup == null) {
            parameters.clear();
        }
        Measure.Kind kind = query.metric().measure().kind();
        if (fromRollup == null && kind == Measure.Kind.DURATION && isGrouped(query)) {
            return percentilesByPointAndTotal(query, pointStatements);
        }
        String sql = fromRollup != null ? fromRollup : switch (kind) {
        case OPEN_AT_END -> snapshotSql(query, parameters);
        case UNRESOLVED_AT_END, RESOLVED_AT_END -> cohortSql(query, parameters);
        case CHURN, RETENTION, LIFETIME_VALUE -> CustomerBaseQueries.sql(query, parameters);
        case COST -> CostQueries.sql(query, parameters);
        default -> sql(query, parameters, Part.POINTS_AND_TOTAL);
        };
        return pool.preparedQuery(withSettings(sql)).execute(Tuple.from(parameters))
                .map(rows -> aggregates(rows, query));
    }

    /**
     * Durations by point and in total, as statements run at once: each needs every sample sorted (exact percentiles),
     * and one statement would sort all the samples by point first, then the total's again (1.8 s for first response
     * time by agent by month at a million tickets). The points hash the samples into one array per point and sort each
     * array alone, split by ranges of whole periods into {@code pointStatements} statements; the total sorts all of
     * them once. Each statement has its own connection, so PostgreSQL can give each a core. They read one snapshot
     * each: a projection batch committed between them can leave that one answer's total with a few samples more than
     * its points, or one range of points a few more than another (the watermark has moved, so the next answer is
     * computed afresh). Sharing one exported snapshot would make each request hold one connection while it waits for
     * another, which a busy pool can deadlock.
     */
    Uni<List<AggregateRow>> percentilesByPointAndTotal(MetricQuery query, int pointStatements) {
        List<Uni<List<AggregateRow>>> statements = new ArrayList<>();
        for (MetricQuery part : byPeriodRanges(query, pointStatements)) {
            statements.add(inTransaction(part, Part.POINTS, POINT_PLANS));
        }
        statements.add(inTransaction(query, Part.TOTAL, TOTAL_PLANS));
        return Uni.join().all(statements).andFailFast().map(parts -> {
            List<AggregateRow> result = new ArrayList<>();
            parts.forEach(result::addAll);
            return result;
        });
    }

    /** One part of a duration's answer, computed in a transaction of its own after the given settings. */
    private Uni<List<AggregateRow>> inTransaction(MetricQuery query, Part part, String settings) {
        List<Object> parameters = new ArrayList<>();
        String statement = withSettings(sql(query, parameters, part));
        return pool
                .withTransaction(connection -> connection.query(settings).execute()
                        .flatMap(set -> connection.preparedQuery(statement).execute(Tuple.from(parameters))))
                .map(rows -> aggregates(rows, query));
    }

    /**
     * The query's range cut at period starts into at most {@code parts} ranges of whole periods, as many periods each
     * as can be; every part keeps all the period starts, so that its points are numbered as the whole query's. A point
     * lies in one range: its period does.
     */
    static List<MetricQuery> byPeriodRanges(MetricQuery query, int parts) {
        List<Instant> starts = query.periodStarts();
        int count = Math.min(parts, starts.size());
        if (count <= 1) {
            return List.of(query);
        }
        List<MetricQuery> ranges = new ArrayList<>();
        Instant from = query.from();
        for (int part = 1; part <= count; part++) {
            Instant to = part == count ? query.to() : starts.get(part * starts.size() / count);
            ranges.add(new MetricQuery(query.metric(), from, to, starts, query.periodEnds(), query.groupBy(),
                    query.filter(), query.shift(), query.zone()));
            from = to;
        }
        return ranges;
    }

    /**
     * A duration's statements, points and total, price a random page read like a sequential one (PostgreSQL's default
     * prices it four times as high, for disks): the samples are read through the anchor's covering index, which stays
     * in memory, and at the default a long range was read from the whole table instead, taking twice as long (first
     * response time over a year at a million tickets: 0.7 s instead of 0.4 s for the total, 0.7 s instead of 0.5 s for
     * the points).
     */
    private static final String TOTAL_PLANS = "SELECT set_config('random_page_cost', '1.1', true)";

    /**
     * And without sorts the planner hashes the points: it cannot estimate how few points a range has (the period is an
     * expression), expects nearly a group per sample, and would sort a million samples rather than hash them.
     */
    private static final String POINT_PLANS = "SELECT set_config('random_page_cost', '1.1', true), "
            + "set_config('enable_sort', 'off', true)";

    private String withSettings(String sql) {
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            sql = sql.replace(setting.getKey(), setting.getValue());
        }
        return sql;
    }

    private static List<AggregateRow> aggregates(RowSet<Row> rows, MetricQuery query) {
        List<AggregateRow> result = new ArrayList<>();
        for (Row row : rows) {
            result.add(isCohort(query) ? toCohortAggregate(row, query) : toAggregate(row, query));
        }
        return result;
    }

    private static boolean isGrouped(MetricQuery query) {
        return !query.periodStarts().isEmpty() || !query.groupBy().isEmpty();
    }

    /** Which rows a metric statement returns: the points (period and group), the total over the range, or both. */
    private enum Part {
        POINTS_AND_TOTAL, POINTS, TOTAL
    }

    /**
     * Groups compare their keys byte by byte (COLLATE "C"): a million-row sort by agent under the database's linguistic
     * collation takes half again as long, and the service orders groups itself.
     */
    private static String sql(MetricQuery query, List<Object> parameters, Part part) {
        Measure measure = query.metric().measure();
        parameters.add(OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
        parameters.add(OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
        parameters.add(query.shiftSeconds());

        List<String> grouped = new ArrayList<>();
        String bucket = "NULL::int";
        if (!query.periodStarts().isEmpty()) {
            // The starts moved back by the shift, rather than every anchor forward: no arithmetic per row.
            parameters.add(query.periodStarts().stream()
                    .map(start -> OffsetDateTime.ofInstant(start.minus(query.shift()), ZoneOffset.UTC))
                    .toArray(OffsetDateTime[]::new));
            // width_bucket finds each anchor's period among the starts cut in Java (DST-exact), by binary search.
            bucket = "width_bucket(" + measure.anchor() + ", $" + parameters.size() + "::timestamptz[])";
            grouped.add("bucket");
        }
        StringBuilder groupColumns = new StringBuilder();
        for (Dimension dimension : query.groupBy()) {
            grouped.add(column(dimension));
            groupColumns.append(", ").append(column(dimension)).append("::text");
        }
        String filters = filters(query, parameters);
        String groupBy = grouped.isEmpty() ? "()" : "GROUPING SETS ((" + String.join(", ", grouped) + "), ())";
        String totalFlag = grouped.isEmpty() ? "true" : "GROUPING(" + String.join(", ", grouped) + ") <> 0";
        String bucketColumn = query.periodStarts().isEmpty() ? "NULL::int" : "bucket";
        if (part == Part.TOTAL) {
            groupBy = "()";
            totalFlag = "true";
            bucketColumn = "NULL::int";
            groupColumns = new StringBuilder(", NULL::text".repeat(query.groupBy().size()));
        } else if (part == Part.POINTS) {
            if (measure.kind() != Measure.Kind.DURATION) {
                throw new IllegalArgumentException("points apart from the total are for durations");
            }
            // Each point's samples in one array (the only aggregate hashed per sample), then sorted alone by the
            // percentiles over it, which count and average it on the way. unnest in the select list, not in FROM, which
            // would first copy each array into a tuple store.
            return """
                    WITH measured AS (%1$s)
                    SELECT false AS total, %2$s AS bucket%3$s, q.n, q.mean AS value, NULL::float8 AS num,
                           NULL::float8 AS den, q.mean, q.p[1] AS median, q.p[2] AS p90
                    FROM (SELECT %4$s, array_agg(v) AS samples
                          FROM measured
                          WHERE %5$s
                          GROUP BY %4$s) points
                    CROSS JOIN LATERAL (
                        SELECT count(*) AS n, avg(s) AS mean,
                               percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY s) AS p
                        FROM (SELECT unnest(points.samples) AS s) u) q
                    """.formatted(measured(query, bucket), bucketColumn, groupColumns, String.join(", ", grouped),
                    filters);
        }
        return """
                WITH measured AS (%1$s)
                SELECT %2$s AS total, %3$s AS bucket%4$s, %5$s
                FROM measured
                WHERE %6$s
                GROUP BY %7$s
                """.formatted(measured(query, bucket), totalFlag, bucketColumn, groupColumns,
                aggregates(measure.kind()), filters, groupBy);
    }

    /** The measured rows: anchor, period, every dimension, what is counted and the value. */
    private static String measured(MetricQuery query, String bucket) {
        Measure measure = query.metric().measure();
        return """
                SELECT %1$s AS anchor, %2$s AS bucket, (%3$s) COLLATE "C" AS agent, t.team_id COLLATE "C" AS team,
                       t.channel COLLATE "C" AS channel, t.region COLLATE "C" AS region,
                       t.type COLLATE "C" AS type, t.priority COLLATE "C" AS priority%7$s, %8$s COLLATE "C" AS counted,
                       %4$s AS v
                FROM %6$s
                WHERE (%5$s)
                  AND %1$s >= $1::timestamptz - make_interval(secs => $3::float8)
                  AND %1$s < $2::timestamptz - make_interval(secs => $3::float8)
                """.formatted(measure.anchor(), bucket, measure.agent(), valueExpression(measure), measure.condition(),
                measure.source(), segmentColumn(query, " COLLATE \"C\""),
                measure.kind() == Measure.Kind.DISTINCT_QUOTIENT ? "t.person_id" : "t.ticket_id");
    }

    /**
     * Tickets open at instants: each period's end and, last, the range's end (for the total), each capped at now ("a
     * period that ends after now takes the state now"). Bucket i is the i-th instant.
     */
    private static String snapshotSql(MetricQuery query, List<Object> parameters) {
        List<OffsetDateTime> instants = new ArrayList<>();
        for (Instant end : query.periodEnds()) {
            instants.add(OffsetDateTime.ofInstant(end.minus(query.shift()), ZoneOffset.UTC));
        }
        instants.add(OffsetDateTime.ofInstant(query.to().minus(query.shift()), ZoneOffset.UTC));
        parameters.add(instants.toArray(OffsetDateTime[]::new));
        Measure measure = query.metric().measure();
        // The groups at each instant, and the ungrouped count at the last instant (the range's end) as the total.
        WindowGrouping grouping = WindowGrouping.of(query, instants.size());
        return """
                WITH at_end AS (
                    SELECT least(e, now()) AS at, i::int AS bucket
                    FROM unnest($1::timestamptz[]) WITH ORDINALITY AS u(e, i)),
                measured AS (
                    SELECT at_end.bucket, %1$s AS agent, t.team_id AS team, t.channel, t.region, t.type, t.priority%8$s
                    FROM at_end
                    JOIN metrics.tickets t ON t.created_at IS NOT NULL AND t.created_at < at_end.at
                    CROSS JOIN LATERAL (
                        SELECT coalesce(max(m.sent_at), t.created_at) AS since FROM metrics.ticket_messages m
                        WHERE m.ticket_id = t.ticket_id AND m.from_customer AND m.sent_at < at_end.at) wait
                    WHERE NOT EXISTS (
                        SELECT 1 FROM metrics.ticket_resolved_spans s
                        WHERE s.ticket_id = t.ticket_id AND s.resolved_from < at_end.at
                          AND (s.resolved_until IS NULL OR s.resolved_until >= at_end.at))
                      AND (%2$s))
                SELECT %3$s AS total, bucket%5$s, count(*) AS n,
                       count(*)::float8 AS value, NULL::float8 AS num, NULL::float8 AS den, NULL::float8 AS mean,
                       NULL::float8 AS median, NULL::float8 AS p90
                FROM measured
                WHERE %6$s
                GROUP BY %4$s
                HAVING %7$s
                """.formatted(measure.agent(), measure.condition(), grouping.totalFlag(), grouping.groupBy(),
                grouping.groupColumns(), filters(query, parameters), grouping.having(), segmentColumn(query, ""));
    }

    /**
     * Tickets created in each period, judged at that period's end (points) and at the range's end (total), each capped
     * at now; the time of judging follows a comparison's shift back.
     */
    private static String cohortSql(MetricQuery query, List<Object> parameters) {
        parameters.add(OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
        parameters.add(OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
        parameters.add(query.shiftSeconds());
        String bucket = "NULL::int";
        String periodEnd = "$2::timestamptz";
        List<String> grouped = new ArrayList<>();
        if (!query.periodStarts().isEmpty()) {
            parameters.add(query.periodStarts().stream().map(start -> OffsetDateTime.ofInstant(start, ZoneOffset.UTC))
                    .toArray(OffsetDateTime[]::new));
            bucket = "width_bucket(t.created_at + make_interval(secs => $3::float8), $" + parameters.size()
                    + "::timestamptz[])";
            parameters.add(query.periodEnds().stream().map(end -> OffsetDateTime.ofInstant(end, ZoneOffset.UTC))
                    .toArray(OffsetDateTime[]::new));
            periodEnd = "($" + parameters.size() + "::timestamptz[])[" + bucket + "]";
            grouped.add("bucket");
        }
        StringBuilder groupColumns = new StringBuilder();
        for (Dimension dimension : query.groupBy()) {
            grouped.add(column(dimension));
            groupColumns.append(", ").append(column(dimension)).append("::text");
        }
        String groupBy = grouped.isEmpty() ? "()" : "GROUPING SETS ((" + String.join(", ", grouped) + "), ())";
        String totalFlag = grouped.isEmpty() ? "true" : "GROUPING(" + String.join(", ", grouped) + ") <> 0";
        String resolvedAt = """
                EXISTS (SELECT 1 FROM metrics.ticket_resolved_spans s
                        WHERE s.ticket_id = t.ticket_id AND s.resolved_from < %1$s
                          AND (s.resolved_until IS NULL OR s.resolved_until >= %1$s))""";
        String periodJudged = "least(" + periodEnd + " - make_interval(secs => $3::float8), now())";
        String rangeJudged = "least($2::timestamptz - make_interval(secs => $3::float8), now())";
        return """
                WITH measured AS (
                    SELECT %1$s AS bucket, t.assignee AS agent, t.team_id AS team, t.channel, t.region, t.type,
                           t.priority%9$s, %2$s AS resolved_by_period_end, %3$s AS resolved_by_range_end
                    FROM metrics.tickets t
                    WHERE t.created_at >= $1::timestamptz - make_interval(secs => $3::float8)
                      AND t.created_at < $2::timestamptz - make_interval(secs => $3::float8))
                SELECT %4$s AS total, %5$s AS bucket%6$s, count(*) AS created,
                       count(*) FILTER (WHERE NOT resolved_by_period_end) AS unresolved_by_period_end,
                       count(*) FILTER (WHERE NOT resolved_by_range_end) AS unresolved_by_range_end,
                       100.0 * count(*) FILTER (WHERE resolved_by_period_end) / nullif(count(*), 0)
                           AS rate_by_period_end,
                       100.0 * count(*) FILTER (WHERE resolved_by_range_end) / nullif(count(*), 0)
                           AS rate_by_range_end
                FROM measured
                WHERE %7$s
                GROUP BY %8$s
                """.formatted(bucket, resolvedAt.formatted(periodJudged), resolvedAt.formatted(rangeJudged), totalFlag,
                query.periodStarts().isEmpty() ? "NULL::int" : "bucket", groupColumns, filters(query, parameters),
                groupBy, segmentColumn(query, ""));
    }

    /**
     * What every answer is computed from, as one value: the position of each projection (the event log's and the survey
     * change log's) and the SLA policies' last change.
     */
    public Uni<String> watermark() {
        return pool.query("""
                SELECT string_agg(c.name || '@' || c.last_txid::text || ':' || c.last_seq, ' ' ORDER BY c.name)
                       || ' ' || coalesce((SELECT max(updated_at) FROM metrics.sla_policies)::text, '')
                FROM metrics.projection_cursor c
                """).execute().map(rows -> rows.iterator().next().getString(0));
    }

    /** Tickets created per ISO weekday and hour in {@code zone}; only the cells with tickets. */
    public Uni<List<int[]>> ticketLoad(MetricQuery createdTickets, String zone) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(OffsetDateTime.ofInstant(createdTickets.from(), ZoneOffset.UTC));
        parameters.add(OffsetDateTime.ofInstant(createdTickets.to(), ZoneOffset.UTC));
        parameters.add(zone);
        Measure measure = createdTickets.metric().measure();
        String sql = """
                SELECT extract(isodow FROM anchor AT TIME ZONE $3)::int AS weekday,
                       extract(hour FROM anchor AT TIME ZONE $3)::int AS hour, count(*)::int AS tickets
                FROM (SELECT %s AS anchor, %s AS agent, team_id AS team, channel, region, type, priority%s
                      FROM metrics.tickets t
                      WHERE created_at IS NOT NULL AND %s >= $1::timestamptz AND %s < $2::timestamptz) measured
                WHERE %s
                GROUP BY 1, 2
                """.formatted(measure.anchor(), measure.agent(), segmentColumn(createdTickets, ""), measure.anchor(),
                measure.anchor(), filters(createdTickets, parameters));
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).map(rows -> {
            List<int[]> cells = new ArrayList<>();
            for (Row row : rows) {
                cells.add(new int[] { row.getInteger("weekday"), row.getInteger("hour"), row.getInteger("tickets") });
            }
            return cells;
        });
    }

    /**
     * The {@code segment} column, for statements that slice or filter by CUSTOMER_SEGMENT only: for tickets it is a
     * lookup per row that other statements need not pay.
     */
    private static String segmentColumn(MetricQuery query, String collation) {
        boolean used = query.groupBy().contains(Dimension.CUSTOMER_SEGMENT)
                || query.filter().containsKey(Dimension.CUSTOMER_SEGMENT);
        return used ? ", " + query.metric().measure().segment() + collation + " AS segment" : "";
    }

    static String filters(MetricQuery query, List<Object> parameters) {
        return filters(query.filter(), parameters);
    }

    /** The condition that rows have one of the values of each filtered dimension (its column), values as parameters. */
    static String filters(Map<Dimension, List<String>> byDimension, List<Object> parameters) {
        StringBuilder filters = new StringBuilder("true");
        for (Map.Entry<Dimension, List<String>> filter : byDimension.entrySet()) {
            parameters.add(filter.getValue().toArray(String[]::new));
            filters.append(" AND ").append(column(filter.getKey())).append(" = ANY($").append(parameters.size())
                    .append("::text[])");
        }
        return filters.toString();
    }

    private static String valueExpression(Measure measure) {
        boolean condition = measure.kind() == Measure.Kind.PERCENT || measure.kind() == Measure.Kind.QUOTIENT
                || measure.kind() == Measure.Kind.DISTINCT_QUOTIENT;
        return measure.expression() == null ? "NULL::float8"
                : condition ? "(" + measure.expression() + ")" : "(" + measure.expression() + ")::float8";
    }

    /** Columns: sample size, value, numerator, denominator, mean, median, p90. */
    private static String aggregates(Measure.Kind kind) {
        return switch (kind) {
        case OPEN_AT_END, UNRESOLVED_AT_END, RESOLVED_AT_END, CHURN, RETENTION, LIFETIME_VALUE, COST -> throw new IllegalArgumentException(
                kind + " has a statement of its own");
        case DISTINCT_TICKETS -> "count(DISTINCT counted) AS n, count(DISTINCT counted)::float8 AS value, "
                + "NULL::float8 AS num, NULL::float8 AS den, NULL::float8 AS mean, NULL::float8 AS median, "
                + "NULL::float8 AS p90";
        case COUNT -> "count(*) AS n, count(*)::float8 AS value, NULL::float8 AS num, NULL::float8 AS den, "
                + "NULL::float8 AS mean, NULL::float8 AS median, NULL::float8 AS p90";
        case PERCENT -> "count(*) AS n, 100.0 * count(*) FILTER (WHERE v) / nullif(count(*), 0) AS value, "
                + "count(*) FILTER (WHERE v)::float8 AS num, count(*)::float8 AS den, "
                + "NULL::float8 AS mean, NULL::float8 AS median, NULL::float8 AS p90";
        case DURATION -> "count(*) AS n, avg(v) AS value, NULL::float8 AS num, NULL::float8 AS den, "
                + "avg(v) AS mean, percentile_cont(0.5) WITHIN GROUP (ORDER BY v) AS median, "
                + "percentile_cont(0.9) WITHIN GROUP (ORDER BY v) AS p90";
        case MEAN -> "count(*) AS n, sum(v) / nullif(count(*), 0) AS value, coalesce(sum(v), 0) AS num, "
                + "count(*)::float8 AS den, NULL::float8 AS mean, NULL::float8 AS median, NULL::float8 AS p90";
        // A ratio's sample size is its denominator (graphql.md); a point with numerator items only still has a row.
        case QUOTIENT -> "count(*) FILTER (WHERE NOT v) AS n, "
                + "count(*) FILTER (WHERE v)::float8 / nullif(count(*) FILTER (WHERE NOT v), 0) "
                + "AS value, count(*) FILTER (WHERE v)::float8 AS num, count(*) FILTER (WHERE NOT v)::float8 AS den, "
                + "NULL::float8 AS mean, NULL::float8 AS median, NULL::float8 AS p90";
        case DISTINCT_QUOTIENT -> "count(DISTINCT counted) FILTER (WHERE NOT v) AS n, "
                + "count(DISTINCT counted) FILTER (WHERE v)::float8 "
                + "/ nullif(count(DISTINCT counted) FILTER (WHERE NOT v), 0) AS value, "
                + "count(DISTINCT counted) FILTER (WHERE v)::float8 AS num, "
                + "count(DISTINCT counted) FILTER (WHERE NOT v)::float8 AS den, NULL::float8 AS mean, "
                + "NULL::float8 AS median, NULL::float8 AS p90";
        case AVERAGE -> "count(*) AS n, avg(v) AS value, NULL::float8 AS num, NULL::float8 AS den, avg(v) AS mean, "
                + "NULL::float8 AS median, NULL::float8 AS p90";
        };
    }

    static String column(Dimension dimension) {
        return switch (dimension) {
        case AGENT -> "agent";
        case TEAM -> "team";
        case CHANNEL -> "channel";
        case REGION -> "region";
        case TYPE -> "type";
        case PRIORITY -> "priority";
        case CUSTOMER_SEGMENT -> "segment";
        };
    }

    private static AggregateRow toAggregate(Row row, MetricQuery query) {
        List<String> group = new ArrayList<>();
        for (int i = 0; i < query.groupBy().size(); i++) {
            group.add(row.getString(2 + i));
        }
        Integer bucket = row.getInteger("bucket");
        // A snapshot without a series has one instant, the range's end: its points belong to no period.
        boolean noPeriod = bucket == null || query.periodStarts().isEmpty();
        return new AggregateRow(row.getBoolean("total"), noPeriod ? -1 : bucket - 1, group, row.getLong("n").intValue(),
                number(row, "value"), number(row, "num"), number(row, "den"), number(row, "mean"),
                number(row, "median"), number(row, "p90"));
    }

    private static boolean isCohort(MetricQuery query) {
        Measure.Kind kind = query.metric().measure().kind();
        return kind == Measure.Kind.UNRESOLVED_AT_END || kind == Measure.Kind.RESOLVED_AT_END;
    }

    /** A cohort row: the total is judged at the range's end, each point at its period's end. */
    private static AggregateRow toCohortAggregate(Row row, MetricQuery query) {
        List<String> group = new ArrayList<>();
        for (int i = 0; i < query.groupBy().size(); i++) {
            group.add(row.getString(2 + i));
        }
        boolean total = row.getBoolean("total");
        Integer bucket = row.getInteger("bucket");
        long created = row.getLong("created");
        long unresolved = row.getLong(total ? "unresolved_by_range_end" : "unresolved_by_period_end");
        if (query.metric().measure().kind() == Measure.Kind.UNRESOLVED_AT_END) {
            return new AggregateRow(total, bucket == null ? -1 : bucket - 1, group, (int) unresolved,
                    (double) unresolved, null, null, null, null, null);
        }
        return new AggregateRow(total, bucket == null ? -1 : bucket - 1, group, (int) created,
                number(row, total ? "rate_by_range_end" : "rate_by_period_end"), (double) (created - unresolved),
                (double) created, null, null, null);
    }

    static Double number(Row row, String column) {
        Object value = row.getValue(column);
        return value == null ? null : ((Number) value).doubleValue();
    }
}

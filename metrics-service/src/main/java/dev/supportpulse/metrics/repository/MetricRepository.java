package dev.supportpulse.metrics.repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.supportpulse.metrics.model.AggregateRow;
import dev.supportpulse.metrics.model.Dimension;
import dev.supportpulse.metrics.model.Measure;
import dev.supportpulse.metrics.model.MetricQuery;

/**
 * Computes ticket metrics in PostgreSQL: one statement per metric returns the total and every (period, group) point,
 * through GROUPING SETS, so percentiles stay exact (a median of medians would not be) and the database does all the
 * aggregation.
 */
@ApplicationScoped
public class MetricRepository {

    private final Pool pool;

    public MetricRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<AggregateRow>> aggregate(MetricQuery query) {
        List<Object> parameters = new ArrayList<>();
        String sql = sql(query, parameters);
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).map(rows -> {
            List<AggregateRow> result = new ArrayList<>();
            for (Row row : rows) {
                result.add(toAggregate(row, query));
            }
            return result;
        });
    }

    private static String sql(MetricQuery query, List<Object> parameters) {
        Measure measure = query.metric().measure();
        parameters.add(OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
        parameters.add(OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
        parameters.add(query.shiftSeconds());

        List<String> grouped = new ArrayList<>();
        String bucket = "NULL::int";
        if (!query.periodStarts().isEmpty()) {
            parameters.add(query.periodStarts().stream().map(start -> OffsetDateTime.ofInstant(start, ZoneOffset.UTC))
                    .toArray(OffsetDateTime[]::new));
            // width_bucket finds each anchor's period among the starts cut in Java (DST-exact), by binary search.
            bucket = "width_bucket(" + measure.anchor() + " + make_interval(secs => $3::float8), $" + parameters.size()
                    + "::timestamptz[])";
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

        return """
                WITH measured AS (
                    SELECT %1$s AS anchor, %2$s AS bucket, %3$s AS agent, t.team_id AS team, t.channel, t.region,
                           t.type, t.priority, t.ticket_id, %4$s AS v
                    FROM %12$s
                    WHERE (%5$s)
                      AND %1$s >= $1::timestamptz - make_interval(secs => $3::float8)
                      AND %1$s < $2::timestamptz - make_interval(secs => $3::float8))
                SELECT %6$s AS total, %11$s AS bucket%7$s, %8$s
                FROM measured
                WHERE %9$s
                GROUP BY %10$s
                """.formatted(measure.anchor(), bucket, measure.agent(), valueExpression(measure), measure.condition(),
                totalFlag, groupColumns, aggregates(measure.kind()), filters, groupBy,
                query.periodStarts().isEmpty() ? "NULL::int" : "bucket", measure.source());
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
                FROM (SELECT %s AS anchor, %s AS agent, team_id AS team, channel, region, type, priority
                      FROM metrics.tickets t
                      WHERE created_at IS NOT NULL AND %s >= $1::timestamptz AND %s < $2::timestamptz) measured
                WHERE %s
                GROUP BY 1, 2
                """.formatted(measure.anchor(), measure.agent(), measure.anchor(), measure.anchor(),
                filters(createdTickets, parameters));
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).map(rows -> {
            List<int[]> cells = new ArrayList<>();
            for (Row row : rows) {
                cells.add(new int[] { row.getInteger("weekday"), row.getInteger("hour"), row.getInteger("tickets") });
            }
            return cells;
        });
    }

    private static String filters(MetricQuery query, List<Object> parameters) {
        StringBuilder filters = new StringBuilder("true");
        for (Map.Entry<Dimension, List<String>> filter : query.filter().entrySet()) {
            parameters.add(filter.getValue().toArray(String[]::new));
            filters.append(" AND ").append(column(filter.getKey())).append(" = ANY($").append(parameters.size())
                    .append("::text[])");
        }
        return filters.toString();
    }

    private static String valueExpression(Measure measure) {
        return measure.expression() == null ? "NULL::float8" : measure.kind() == Measure.Kind.PERCENT
                ? "(" + measure.expression() + ")" : "(" + measure.expression() + ")::float8";
    }

    /** Columns: sample size, value, numerator, denominator, mean, median, p90. */
    private static String aggregates(Measure.Kind kind) {
        return switch (kind) {
        case DISTINCT_TICKETS -> "count(DISTINCT ticket_id) AS n, count(DISTINCT ticket_id)::float8 AS value, "
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
        };
    }

    private static String column(Dimension dimension) {
        return switch (dimension) {
        case AGENT -> "agent";
        case TEAM -> "team";
        case CHANNEL -> "channel";
        case REGION -> "region";
        case TYPE -> "type";
        case PRIORITY -> "priority";
        case CUSTOMER_SEGMENT -> throw new IllegalArgumentException("no customer segment in ticket facts yet");
        };
    }

    private static AggregateRow toAggregate(Row row, MetricQuery query) {
        List<String> group = new ArrayList<>();
        for (int i = 0; i < query.groupBy().size(); i++) {
            group.add(row.getString(2 + i));
        }
        Integer bucket = row.getInteger("bucket");
        return new AggregateRow(row.getBoolean("total"), bucket == null ? -1 : bucket - 1, group,
                row.getLong("n").intValue(), number(row, "value"), number(row, "num"), number(row, "den"),
                number(row, "mean"), number(row, "median"), number(row, "p90"));
    }

    private static Double number(Row row, String column) {
        Object value = row.getValue(column);
        return value == null ? null : ((Number) value).doubleValue();
    }
}

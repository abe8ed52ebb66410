package dev.supportpulse.metrics.repository;

import java.util.List;

import dev.supportpulse.metrics.model.Measure;
import dev.supportpulse.metrics.model.MetricQuery;

/**
 * The statement of the cost metrics: the costs of one category (metrics.costs), each spread evenly over the days from
 * its periodStart to its periodEnd inclusive, days cut in the query's time zone, a window taking of each day the
 * fraction it covers; divided by the units counted in the window (the measure's source, anchored at its anchor). A
 * window is each period and, last, the whole range (for the total); bucket i is the i-th window. The columns are those
 * of {@link MetricRepository}'s statements.
 */
final class CostQueries {

    private CostQueries() {
    }

    static String sql(MetricQuery query, List<Object> parameters) {
        Measure measure = query.metric().measure();
        WindowGrouping grouping = WindowGrouping.bindWindows(query, parameters);
        parameters.add(query.zone());
        return """
                WITH windows AS (
                    SELECT s, e, i::int AS bucket
                    FROM unnest($1::timestamptz[], $2::timestamptz[]) WITH ORDINALITY AS u(s, e, i)),
                days AS (
                    SELECT k.channel, k.region, k.amount::float8 / (k.period_end - k.period_start + 1) AS per_day,
                           (k.period_start + g.n)::timestamp AT TIME ZONE $3::text AS day_start,
                           (k.period_start + g.n + 1)::timestamp AT TIME ZONE $3::text AS day_end
                    FROM metrics.costs k
                    CROSS JOIN LATERAL generate_series(0, k.period_end - k.period_start) AS g(n)
                    WHERE k.category = '%1$s' AND k.amount IS NOT NULL),
                measured AS (
                    SELECT w.bucket, x.channel COLLATE "C" AS channel, x.region COLLATE "C" AS region,
                           x.per_day * date_part('epoch', least(x.day_end, w.e) - greatest(x.day_start, w.s))
                               / date_part('epoch', x.day_end - x.day_start) AS cost, 0 AS units
                    FROM windows w
                    JOIN days x ON x.day_start < w.e AND x.day_end > w.s
                    UNION ALL
                    SELECT w.bucket, t.channel COLLATE "C", t.region COLLATE "C", 0, 1
                    FROM windows w
                    JOIN %2$s ON %3$s >= w.s AND %3$s < w.e
                    WHERE %4$s)
                SELECT %5$s AS total, bucket%6$s, sum(units) AS n, sum(cost) / nullif(sum(units), 0) AS value,
                       sum(cost) AS num, sum(units)::float8 AS den, NULL::float8 AS mean, NULL::float8 AS median,
                       NULL::float8 AS p90
                FROM measured
                WHERE %7$s
                GROUP BY %8$s
                HAVING %9$s
                """.formatted(measure.expression(), measure.source(), measure.anchor(), measure.condition(),
                grouping.totalFlag(), grouping.groupColumns(), MetricRepository.filters(query, parameters),
                grouping.groupBy(), grouping.having());
    }

}

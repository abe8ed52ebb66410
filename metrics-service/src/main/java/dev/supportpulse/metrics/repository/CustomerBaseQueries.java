package dev.supportpulse.metrics.repository;

import java.util.List;

import dev.supportpulse.metrics.model.Measure;
import dev.supportpulse.metrics.model.MetricQuery;

/**
 * The statement of the customer-base metrics (churn, retention, lifetime value): each customer
 * (metrics.customer_segments, its latest creation) is judged at the start and the end of every window, a window being
 * each period and, last, the whole range (for the total). A customer is active at an instant when created before it and
 * not churned (its first customer.churned) before it. The columns are those of {@link MetricRepository}'s statements;
 * bucket i is the i-th window.
 */
final class CustomerBaseQueries {

    private CustomerBaseQueries() {
    }

    static String sql(MetricQuery query, List<Object> parameters) {
        WindowGrouping grouping = WindowGrouping.bindWindows(query, parameters);
        boolean lifetimeValue = query.metric().measure().kind() == Measure.Kind.LIFETIME_VALUE;
        // Lifetime value is a snapshot at each window's end, and a window that ends after now takes the state now
        // (graphql.md): revenue stamped in the future is not counted yet.
        String end = lifetimeValue ? "least(e, now())" : "e";
        String revenue = lifetimeValue ? """
                (SELECT coalesce(sum(r.amount), 0) FROM metrics.business_events r
                 WHERE r.type = 'customer.revenue' AND r.customer_id = c.customer_id AND r.occurred_at < w.e)::float8"""
                : "NULL::float8";
        return """
                WITH windows AS (
                    SELECT s, %8$s AS e, i::int AS bucket
                    FROM unnest($1::timestamptz[], $2::timestamptz[]) WITH ORDINALITY AS u(s, e, i)),
                customers AS (
                    SELECT c.customer_id, c.created_at, c.channel, c.region, c.segment,
                           (SELECT min(x.occurred_at) FROM metrics.business_events x
                            WHERE x.type = 'customer.churned' AND x.customer_id = c.customer_id) AS churned_at
                    FROM metrics.customer_segments c),
                measured AS (
                    SELECT w.bucket, c.channel COLLATE "C" AS channel, c.region COLLATE "C" AS region,
                           c.segment COLLATE "C" AS segment,
                           c.created_at < w.s AND (c.churned_at IS NULL OR c.churned_at >= w.s) AS active_at_start,
                           c.churned_at IS NULL OR c.churned_at >= w.e AS active_at_end,
                           c.created_at >= w.s AS created_in,
                           coalesce(c.churned_at >= w.s AND c.churned_at < w.e, false) AS churned_in,
                           %1$s AS revenue
                    FROM windows w
                    JOIN customers c ON c.created_at < w.e)
                SELECT %2$s AS total, bucket%3$s, %4$s
                FROM measured
                WHERE %5$s
                GROUP BY %6$s
                HAVING %7$s
                """.formatted(revenue, grouping.totalFlag(), grouping.groupColumns(),
                aggregates(query.metric().measure().kind()), MetricRepository.filters(query, parameters),
                grouping.groupBy(), grouping.having(), end);
    }

    /** Columns: sample size, value, numerator, denominator, mean, median, p90; over customers created before w.e. */
    private static String aggregates(Measure.Kind kind) {
        String started = "count(*) FILTER (WHERE active_at_start)";
        String none = ", NULL::float8 AS mean, NULL::float8 AS median, NULL::float8 AS p90";
        return switch (kind) {
        case CHURN -> started + " AS n, 100.0 * count(*) FILTER (WHERE churned_in) / nullif(" + started
                + ", 0) AS value, count(*) FILTER (WHERE churned_in)::float8 AS num, " + started + "::float8 AS den"
                + none;
        case RETENTION -> {
            String kept = "(count(*) FILTER (WHERE active_at_end) - count(*) FILTER (WHERE created_in))";
            yield started + " AS n, 100.0 * " + kept + " / nullif(" + started + ", 0) AS value, " + kept
                    + "::float8 AS num, " + started + "::float8 AS den" + none;
        }
        case LIFETIME_VALUE -> "count(*) AS n, sum(revenue) / nullif(count(*), 0) AS value, sum(revenue) AS num, "
                + "count(*)::float8 AS den" + none;
        default -> throw new IllegalArgumentException(kind + " is no customer-base measure");
        };
    }

}

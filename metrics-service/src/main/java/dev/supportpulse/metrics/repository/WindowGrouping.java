package dev.supportpulse.metrics.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.supportpulse.metrics.model.MetricQuery;

/**
 * How the statements that judge windows group their rows (snapshots, the customer base, costs): bucket i is the i-th
 * window, each period's and, last, the whole range's (the total). Without dimensions, one row per bucket, the last
 * being the total; with them, the groups in every bucket and the ungrouped last bucket as the total.
 *
 * @param groupColumns
 *            the dimension columns to select, each as {@code , column::text}
 * @param groupBy
 *            the GROUP BY clause
 * @param totalFlag
 *            the expression that marks the total row
 * @param having
 *            the HAVING condition that drops ungrouped rows other than the total
 */
record WindowGrouping(String groupColumns, String groupBy, String totalFlag, String having) {

    /** The grouping for the query's dimensions, with {@code totalBucket} the whole range's bucket. */
    static WindowGrouping of(MetricQuery query, int totalBucket) {
        List<String> dimensions = query.groupBy().stream().map(MetricRepository::column).toList();
        if (dimensions.isEmpty()) {
            return new WindowGrouping("", "bucket", "bucket = " + totalBucket, "true");
        }
        String dimensionList = String.join(", ", dimensions);
        return new WindowGrouping(dimensions.stream().map(d -> ", " + d + "::text").reduce("", String::concat),
                "GROUPING SETS ((bucket, " + dimensionList + "), (bucket))", "GROUPING(" + dimensionList + ") <> 0",
                "GROUPING(" + dimensionList + ") = 0 OR bucket = " + totalBucket);
    }

    /**
     * Adds the windows' starts and ends as two parameters (each period's, moved back by a comparison's shift, then the
     * range's) and returns the grouping, the range being the last bucket. A period that starts before the range is
     * judged from the range's start, as its end is judged at the range's end: nothing outside the range counts.
     */
    static WindowGrouping bindWindows(MetricQuery query, List<Object> parameters) {
        List<OffsetDateTime> starts = new ArrayList<>();
        List<OffsetDateTime> ends = new ArrayList<>();
        for (int i = 0; i < query.periodStarts().size(); i++) {
            Instant start = query.periodStarts().get(i);
            starts.add(shifted(start.isBefore(query.from()) ? query.from() : start, query));
            ends.add(shifted(query.periodEnds().get(i), query));
        }
        starts.add(shifted(query.from(), query));
        ends.add(shifted(query.to(), query));
        parameters.add(starts.toArray(OffsetDateTime[]::new));
        parameters.add(ends.toArray(OffsetDateTime[]::new));
        return of(query, starts.size());
    }

    /** A window boundary, moved back by a comparison's shift. */
    private static OffsetDateTime shifted(Instant instant, MetricQuery query) {
        return OffsetDateTime.ofInstant(instant.minus(query.shift()), ZoneOffset.UTC);
    }
}

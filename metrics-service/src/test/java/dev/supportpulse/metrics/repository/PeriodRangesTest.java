package dev.supportpulse.metrics.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.supportpulse.metrics.model.Dimension;
import dev.supportpulse.metrics.model.Metric;
import dev.supportpulse.metrics.model.MetricQuery;

/** How a duration's points are split into statements: ranges of whole periods that cover the query's range. */
class PeriodRangesTest {

    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void twelveMonthsInTwoStatementsAreTwoHalfYears() {
        MetricQuery query = months(12);
        List<MetricQuery> ranges = MetricRepository.byPeriodRanges(query, 2);
        assertEquals(List.of(FROM, Instant.parse("2026-07-01T00:00:00Z")),
                ranges.stream().map(MetricQuery::from).toList());
        assertEquals(List.of(Instant.parse("2026-07-01T00:00:00Z"), query.to()),
                ranges.stream().map(MetricQuery::to).toList());
        for (MetricQuery range : ranges) {
            // Every range keeps all the starts, so its points are numbered as the whole query's, and the rest.
            assertEquals(query.periodStarts(), range.periodStarts());
            assertEquals(query.periodEnds(), range.periodEnds());
            assertEquals(query.groupBy(), range.groupBy());
            assertEquals(query.filter(), range.filter());
            assertEquals(query.shift(), range.shift());
            assertEquals(query.metric(), range.metric());
        }
    }

    @Test
    void unevenCountsCutAtPeriodStartsAndCoverTheRange() {
        MetricQuery query = months(5);
        List<MetricQuery> ranges = MetricRepository.byPeriodRanges(query, 3);
        // 5 periods in 3: 1, 2 and 2 periods (cut at starts 5 × 1 / 3 = 1 and 5 × 2 / 3 = 3).
        assertEquals(List.of(FROM, Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z")),
                ranges.stream().map(MetricQuery::from).toList());
        assertEquals(List.of(Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"), query.to()),
                ranges.stream().map(MetricQuery::to).toList());
    }

    @Test
    void moreStatementsThanPeriodsGiveOnePerPeriod() {
        MetricQuery query = months(3);
        List<MetricQuery> ranges = MetricRepository.byPeriodRanges(query, 8);
        assertEquals(query.periodStarts(), ranges.stream().map(MetricQuery::from).toList());
        assertEquals(query.periodEnds(), ranges.stream().map(MetricQuery::to).toList());
    }

    @Test
    void oneStatementOrOnePeriodOrNoneKeepTheQueryWhole() {
        assertEquals(List.of(months(12)), MetricRepository.byPeriodRanges(months(12), 1));
        assertEquals(List.of(months(1)), MetricRepository.byPeriodRanges(months(1), 4));
        MetricQuery byAgentOnly = new MetricQuery(Metric.FIRST_RESPONSE_TIME, FROM,
                Instant.parse("2026-02-01T00:00:00Z"), List.of(), List.of(), List.of(Dimension.AGENT), Map.of(),
                Duration.ZERO);
        assertEquals(List.of(byAgentOnly), MetricRepository.byPeriodRanges(byAgentOnly, 2));
    }

    /** First response time by agent by UTC month from 2026-01-01, shifted back a day, filtered to one channel. */
    private static MetricQuery months(int count) {
        List<Instant> starts = new ArrayList<>();
        List<Instant> ends = new ArrayList<>();
        for (int month = 1; month <= count; month++) {
            starts.add(Instant.parse("2026-%02d-01T00:00:00Z".formatted(month)));
            ends.add(month == 12 ? Instant.parse("2027-01-01T00:00:00Z")
                    : Instant.parse("2026-%02d-01T00:00:00Z".formatted(month + 1)));
        }
        return new MetricQuery(Metric.FIRST_RESPONSE_TIME, FROM, ends.get(count - 1), starts, ends,
                List.of(Dimension.AGENT), Map.of(Dimension.CHANNEL, List.of("email")), Duration.ofDays(1));
    }
}

package dev.supportpulse.metrics.repository;

import static dev.supportpulse.metrics.support.Event.event;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

import dev.supportpulse.metrics.model.AggregateRow;
import dev.supportpulse.metrics.model.Dimension;
import dev.supportpulse.metrics.model.Metric;
import dev.supportpulse.metrics.model.MetricQuery;
import dev.supportpulse.metrics.model.RollupMeasure;
import dev.supportpulse.metrics.support.Event;
import dev.supportpulse.metrics.support.EventLog;
import dev.supportpulse.metrics.support.GraphQl;

/**
 * The rollup (hours, and whole UTC days) answers exactly what the per-ticket facts answer: every metric it serves,
 * sliced every way it serves, over past days in Europe/Stockholm and in UTC, over a range that ends in the current
 * hour, and as snapshots capped at now. Each pair is first checked to be one the rollup really answers. Likewise a
 * duration's points split into several statements answer what one statement answers.
 */
@QuarkusTest
class RollupParityTest {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    @Inject
    EventLog log;

    @Inject
    MetricRepository repository;

    @Inject
    Pool pool;

    @BeforeEach
    void tickets() {
        log.clear();
        Instant now = Instant.now();
        List<Event> events = new ArrayList<>();
        // Tickets across a DST change (2026-03-29 in Stockholm), in several channels, teams and priorities: answered
        // in time and late, resolved once, reopened and resolved again, reopened and still open, escalated.
        String[] channels = { "email", "chat", "phone" };
        String[] priorities = { "urgent", "high", "normal", "low" };
        for (int i = 0; i < 24; i++) {
            String id = "P" + i;
            Instant created = Instant.parse("2026-03-27T06:00:00Z").plus(Duration.ofMinutes(i * 370L));
            events.add(event("ticket.created", created.toString()).ticket(id).channel(channels[i % 3])
                    .region(i % 2 == 0 ? "EU" : "NA").team("team-" + (i % 4)).attr("priority", priorities[i % 4])
                    .attr("type", i % 5 == 0 ? "bug" : "question"));
            if (i % 6 != 5) {
                events.add(event("ticket.agent_replied", created.plus(Duration.ofMinutes(30L + i * 50L)).toString())
                        .ticket(id).agent("A" + (i % 3)));
            }
            if (i % 4 != 3) {
                events.add(event("ticket.resolved", created.plus(Duration.ofHours(3L + i)).toString()).ticket(id)
                        .agent("A" + (i % 3)));
            }
            if (i % 5 == 1) {
                events.add(event("ticket.reopened", created.plus(Duration.ofHours(30L + i)).toString()).ticket(id));
                if (i % 2 == 1) {
                    events.add(event("ticket.resolved", created.plus(Duration.ofHours(40L + i)).toString()).ticket(id));
                }
            }
            if (i % 7 == 2) {
                events.add(event("ticket.escalated", created.plus(Duration.ofHours(1)).toString()).ticket(id)
                        .attr("reason", "manual"));
            }
            if (i % 8 == 4) {
                events.add(event("ticket.updated", created.plus(Duration.ofHours(50)).toString()).ticket(id)
                        .attr("channel", "web").attr("priority", "urgent"));
            }
        }
        // Tickets of the last two hours, some in the current hour: what the rollup's whole hours do not cover.
        for (int i = 0; i < 6; i++) {
            String id = "R" + i;
            Instant created = now.minus(Duration.ofMinutes(100 - i * 19L));
            events.add(event("ticket.created", created.toString()).ticket(id).channel(channels[i % 3]).region("EU")
                    .team("team-" + (i % 4)).attr("priority", i % 2 == 0 ? "urgent" : "normal"));
            if (i % 2 == 0) {
                events.add(event("ticket.agent_replied", created.plus(Duration.ofMinutes(3)).toString()).ticket(id)
                        .agent("A1"));
                events.add(event("ticket.resolved", created.plus(Duration.ofMinutes(5)).toString()).ticket(id));
            }
        }
        log.appendAndProject(events.toArray(Event[]::new));
    }

    @Test
    void pastDaysInStockholmGiveTheSameAnswers() {
        Instant from = ZonedDateTime.of(2026, 3, 26, 0, 0, 0, 0, STOCKHOLM).toInstant();
        Instant to = ZonedDateTime.of(2026, 4, 6, 0, 0, 0, 0, STOCKHOLM).toInstant();
        for (Metric metric : rollupMetrics()) {
            for (Slice slice : slices()) {
                compare(query(metric, from, to, days(from, to), slice, Duration.ZERO));
                compare(query(metric, from, to, List.of(), slice, Duration.ZERO));
                // A week without tickets: zero counts, no rates.
                Instant quiet = ZonedDateTime.of(2025, 6, 2, 0, 0, 0, 0, STOCKHOLM).toInstant();
                compare(query(metric, quiet, quiet.plus(Duration.ofDays(7)),
                        days(quiet, quiet.plus(Duration.ofDays(7))), slice, Duration.ZERO));
            }
        }
    }

    @Test
    void wholeUtcDaysReadFromTheDailyLevelGiveTheSameAnswers() {
        // UTC days and weeks cut at midnight UTC: every day is one row of the daily level. Stockholm's weeks cut at
        // 23:00 or 22:00 UTC: the days they start in are read by hour, the others by day.
        Instant from = Instant.parse("2026-03-23T00:00:00Z");
        Instant to = Instant.parse("2026-04-06T00:00:00Z");
        Instant stockholmFrom = ZonedDateTime.of(2026, 3, 23, 0, 0, 0, 0, STOCKHOLM).toInstant();
        Instant stockholmTo = ZonedDateTime.of(2026, 4, 6, 0, 0, 0, 0, STOCKHOLM).toInstant();
        List<Instant> stockholmWeeks = List.of(stockholmFrom,
                ZonedDateTime.of(2026, 3, 30, 0, 0, 0, 0, STOCKHOLM).toInstant());
        for (Metric metric : rollupMetrics()) {
            for (Slice slice : slices()) {
                compare(query(metric, from, to, utcDays(from, to), slice, Duration.ZERO));
                compare(query(metric, from, to, List.of(from, from.plus(Duration.ofDays(7))), slice, Duration.ZERO));
                compare(query(metric, stockholmFrom, stockholmTo, stockholmWeeks, slice, Duration.ZERO));
            }
        }
    }

    @Test
    void aComparisonShiftedByWholeHoursGivesTheSameAnswers() {
        Instant from = ZonedDateTime.of(2026, 3, 30, 0, 0, 0, 0, STOCKHOLM).toInstant();
        Instant to = ZonedDateTime.of(2026, 4, 2, 0, 0, 0, 0, STOCKHOLM).toInstant();
        Duration shift = Duration.between(from, to);
        for (Metric metric : rollupMetrics()) {
            compare(query(metric, from, to, days(from, to), new Slice(List.of(Dimension.CHANNEL), Map.of()), shift));
        }
    }

    @Test
    void aChangedSlaPolicyAppliesToThePastInTheRollupToo() {
        GraphQl.query("mutation { updateSlaPolicy(priority: \"normal\", firstResponseSeconds: 600, "
                + "resolutionSeconds: 7200) { priority } }").body("errors", nullValue());
        GraphQl.query("mutation { updateSlaPolicy(priority: \"urgent\", firstResponseSeconds: 86400, "
                + "resolutionSeconds: 864000) { priority } }").body("errors", nullValue());
        Instant from = ZonedDateTime.of(2026, 3, 26, 0, 0, 0, 0, STOCKHOLM).toInstant();
        Instant to = ZonedDateTime.of(2026, 4, 6, 0, 0, 0, 0, STOCKHOLM).toInstant();
        Instant utcFrom = Instant.parse("2026-03-26T00:00:00Z");
        Instant utcTo = Instant.parse("2026-04-06T00:00:00Z");
        for (Metric metric : List.of(Metric.SLA_FIRST_RESPONSE_RATE, Metric.SLA_RESOLUTION_RATE)) {
            for (Slice slice : slices()) {
                compare(query(metric, from, to, days(from, to), slice, Duration.ZERO));
                compare(query(metric, utcFrom, utcTo, utcDays(utcFrom, utcTo), slice, Duration.ZERO));
            }
        }
    }

    @Test
    void aRangeEndingNowGivesTheSameAnswers() {
        Instant to = Instant.now().plusSeconds(1);
        Instant from = to.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(1));
        List<Instant> hours = new ArrayList<>();
        for (Instant hour = from; hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
            hours.add(hour);
        }
        for (Metric metric : rollupMetrics()) {
            for (Slice slice : slices()) {
                compare(query(metric, from, to, hours, slice, Duration.ZERO));
            }
        }
    }

    @Test
    void durationPointsSplitIntoSeveralStatementsGiveTheSameAnswers() {
        // Stockholm days across the DST change, as one statement of points, and split at period starts into 2, 3 and
        // (more statements than days) one per day; also shifted back two days, as a comparison asks.
        Instant from = ZonedDateTime.of(2026, 3, 26, 0, 0, 0, 0, STOCKHOLM).toInstant();
        Instant to = ZonedDateTime.of(2026, 4, 6, 0, 0, 0, 0, STOCKHOLM).toInstant();
        for (Metric metric : List.of(Metric.FIRST_RESPONSE_TIME, Metric.RESOLUTION_TIME, Metric.REPLY_TIME)) {
            for (Slice slice : slices()) {
                for (Duration shift : List.of(Duration.ZERO, Duration.ofDays(2))) {
                    MetricQuery query = query(metric, from, to, days(from, to), slice, shift);
                    List<AggregateRow> inOne = sorted(
                            repository.percentilesByPointAndTotal(query, 1).await().indefinitely());
                    if (slice.filter().isEmpty()) {
                        assertTrue(inOne.stream().filter(row -> !row.total()).map(AggregateRow::period).distinct()
                                .count() > 3, "samples in several days: " + describe(query));
                    }
                    for (int statements : new int[] { 2, 3, 50 }) {
                        assertSameRows(inOne,
                                sorted(repository.percentilesByPointAndTotal(query, statements).await().indefinitely()),
                                describe(query) + " in " + statements + " statements");
                    }
                }
            }
        }
    }

    private void compare(MetricQuery query) {
        assertNotNull(RollupQueries.sql(query, RollupMeasure.of(query.metric()), new ArrayList<>(), Instant.now()),
                "the rollup answers " + describe(query));
        assertSameRows(sorted(repository.aggregate(query, false).await().indefinitely()),
                sorted(repository.aggregate(query, true).await().indefinitely()), describe(query));
    }

    private static void assertSameRows(List<AggregateRow> expected, List<AggregateRow> actual, String what) {
        assertEquals(expected.size(), actual.size(), "rows of " + what);
        for (int i = 0; i < expected.size(); i++) {
            AggregateRow want = expected.get(i);
            AggregateRow got = actual.get(i);
            String where = what + " at " + want;
            assertEquals(want.total(), got.total(), where);
            assertEquals(want.period(), got.period(), where);
            assertEquals(want.group(), got.group(), where);
            assertEquals(want.sampleSize(), got.sampleSize(), where);
            assertClose(want.value(), got.value(), where);
            assertClose(want.numerator(), got.numerator(), where);
            assertClose(want.denominator(), got.denominator(), where);
            assertClose(want.mean(), got.mean(), where);
            assertClose(want.median(), got.median(), where);
            assertClose(want.p90(), got.p90(), where);
        }
    }

    private static void assertClose(Double expected, Double actual, String where) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, where);
        } else {
            assertEquals(expected, actual, 1e-9, where);
        }
    }

    private static List<AggregateRow> sorted(List<AggregateRow> rows) {
        return rows.stream().sorted(Comparator.comparing(AggregateRow::total).thenComparing(AggregateRow::period)
                .thenComparing(row -> String.valueOf(row.group()))).toList();
    }

    private record Slice(List<Dimension> groupBy, Map<Dimension, List<String>> filter) {
    }

    private static List<Slice> slices() {
        return List.of(new Slice(List.of(), Map.of()), new Slice(List.of(Dimension.CHANNEL), Map.of()),
                new Slice(List.of(Dimension.PRIORITY), Map.of(Dimension.PRIORITY, List.of("urgent", "low"))),
                new Slice(List.of(), Map.of(Dimension.TEAM, List.of("team-1"))),
                new Slice(List.of(Dimension.REGION), Map.of()), new Slice(List.of(Dimension.TYPE), Map.of()));
    }

    private static List<Metric> rollupMetrics() {
        return java.util.Arrays.stream(Metric.values()).filter(metric -> RollupMeasure.of(metric) != null).toList();
    }

    private static MetricQuery query(Metric metric, Instant from, Instant to, List<Instant> starts, Slice slice,
            Duration shift) {
        List<Instant> ends = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            Instant end = i + 1 < starts.size() ? starts.get(i + 1) : to;
            ends.add(end.isAfter(to) ? to : end);
        }
        return new MetricQuery(metric, from, to, starts, ends, slice.groupBy(), slice.filter(), shift);
    }

    private static List<Instant> days(Instant from, Instant to) {
        List<Instant> starts = new ArrayList<>();
        for (ZonedDateTime day = from.atZone(STOCKHOLM); day.toInstant().isBefore(to); day = day.plusDays(1)) {
            starts.add(day.toInstant());
        }
        return starts;
    }

    private static List<Instant> utcDays(Instant from, Instant to) {
        List<Instant> starts = new ArrayList<>();
        for (Instant day = from; day.isBefore(to); day = day.plus(Duration.ofDays(1))) {
            starts.add(day);
        }
        return starts;
    }

    private static String describe(MetricQuery query) {
        return query.metric() + " " + query.from() + ".." + query.to() + " periods " + query.periodStarts().size()
                + " by " + query.groupBy() + " filtered " + query.filter() + " shifted " + query.shift();
    }
}

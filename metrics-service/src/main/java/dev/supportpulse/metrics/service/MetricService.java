package dev.supportpulse.metrics.service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

import dev.supportpulse.metrics.config.MetricsConfig;
import dev.supportpulse.metrics.dto.DimensionFilter;
import dev.supportpulse.metrics.dto.DimensionValue;
import dev.supportpulse.metrics.dto.LoadCell;
import dev.supportpulse.metrics.dto.MetricPoint;
import dev.supportpulse.metrics.dto.MetricResult;
import dev.supportpulse.metrics.dto.MetricValue;
import dev.supportpulse.metrics.dto.Period;
import dev.supportpulse.metrics.dto.TimeRange;
import dev.supportpulse.metrics.error.BadUserInputException;
import dev.supportpulse.metrics.error.InternalErrorException;
import dev.supportpulse.metrics.error.UnavailableException;
import dev.supportpulse.metrics.model.AggregateRow;
import dev.supportpulse.metrics.model.Dimension;
import dev.supportpulse.metrics.model.Granularity;
import dev.supportpulse.metrics.model.Metric;
import dev.supportpulse.metrics.model.MetricQuery;
import dev.supportpulse.metrics.model.Unit;
import dev.supportpulse.metrics.repository.MetricRepository;
import dev.supportpulse.support.StoredText;

/**
 * Answers a metric query: checks it against the catalog and the limits, has PostgreSQL aggregate it, and shapes the
 * dense series (every period for every group that has a record, zero counts and null values where nothing was
 * measured).
 */
@ApplicationScoped
public class MetricService {

    private static final Logger LOG = Logger.getLogger(MetricService.class);

    private static final Comparator<List<String>> GROUP_ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int order = Comparator.<String> nullsLast(Comparator.naturalOrder()).compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    };

    private final MetricRepository repository;
    private final Watermarks watermarks;
    private final AnswerCache cache;
    private final int maxPoints;
    private final Duration queryTimeout;

    public MetricService(MetricRepository repository, Watermarks watermarks, AnswerCache cache, MetricsConfig config) {
        this.repository = repository;
        this.watermarks = watermarks;
        this.cache = cache;
        this.maxPoints = config.maxPoints();
        this.queryTimeout = config.queryTimeout();
    }

    /** The request as the GraphQL API takes it. */
    public record Request(Metric metric, TimeRange range, Granularity granularity, List<Dimension> groupBy,
            List<DimensionFilter> filter, String timezone, boolean compare) {
    }

    public Uni<MetricResult> compute(Request request) throws BadUserInputException {
        return compute(request, maxPoints);
    }

    /**
     * The answer, with at most {@code pointLimit} points: the configured maximum for an answer that goes out as it is,
     * none for one that only feeds another (a leaderboard, which sends {@code limit} agents of all those computed).
     */
    Uni<MetricResult> compute(Request request, int pointLimit) throws BadUserInputException {
        Metric metric = request.metric();
        Instant from = request.range().from().toInstant();
        Instant to = request.range().to().toInstant();
        requireRange(from, to);
        ZoneId zone = zone(request.timezone());
        if (hasNull(request.groupBy())) {
            throw new BadUserInputException("groupBy may not hold null elements.");
        }
        List<Dimension> groupBy = request.groupBy() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(request.groupBy()));
        for (Dimension dimension : groupBy) {
            requireSupported(metric, dimension);
        }
        Map<Dimension, List<String>> filter = supportedFilters(metric, request.filter());
        List<Period> periods = request.granularity() == null ? List.of()
                : Periods.cover(from, to, request.granularity(), zone, maxPoints);
        if (periods.size() > pointLimit) {
            throw tooManyPoints(metric);
        }
        List<Instant> starts = periods.stream().map(period -> period.start().toInstant()).toList();
        // A period reaching past the range is judged at the range's end: nothing after the range counts.
        List<Instant> ends = periods.stream().map(period -> period.end().toInstant())
                .map(end -> end.isAfter(to) ? to : end).toList();
        MetricQuery query = new MetricQuery(metric, from, to, starts, ends, groupBy, filter, Duration.ZERO,
                zone.getId());
        // An answer that the clock alone can change (a range reaching past now) is always computed afresh.
        if (!changesWithTheClock(metric, to)) {
            return watermarks.current().ifNoItem().after(queryTimeout).fail().onFailure()
                    .transform(MetricService::toClientError).flatMap(watermark -> {
                        AnswerCache.Key key = new AnswerCache.Key(request, watermark);
                        MetricResult cached = cache.get(key);
                        if (cached == null) {
                            return computeFresh(request, query, periods, groupBy, pointLimit)
                                    .invoke(answer -> cache.put(key, answer));
                        }
                        // A leaderboard's column, kept with every agent, is too big to go out as an answer of its own.
                        return cached.series().size() > pointLimit ? Uni.createFrom().failure(tooManyPoints(metric))
                                : Uni.createFrom().item(cached);
                    });
        }
        return computeFresh(request, query, periods, groupBy, pointLimit);
    }

    private Uni<MetricResult> computeFresh(Request request, MetricQuery query, List<Period> periods,
            List<Dimension> groupBy, int pointLimit) {
        Metric metric = query.metric();
        Uni<List<AggregateRow>> current = repository.aggregate(query);
        Uni<List<AggregateRow>> previous = request.compare()
                ? repository.aggregate(
                        new MetricQuery(metric, query.from(), query.to(), query.periodStarts(), query.periodEnds(),
                                groupBy, query.filter(), Duration.between(query.from(), query.to()), query.zone()))
                : Uni.createFrom().item(List.of());
        return Uni.combine().all().unis(current, previous).asTuple().ifNoItem().after(queryTimeout).fail().onFailure()
                .transform(MetricService::toClientError).flatMap(rows -> {
                    try {
                        return Uni.createFrom().item(shape(metric, periods, groupBy, rows.getItem1(),
                                request.compare() ? rows.getItem2() : null, pointLimit));
                    } catch (BadUserInputException e) {
                        return Uni.createFrom().failure(e);
                    }
                });
    }

    /**
     * Whether an answer over a range ending at {@code to} can change with the clock alone, without a new event:
     * snapshots, period-end judgements and SLA rates over a range that reaches past now.
     */
    public static boolean changesWithTheClock(Metric metric, Instant to) {
        return metric.measure().dependsOnNow() && to.isAfter(Instant.now());
    }

    /** Tickets created by ISO weekday × hour of day in the time zone: all 168 cells, zeros included. */
    public Uni<List<LoadCell>> ticketLoad(TimeRange range, List<DimensionFilter> filter, String timezone)
            throws BadUserInputException {
        Instant from = range.from().toInstant();
        Instant to = range.to().toInstant();
        requireRange(from, to);
        ZoneId zone = zone(timezone);
        Map<Dimension, List<String>> filters = supportedFilters(Metric.TICKETS_CREATED, filter);
        MetricQuery query = new MetricQuery(Metric.TICKETS_CREATED, from, to, List.of(), List.of(), List.of(), filters,
                Duration.ZERO);
        return repository.ticketLoad(query, zone.getId()).ifNoItem().after(queryTimeout).fail().onFailure()
                .transform(MetricService::toClientError).map(cells -> {
                    int[][] grid = new int[7][24];
                    for (int[] cell : cells) {
                        grid[cell[0] - 1][cell[1]] = cell[2];
                    }
                    List<LoadCell> load = new ArrayList<>(7 * 24);
                    for (int day = 1; day <= 7; day++) {
                        for (int hour = 0; hour < 24; hour++) {
                            load.add(new LoadCell(day, hour, grid[day - 1][hour]));
                        }
                    }
                    return load;
                });
    }

    private MetricResult shape(Metric metric, List<Period> periods, List<Dimension> groupBy, List<AggregateRow> rows,
            List<AggregateRow> previousRows, int pointLimit) throws BadUserInputException {
        Map<String, AggregateRow> byPoint = new HashMap<>();
        Map<String, AggregateRow> previousByPoint = new HashMap<>();
        AggregateRow total = null;
        AggregateRow previousTotal = null;
        Set<List<String>> groups = new java.util.TreeSet<>(GROUP_ORDER);
        for (AggregateRow row : rows) {
            if (row.total()) {
                total = row;
            } else if (row.period() < periods.size()) {
                byPoint.put(key(row.period(), row.group()), row);
                groups.add(row.group());
            }
        }
        if (groupBy.isEmpty()) {
            // Without groupBy there is one group, always: a chart of it needs no gap filling either.
            groups.add(List.of());
            if (periods.isEmpty()) {
                byPoint.put(key(-1, List.of()), total);
            }
        }
        if (previousRows != null) {
            for (AggregateRow row : previousRows) {
                if (row.total()) {
                    previousTotal = row;
                } else {
                    previousByPoint.put(key(row.period(), row.group()), row);
                }
            }
            if (groupBy.isEmpty() && periods.isEmpty()) {
                previousByPoint.put(key(-1, List.of()), previousTotal);
            }
        }
        int periodCount = periods.isEmpty() ? 1 : periods.size();
        if ((long) periodCount * groups.size() > pointLimit) {
            throw tooManyPoints(metric);
        }
        List<MetricPoint> series = new ArrayList<>(periodCount * groups.size());
        for (int p = 0; p < periodCount; p++) {
            Period period = periods.isEmpty() ? null : periods.get(p);
            int index = periods.isEmpty() ? -1 : p;
            for (List<String> group : groups) {
                String key = key(index, group);
                MetricValue value = valueOf(metric, byPoint.get(key));
                if (previousRows != null) {
                    value = value.comparedWith(valueOf(metric, previousByPoint.get(key)).value());
                }
                series.add(new MetricPoint(period, dimensionValues(groupBy, group), value));
            }
        }
        MetricValue totalValue = valueOf(metric, total);
        if (previousRows != null) {
            totalValue = totalValue.comparedWith(valueOf(metric, previousTotal).value());
        }
        return new MetricResult(metric, metric.unit(), totalValue, series);
    }

    /**
     * The value where nothing was measured: counts are 0, other values null, but a quotient's numerator and denominator
     * are filled (graphql.md), as 0.
     */
    static MetricValue emptyValue(Metric metric) {
        Double none = hasQuotient(metric) ? 0.0 : null;
        return new MetricValue(metric.unit() == Unit.COUNT ? 0.0 : null, 0, none, none, null, null, null, null, null);
    }

    private static boolean hasQuotient(Metric metric) {
        return metric.unit() == Unit.PERCENT || metric.unit() == Unit.RATIO || metric.unit() == Unit.CURRENCY;
    }

    private static MetricValue valueOf(Metric metric, AggregateRow row) {
        if (row == null) {
            return emptyValue(metric);
        }
        if (row.sampleSize() == 0) {
            // A ratio or a cost with a numerator but no denominator (article views, no tickets): no value, and the
            // numerator is still what was counted.
            MetricValue empty = emptyValue(metric);
            return hasQuotient(metric) && row.numerator() != null
                    ? new MetricValue(null, 0, row.numerator(), 0.0, null, null, null, null, null) : empty;
        }
        return new MetricValue(row.value(), row.sampleSize(), row.numerator(), row.denominator(), row.mean(),
                row.median(), row.p90(), null, null);
    }

    private static List<DimensionValue> dimensionValues(List<Dimension> groupBy, List<String> group) {
        List<DimensionValue> values = new ArrayList<>(groupBy.size());
        for (int i = 0; i < groupBy.size(); i++) {
            values.add(new DimensionValue(groupBy.get(i), group.get(i)));
        }
        return values;
    }

    private static String key(int period, List<String> group) {
        return period + "\u0000" + String.join("\u0000", group.stream().map(v -> v == null ? "\u0001" : v).toList());
    }

    /**
     * An IANA zone name. Offsets such as "+02:00" or "UTC+02:00" are refused: they are no tz database names, and
     * PostgreSQL would read them as POSIX zones, with the sign reversed.
     */
    private static ZoneId zone(String timezone) throws BadUserInputException {
        String name = timezone == null ? "UTC" : timezone;
        if (!ZoneId.getAvailableZoneIds().contains(name)) {
            throw new BadUserInputException("'" + timezone + "' is not an IANA time zone (such as Europe/Stockholm).");
        }
        return ZoneId.of(name);
    }

    private static Map<Dimension, List<String>> filters(List<DimensionFilter> filters) {
        Map<Dimension, List<String>> byDimension = new EnumMap<>(Dimension.class);
        if (filters != null) {
            for (DimensionFilter filter : filters) {
                byDimension.computeIfAbsent(filter.dimension(), d -> new ArrayList<>()).addAll(filter.values());
            }
        }
        return byDimension;
    }

    private static void requireSupported(Metric metric, Dimension dimension) throws BadUserInputException {
        if (!metric.dimensions().contains(dimension)) {
            throw new BadUserInputException(
                    metric + " cannot be sliced by " + dimension + "; it supports " + metric.dimensions() + ".");
        }
    }

    /** The configured maximum of points in one answer. */
    int maxPoints() {
        return maxPoints;
    }

    private BadUserInputException tooManyPoints(Metric metric) {
        return new BadUserInputException("The answer for " + metric + " would hold more than " + maxPoints
                + " points (periods × groups); choose a coarser granularity, a shorter range or fewer groups.");
    }

    /**
     * A database that cannot be reached (no PostgreSQL error at all, or one of the connection and shutdown classes) is
     * UNAVAILABLE and worth a retry; anything else is a bug, logged and answered without details.
     */
    static Throwable toClientError(Throwable failure) {
        boolean reportedByPostgres = failure instanceof PgException;
        // A java.lang exception (a null, a bad argument) is this service's own bug, not the database's absence.
        boolean ownBug = failure instanceof RuntimeException && failure.getClass().getPackageName().equals("java.lang");
        String state = reportedByPostgres ? ((PgException) failure).getSqlState() : null;
        if (!ownBug && (!reportedByPostgres || state == null || state.startsWith("08") || state.startsWith("57")
                || state.startsWith("53"))) {
            return new UnavailableException("The metrics database is unavailable; retry.", failure);
        }
        LOG.error("Metric query failed", failure);
        return new InternalErrorException();
    }

    static void requireRange(Instant from, Instant to) throws BadUserInputException {
        if (!from.isBefore(to)) {
            throw new BadUserInputException("range.from must be before range.to (the range is [from, to)).");
        }
    }

    /** The filter by dimension, each dimension one the metric can carry. */
    static Map<Dimension, List<String>> supportedFilters(Metric metric, List<DimensionFilter> filter)
            throws BadUserInputException {
        if (hasNull(filter)) {
            throw new BadUserInputException("filter may not hold null elements.");
        }
        Map<Dimension, List<String>> byDimension = filters(filter);
        for (Map.Entry<Dimension, List<String>> values : byDimension.entrySet()) {
            requireSupported(metric, values.getKey());
            if (values.getValue().stream().anyMatch(StoredText::holdsNul)) {
                // No stored value holds it, and PostgreSQL refuses it as a parameter.
                throw new BadUserInputException("A " + values.getKey() + " filter value " + StoredText.NUL_MESSAGE);
            }
        }
        return byDimension;
    }

    // List.of(...).contains(null) throws, so look element by element.
    private static boolean hasNull(List<?> list) {
        return list != null && list.stream().anyMatch(Objects::isNull);
    }

}

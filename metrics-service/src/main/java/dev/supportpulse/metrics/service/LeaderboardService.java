package dev.supportpulse.metrics.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.supportpulse.metrics.dto.DimensionFilter;
import dev.supportpulse.metrics.dto.LeaderboardEntry;
import dev.supportpulse.metrics.dto.MetricPoint;
import dev.supportpulse.metrics.dto.MetricResult;
import dev.supportpulse.metrics.dto.TimeRange;
import dev.supportpulse.metrics.error.BadUserInputException;
import dev.supportpulse.metrics.model.Dimension;
import dev.supportpulse.metrics.model.Metric;

/**
 * Ranks agents by one metric, best first by its direction, with other metrics side by side; agents without a value come
 * last, ties go by agent id. Unassigned work (no agent) is not an entry.
 */
@ApplicationScoped
public class LeaderboardService {

    private final MetricService metrics;

    public LeaderboardService(MetricService metrics) {
        this.metrics = metrics;
    }

    public Uni<List<LeaderboardEntry>> leaderboard(Metric rankBy, List<Metric> shown, TimeRange range,
            List<DimensionFilter> filter, int limit) throws BadUserInputException {
        if (limit < 1) {
            throw new BadUserInputException("limit must be at least 1.");
        }
        List<Metric> columns = new ArrayList<>();
        columns.add(rankBy);
        if (shown != null) {
            shown.stream().filter(Objects::nonNull).filter(metric -> !columns.contains(metric)).forEach(columns::add);
        }
        // The answer holds a point per agent and metric; every agent is ranked, however many there are.
        if ((long) limit * columns.size() > metrics.maxPoints()) {
            throw new BadUserInputException("The leaderboard would hold more than " + metrics.maxPoints()
                    + " points (limit × metrics); ask for fewer agents or fewer metrics.");
        }
        List<Uni<MetricResult>> results = new ArrayList<>();
        for (Metric metric : columns) {
            results.add(metrics.compute(
                    new MetricService.Request(metric, range, null, List.of(Dimension.AGENT), filter, "UTC", false),
                    Integer.MAX_VALUE));
        }
        return Uni.join().all(results).andFailFast().map(computed -> rank(rankBy, columns, computed, limit));
    }

    private static List<LeaderboardEntry> rank(Metric rankBy, List<Metric> columns, List<MetricResult> computed,
            int limit) {
        // agent -> the agent's point of each metric, in column order
        Map<String, Map<Metric, MetricPoint>> byAgent = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            for (MetricPoint point : computed.get(i).series()) {
                String agent = point.group().get(0).value();
                if (agent != null) {
                    byAgent.computeIfAbsent(agent, a -> new LinkedHashMap<>()).put(columns.get(i), point);
                }
            }
        }
        boolean higherIsBetter = !Boolean.FALSE.equals(rankBy.higherIsBetter());
        Comparator<Double> best = higherIsBetter ? Comparator.reverseOrder() : Comparator.naturalOrder();
        List<String> agents = new ArrayList<>(byAgent.keySet());
        agents.sort(Comparator
                .comparing((String agent) -> valueOf(byAgent.get(agent).get(rankBy)), Comparator.nullsLast(best))
                .thenComparing(Comparator.naturalOrder()));

        List<LeaderboardEntry> entries = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, agents.size()); i++) {
            String agent = agents.get(i);
            List<MetricResult> values = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                Metric metric = columns.get(c);
                MetricPoint point = byAgent.get(agent).get(metric);
                values.add(point == null ? emptyFor(metric)
                        : new MetricResult(metric, metric.unit(), point.value(), List.of(point)));
            }
            entries.add(new LeaderboardEntry(i + 1, agent, values));
        }
        return entries;
    }

    private static Double valueOf(MetricPoint point) {
        return point == null ? null : point.value().value();
    }

    /** An agent with no record for a metric shown beside the ranking one: its empty value. */
    private static MetricResult emptyFor(Metric metric) {
        return new MetricResult(metric, metric.unit(), MetricService.emptyValue(metric), List.of());
    }
}

package dev.supportpulse.metrics.api;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;

import dev.supportpulse.metrics.dto.ArticleStats;
import dev.supportpulse.metrics.dto.DimensionFilter;
import dev.supportpulse.metrics.dto.LeaderboardEntry;
import dev.supportpulse.metrics.dto.LoadCell;
import dev.supportpulse.metrics.dto.MetricDefinition;
import dev.supportpulse.metrics.dto.MetricResult;
import dev.supportpulse.metrics.dto.TimeRange;
import dev.supportpulse.metrics.error.BadUserInputException;
import dev.supportpulse.metrics.model.ArticleRanking;
import dev.supportpulse.metrics.model.Dimension;
import dev.supportpulse.metrics.model.Granularity;
import dev.supportpulse.metrics.model.Metric;
import dev.supportpulse.metrics.service.ArticleService;
import dev.supportpulse.metrics.service.CatalogService;
import dev.supportpulse.metrics.service.LeaderboardService;
import dev.supportpulse.metrics.service.MetricService;

/**
 * The metric queries of graphql.md. {@code groupBy} and {@code filter} are {@code [Dimension]} and
 * {@code [DimensionFilter]} in the schema, not {@code [Dimension!]}: SmallRye GraphQL turns a non-null element type of
 * a list argument into a required list (smallrye-graphql#753). Null elements are rejected as BAD_USER_INPUT.
 */
@GraphQLApi
public class MetricQueries {

    private final MetricService metrics;
    private final CatalogService catalog;
    private final LeaderboardService leaderboards;
    private final ArticleService articles;
    private final AccessGuard guard;
    private final CurrentVertxRequest request;

    public MetricQueries(MetricService metrics, CatalogService catalog, LeaderboardService leaderboards,
            ArticleService articles, AccessGuard guard, CurrentVertxRequest request) {
        this.request = request;
        this.metrics = metrics;
        this.catalog = catalog;
        this.leaderboards = leaderboards;
        this.articles = articles;
        this.guard = guard;
    }

    @Query
    @Description("Every metric with its unit, direction, dimensions and formula.")
    public @NonNull Uni<List<@NonNull MetricDefinition>> metricCatalog() {
        return guard.asReader(() -> Uni.createFrom().item(catalog.catalog()));
    }

    @Query
    @Description("One metric over [range.from, range.to), optionally as a series and by dimensions.")
    public @NonNull Uni<MetricResult> metric(@NonNull @Name("metric") Metric metric,
            @NonNull @Name("range") TimeRange range, @Name("granularity") Granularity granularity,
            @Name("groupBy") List<Dimension> groupBy, @Name("filter") List<DimensionFilter> filter,
            @Name("timezone") @DefaultValue("UTC") String timezone,
            @Name("compare") @DefaultValue("false") Boolean compare) {
        noteClockDependence(List.of(metric), range);
        return guard.asReader(() -> metrics.compute(new MetricService.Request(metric, range, granularity, groupBy,
                filter, timezone, Boolean.TRUE.equals(compare))));
    }

    @Query
    @Description("Several metrics over the same range and slicing, in one round trip.")
    public @NonNull Uni<List<@NonNull MetricResult>> metrics(@NonNull @Name("metrics") List<@NonNull Metric> metrics,
            @NonNull @Name("range") TimeRange range, @Name("granularity") Granularity granularity,
            @Name("groupBy") List<Dimension> groupBy, @Name("filter") List<DimensionFilter> filter,
            @Name("timezone") @DefaultValue("UTC") String timezone,
            @Name("compare") @DefaultValue("false") Boolean compare) {
        noteClockDependence(metrics, range);
        return guard.asReader(() -> computeAll(metrics, range, granularity, groupBy, filter, timezone, compare));
    }

    private Uni<List<MetricResult>> computeAll(List<Metric> metrics, TimeRange range, Granularity granularity,
            List<Dimension> groupBy, List<DimensionFilter> filter, String timezone, Boolean compare)
            throws BadUserInputException {
        List<Uni<MetricResult>> results = new ArrayList<>();
        for (Metric metric : metrics) {
            results.add(this.metrics.compute(
                    new MetricService.Request(metric, range, granularity, groupBy, filter, timezone, compare)));
        }
        if (results.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.join().all(results).andFailFast();
    }

    @Query
    @Description("Agents ranked by one metric (best first), with other metrics side by side.")
    public @NonNull Uni<List<@NonNull LeaderboardEntry>> leaderboard(@NonNull @Name("rankBy") Metric rankBy,
            @Name("metrics") List<Metric> metrics, @NonNull @Name("range") TimeRange range,
            @Name("filter") List<DimensionFilter> filter, @Name("limit") @DefaultValue("10") Integer limit) {
        noteClockDependence(List.of(rankBy), range);
        noteClockDependence(metrics, range);
        return guard
                .asReader(() -> leaderboards.leaderboard(rankBy, metrics, range, filter, limit == null ? 10 : limit));
    }

    /** Marks the request when an answer over the range can change with the clock alone: its response is not kept. */
    private void noteClockDependence(List<Metric> asked, TimeRange range) {
        if (asked != null && range != null && range.to() != null && asked.stream().anyMatch(
                metric -> metric != null && MetricService.changesWithTheClock(metric, range.to().toInstant()))) {
            request.getCurrent().put(CachedResponses.CHANGES_WITH_THE_CLOCK, true);
        }
    }

    @Query
    @Description("Knowledge-base articles ranked by views, helpfulness, bounce rate or time on page over [range.from, "
            + "range.to): highest first unless ascending; articles without a value for the ranking last, ties to the "
            + "most viewed, then by article id.")
    public @NonNull Uni<List<@NonNull ArticleStats>> topArticles(@NonNull @Name("range") TimeRange range,
            @Name("rankBy") @DefaultValue("VIEWS") ArticleRanking rankBy,
            @Name("ascending") @DefaultValue("false") Boolean ascending,
            @Name("limit") @DefaultValue("10") Integer limit, @Name("filter") List<DimensionFilter> filter) {
        return guard.asReader(() -> articles.top(range, rankBy == null ? ArticleRanking.VIEWS : rankBy,
                Boolean.TRUE.equals(ascending), limit == null ? 10 : limit, filter));
    }

    @Query
    @Description("Tickets created by ISO weekday (1 = Monday) × hour of day, in the time zone.")
    public @NonNull Uni<List<@NonNull LoadCell>> ticketLoad(@NonNull @Name("range") TimeRange range,
            @Name("filter") List<DimensionFilter> filter, @Name("timezone") @DefaultValue("UTC") String timezone) {
        return guard.asReader(() -> metrics.ticketLoad(range, filter, timezone));
    }
}

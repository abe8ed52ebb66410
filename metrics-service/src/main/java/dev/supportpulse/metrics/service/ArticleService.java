package dev.supportpulse.metrics.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.supportpulse.metrics.config.MetricsConfig;
import dev.supportpulse.metrics.dto.ArticleStats;
import dev.supportpulse.metrics.dto.DimensionFilter;
import dev.supportpulse.metrics.dto.TimeRange;
import dev.supportpulse.metrics.error.BadUserInputException;
import dev.supportpulse.metrics.model.ArticleRanking;
import dev.supportpulse.metrics.model.Dimension;
import dev.supportpulse.metrics.model.Metric;
import dev.supportpulse.metrics.repository.ArticleRepository;

/**
 * The knowledge-base articles a knowledge-base team acts on: the most viewed, the most or least helpful, those most
 * often left at once, over a range and for the channels, regions and segments filtered.
 */
@ApplicationScoped
public class ArticleService {

    /** Caps the list: a ranking is read by people, not exported. */
    static final int MAX_ARTICLES = 100;

    private final ArticleRepository repository;
    private final Duration queryTimeout;

    public ArticleService(ArticleRepository repository, MetricsConfig config) {
        this.repository = repository;
        this.queryTimeout = config.queryTimeout();
    }

    public Uni<List<ArticleStats>> top(TimeRange range, ArticleRanking rankBy, boolean ascending, int limit,
            List<DimensionFilter> filter) throws BadUserInputException {
        Instant from = range.from().toInstant();
        Instant to = range.to().toInstant();
        MetricService.requireRange(from, to);
        if (limit < 1 || limit > MAX_ARTICLES) {
            throw new BadUserInputException("limit must be between 1 and " + MAX_ARTICLES + ", not " + limit + ".");
        }
        // Views and votes carry what the knowledge-base metrics can be sliced by.
        Map<Dimension, List<String>> filters = MetricService.supportedFilters(Metric.KB_ARTICLE_VIEWS, filter);
        return repository.top(from, to, filters, rankBy, ascending, limit).ifNoItem().after(queryTimeout).fail()
                .onFailure().transform(MetricService::toClientError);
    }
}

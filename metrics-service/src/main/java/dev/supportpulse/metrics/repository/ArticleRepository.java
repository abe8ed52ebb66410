package dev.supportpulse.metrics.repository;

import java.time.Instant;
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

import dev.supportpulse.metrics.dto.ArticleStats;
import dev.supportpulse.metrics.model.ArticleRanking;
import dev.supportpulse.metrics.model.Dimension;

/**
 * Knowledge-base articles ranked over a range: views, bounce rate and time on page of kb.article_viewed, helpfulness of
 * kb.article_voted (metrics.self_service_events), with the same definitions as the KB_* metrics, in one statement.
 */
@ApplicationScoped
public class ArticleRepository {

    private final Pool pool;

    public ArticleRepository(@ReadPool Pool pool) {
        this.pool = pool;
    }

    /**
     * The first {@code limit} articles by {@code rankBy}, highest first unless {@code ascending}; articles without a
     * value for it come last, ties go to the most viewed, then by article id.
     */
    public Uni<List<ArticleStats>> top(Instant from, Instant to, Map<Dimension, List<String>> filter,
            ArticleRanking rankBy, boolean ascending, int limit) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        parameters.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        parameters.add(limit);
        boolean bySegment = filter.containsKey(Dimension.CUSTOMER_SEGMENT);
        String sql = """
                WITH facts AS (
                    SELECT e.article_id, e.type = 'kb.article_viewed' AS viewed, coalesce(e.bounced, false) AS bounced,
                           CASE WHEN e.seconds_on_page IS NOT NULL THEN greatest(0, e.seconds_on_page) END
                               AS seconds_on_page, e.vote, e.channel, e.region%1$s
                    FROM metrics.self_service_events e
                    WHERE e.type IN ('kb.article_viewed', 'kb.article_voted') AND e.article_id IS NOT NULL
                      AND e.occurred_at >= $1::timestamptz AND e.occurred_at < $2::timestamptz),
                articles AS (
                    SELECT article_id, count(*) FILTER (WHERE viewed) AS views,
                           100.0 * count(*) FILTER (WHERE viewed AND bounced)
                               / nullif(count(*) FILTER (WHERE viewed), 0) AS bounce_rate,
                           avg(seconds_on_page) FILTER (WHERE viewed) AS mean_seconds_on_page,
                           count(*) FILTER (WHERE NOT viewed AND vote = 'up') AS up_votes,
                           count(*) FILTER (WHERE NOT viewed AND vote IN ('up', 'down')) AS votes
                    FROM facts
                    WHERE %2$s
                    GROUP BY article_id)
                SELECT article_id, views, bounce_rate, mean_seconds_on_page, up_votes, votes,
                       100.0 * up_votes / nullif(votes, 0) AS helpfulness
                FROM articles
                ORDER BY %3$s %4$s NULLS LAST, views DESC, article_id
                LIMIT $3
                """.formatted(
                bySegment ? ", (SELECT cs.segment FROM metrics.customer_segments cs "
                        + "WHERE cs.customer_id = e.customer_id) AS segment" : "",
                MetricRepository.filters(filter, parameters), rankBy.column(), ascending ? "ASC" : "DESC");
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).map(rows -> {
            List<ArticleStats> articles = new ArrayList<>();
            for (Row row : rows) {
                articles.add(new ArticleStats(articles.size() + 1, row.getString("article_id"),
                        row.getLong("views").intValue(), MetricRepository.number(row, "bounce_rate"),
                        MetricRepository.number(row, "mean_seconds_on_page"), row.getLong("up_votes").intValue(),
                        row.getLong("votes").intValue(), MetricRepository.number(row, "helpfulness")));
            }
            return articles;
        });
    }
}

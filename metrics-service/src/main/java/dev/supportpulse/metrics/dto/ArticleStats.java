package dev.supportpulse.metrics.dto;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/**
 * One knowledge-base article over a range, as the knowledge-base metrics compute it for that article alone; rates are
 * null without views or votes.
 */
@Type("ArticleStats")
public record ArticleStats(int rank, @NonNull String articleId, int views, Double bounceRate, Double meanSecondsOnPage,
        int upVotes, int votes, Double helpfulness) {
}

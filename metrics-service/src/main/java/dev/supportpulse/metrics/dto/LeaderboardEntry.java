package dev.supportpulse.metrics.dto;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** One agent's place in a leaderboard, with the metrics asked for, each as that agent's value. */
@Type("LeaderboardEntry")
public record LeaderboardEntry(int rank, @NonNull String agent, @NonNull List<@NonNull MetricResult> values) {
}

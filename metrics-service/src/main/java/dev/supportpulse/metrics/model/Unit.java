package dev.supportpulse.metrics.model;

/** The unit of a metric's value (graphql.md). */
public enum Unit {
    COUNT, PERCENT, SECONDS, SCORE, RATIO, CURRENCY
}

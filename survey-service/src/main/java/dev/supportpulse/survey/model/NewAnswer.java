package dev.supportpulse.survey.model;

/** A score and optional comment whose types and sizes are checked; the scale is checked against the invitation. */
public record NewAnswer(long score, String comment) {
}

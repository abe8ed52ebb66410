package dev.supportpulse.survey.dto;

import java.time.OffsetDateTime;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A survey as a customer's widget shows it: the question and scale in {@code locale}, and whether it was answered.
 * Nothing about the ticket, agent or customer: the token's holder learns no more than the question.
 */
@RegisterForReflection
public record SurveyView(String kind, String question, Scale scale, String lowLabel, String highLabel, String locale,
        boolean answered, OffsetDateTime expiresAt) {

    /** The integer scores the survey takes, both ends included. */
    @RegisterForReflection
    public record Scale(int min, int max) {
    }
}

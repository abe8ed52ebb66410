package dev.supportpulse.survey.error;

import io.smallrye.graphql.api.ErrorCode;

import dev.supportpulse.support.ProblemException;

/** The invitation has its one response; the new answer changed nothing. */
@ErrorCode("ALREADY_ANSWERED")
public class AlreadyAnsweredException extends ProblemException {

    public AlreadyAnsweredException() {
        super(409, "already-answered", "Already answered",
                "This survey has already been answered; an invitation takes one answer.");
    }
}

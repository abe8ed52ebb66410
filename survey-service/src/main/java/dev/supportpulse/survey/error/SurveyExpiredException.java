package dev.supportpulse.survey.error;

import java.time.OffsetDateTime;

import io.smallrye.graphql.api.ErrorCode;

import dev.supportpulse.support.ProblemException;

/** The invitation's answer window has closed. */
@ErrorCode("EXPIRED")
public class SurveyExpiredException extends ProblemException {

    public SurveyExpiredException(OffsetDateTime expiredAt) {
        super(410, "survey-expired", "Survey expired", "This survey closed at " + expiredAt + " and takes no answers.");
    }
}

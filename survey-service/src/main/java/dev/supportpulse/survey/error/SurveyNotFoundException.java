package dev.supportpulse.survey.error;

import io.smallrye.graphql.api.ErrorCode;

import dev.supportpulse.support.ProblemException;

/** A token that names no invitation: mistyped, cut off, or made up. Says nothing about which. */
@ErrorCode("NOT_FOUND")
public class SurveyNotFoundException extends ProblemException {

    public SurveyNotFoundException() {
        super(404, "survey-not-found", "Survey not found",
                "No survey has this link. Check that the whole link was used.");
    }
}

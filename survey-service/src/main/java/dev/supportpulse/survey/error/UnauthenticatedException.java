package dev.supportpulse.survey.error;

import dev.supportpulse.support.ProblemException;

/** No valid API key on a trusted endpoint; deliberately says no more than that. */
public class UnauthenticatedException extends ProblemException {

    public UnauthenticatedException() {
        super(401, "unauthenticated", "Unauthenticated", "Send a valid API key as 'Authorization: Bearer <key>'.");
    }
}

package dev.supportpulse.metrics.error;

import io.smallrye.graphql.api.ErrorCode;

/** The database did not answer; the query can be retried. */
@ErrorCode("UNAVAILABLE")
public class UnavailableException extends Exception {

    public UnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}

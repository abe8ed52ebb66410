package dev.supportpulse.metrics.error;

import io.smallrye.graphql.api.ErrorCode;

/** A query that cannot be answered as asked: bad range, time zone, dimension or size. */
@ErrorCode("BAD_USER_INPUT")
public class BadUserInputException extends Exception {

    public BadUserInputException(String message) {
        super(message, null, false, false);
    }
}

package dev.supportpulse.metrics.error;

import io.smallrye.graphql.api.ErrorCode;

/** A metric of the catalog that this version does not compute yet; never answered with a made-up number. */
@ErrorCode("NOT_IMPLEMENTED")
public class NotComputedException extends Exception {

    public NotComputedException(String message) {
        super(message, null, false, false);
    }
}

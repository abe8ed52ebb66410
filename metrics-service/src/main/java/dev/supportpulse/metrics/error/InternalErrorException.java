package dev.supportpulse.metrics.error;

import io.smallrye.graphql.api.ErrorCode;

/** A failure nobody foresaw; logged on the server, told to the client without details. */
@ErrorCode("INTERNAL_SERVER_ERROR")
public class InternalErrorException extends Exception {

    public InternalErrorException() {
        super("The query failed unexpectedly; it has been logged.", null, false, false);
    }
}

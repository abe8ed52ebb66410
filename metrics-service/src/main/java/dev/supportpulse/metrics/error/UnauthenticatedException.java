package dev.supportpulse.metrics.error;

import io.smallrye.graphql.api.ErrorCode;

/** No bearer token, or one that does not verify. */
@ErrorCode("UNAUTHENTICATED")
public class UnauthenticatedException extends Exception {

    public UnauthenticatedException() {
        super("Send a valid JWT as 'Authorization: Bearer <token>'.", null, false, false);
    }
}

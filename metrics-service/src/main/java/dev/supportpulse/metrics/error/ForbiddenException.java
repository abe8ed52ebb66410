package dev.supportpulse.metrics.error;

import io.smallrye.graphql.api.ErrorCode;

/** A verified caller without the role the operation needs. */
@ErrorCode("FORBIDDEN")
public class ForbiddenException extends Exception {

    public ForbiddenException(String role) {
        super("This needs the role '" + role + "' in the token's groups claim.", null, false, false);
    }
}

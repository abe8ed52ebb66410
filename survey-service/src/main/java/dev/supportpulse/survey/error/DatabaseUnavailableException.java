package dev.supportpulse.survey.error;

import io.smallrye.graphql.api.ErrorCode;

/** The database is unreachable or overloaded; nothing was stored, and the same request can be sent again. */
@ErrorCode("UNAVAILABLE")
public class DatabaseUnavailableException extends ProblemException {

    public DatabaseUnavailableException(Throwable cause) {
        super(503, "database-unavailable", "Service unavailable",
                "The survey store is unavailable; nothing was stored. Retry after the time in Retry-After.", cause);
    }
}

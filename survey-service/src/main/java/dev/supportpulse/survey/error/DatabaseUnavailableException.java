package dev.supportpulse.survey.error;

import io.smallrye.graphql.api.ErrorCode;

import dev.supportpulse.support.ProblemException;

/**
 * The database is unreachable, overloaded or too slow. A write may still land after the time-out, so the client is told
 * to repeat the request, which is idempotent, rather than that nothing was stored.
 */
@ErrorCode("UNAVAILABLE")
public class DatabaseUnavailableException extends ProblemException {

    public DatabaseUnavailableException(Throwable cause) {
        super(503, "database-unavailable", "Service unavailable",
                "The survey store is unavailable and did not confirm this request. Send it again after Retry-After: "
                        + "it is safe to repeat (an answer that was stored after all gets 409).",
                cause);
    }
}

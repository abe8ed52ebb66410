package dev.supportpulse.ingest.error;

import dev.supportpulse.support.ProblemException;

/** The database could not be reached in time; nothing of the request was acknowledged, so it is safe to resend. */
public class DatabaseUnavailableException extends ProblemException {

    public DatabaseUnavailableException(Throwable cause) {
        super(503, "database-unavailable", "Service unavailable",
                "The event store is unavailable; nothing was acknowledged. Retry later: re-sent events are de-duplicated.",
                cause);
    }
}

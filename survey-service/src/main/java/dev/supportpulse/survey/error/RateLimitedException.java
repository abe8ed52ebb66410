package dev.supportpulse.survey.error;

import java.util.Map;

import io.smallrye.graphql.api.ErrorCode;

import dev.supportpulse.support.ProblemException;

/** A client over its request rate on the public endpoints. */
@ErrorCode("RATE_LIMITED")
public class RateLimitedException extends ProblemException {

    private final long retryAfterSeconds;

    public RateLimitedException(long retryAfterSeconds) {
        super(429, "rate-limited", "Too many requests",
                "Too many requests from this address; try again in " + retryAfterSeconds + " s.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("retryAfterSeconds", retryAfterSeconds);
    }
}

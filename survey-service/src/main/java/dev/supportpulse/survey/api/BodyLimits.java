package dev.supportpulse.survey.api;

import jakarta.enterprise.context.ApplicationScoped;

import dev.supportpulse.survey.config.SurveyConfig;
import dev.supportpulse.survey.error.PayloadTooLargeException;

/** The body size limit of each endpoint: small for a customer's answer, larger for a trusted batch. */
@ApplicationScoped
public class BodyLimits {

    private final long publicBytes;
    private final long trustedBytes;

    public BodyLimits(SurveyConfig config) {
        this.publicBytes = config.survey().maxPublicBodySize().asLongValue();
        this.trustedBytes = config.survey().maxTrustedBodySize().asLongValue();
    }

    /** Fails with 413 if a body of {@code bytes} is too large for {@code path}. */
    public void check(String path, long bytes) {
        long limit = path.startsWith("/v1/surveys/") ? publicBytes : trustedBytes;
        if (bytes > limit) {
            throw PayloadTooLargeException.forBody(limit);
        }
    }
}

package dev.supportpulse.survey.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** SupportPulse's own settings for survey-service, bound from {@code SUPPORTPULSE_*} environment variables. */
@ConfigMapping(prefix = "supportpulse")
public interface SurveyConfig {

    /** API keys accepted as {@code Authorization: Bearer <key>} on the trusted endpoints; several for rotation. */
    Optional<List<String>> apiKeys();

    /** HMAC-SHA256 secrets for webhook signatures in {@code X-Signature} on invitations; several for rotation. */
    Optional<List<String>> webhookSecrets();

    /** Invitations, answers and their limits. */
    Survey survey();

    interface Survey {

        /** The page customers open; an invitation's url is this address with {@code ?token=<token>} added. */
        String publicUrl();

        /** How long an invitation can be answered when its creator gives no {@code expiresAt}. */
        @WithDefault("30d")
        Duration defaultExpiry();

        /** Most invitations or imported responses in one request; more are answered with 413. */
        @WithDefault("1000")
        int maxBatch();

        /** Largest body of a trusted request (invitations, import); larger ones are answered with 413. */
        @WithDefault("4M")
        MemorySize maxTrustedBodySize();

        /**
         * Largest body of a public request (an answer); larger ones are answered with 413. Room for the longest
         * comment, 2,000 characters, even as JSON escapes of surrogate pairs (12 bytes a character).
         */
        @WithDefault("32K")
        MemorySize maxPublicBodySize();

        /** How long a request may wait for the database before it is answered with 503. */
        @WithDefault("10s")
        Duration databaseTimeout();

        /** How long the readiness check waits for the database before it reports the service not ready. */
        @WithDefault("2s")
        Duration readinessTimeout();

        /** The Retry-After a client is told when the database is unavailable. */
        @WithDefault("5s")
        Duration retryAfter();

        /** The per-client limit on the public endpoints. */
        RateLimit rateLimit();
    }

    interface RateLimit {

        /** Sustained requests per minute one client address may make to the public survey endpoints. */
        @WithDefault("60")
        int requestsPerMinute();

        /** Requests a client may make at once before the sustained rate applies. */
        @WithDefault("20")
        int burst();

        /** Most client addresses tracked at once; the longest idle are forgotten first. */
        @WithDefault("100000")
        int trackedClients();
    }

    /** The request pool of the database. */
    Datasource datasource();

    interface Datasource {

        /**
         * Requests that may wait for a connection; beyond them a request fails at once (503) instead of queueing
         * without bound while the database is down or saturated.
         */
        @WithDefault("256")
        int maxWaitQueueSize();
    }
}

package dev.supportpulse.ingest.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** SupportPulse's own settings for ingest-service, bound from {@code SUPPORTPULSE_*} environment variables. */
@ConfigMapping(prefix = "supportpulse")
public interface IngestConfig {

    /** API keys accepted as {@code Authorization: Bearer <key>}; several at once so keys can be rotated. */
    Optional<List<String>> apiKeys();

    /** HMAC-SHA256 secrets for webhook signatures in {@code X-Signature}; several at once for rotation. */
    Optional<List<String>> webhookSecrets();

    /** Limits and timing of {@code POST /v1/events}. */
    Ingest ingest();

    interface Ingest {

        /** Largest request body accepted; larger ones are answered with 413. */
        @WithDefault("10M")
        MemorySize maxBodySize();

        /** Most events in one request; more are answered with 413. */
        @WithDefault("10000")
        int maxBatchEvents();

        /** Most validation errors listed in one 400 answer; the rest are counted. */
        @WithDefault("100")
        int maxListedErrors();

        /** How long a request may wait for the database before it is answered with 503. */
        @WithDefault("10s")
        Duration databaseTimeout();

        /** How long the readiness check waits for the database before it reports the service not ready. */
        @WithDefault("2s")
        Duration readinessTimeout();

        /** The Retry-After a client is told when the database is unavailable. */
        @WithDefault("5s")
        Duration retryAfter();
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

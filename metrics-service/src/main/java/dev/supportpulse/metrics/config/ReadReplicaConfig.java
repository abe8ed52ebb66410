package dev.supportpulse.metrics.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Where metric queries read from, bound from {@code SUPPORTPULSE_METRICS_READ_*} variables. */
@ConfigMapping(prefix = "supportpulse.metrics.read")
public interface ReadReplicaConfig {

    /**
     * A read replica's reactive URL ({@code postgresql://host:port/database}, SUPPORTPULSE_METRICS_READ_URL) for metric
     * queries and the watermark that keys their answers; the projection keeps writing to the primary. Same credentials
     * (unless the URL names its own), pool size and session settings as the primary. Unset: everything on the primary.
     */
    Optional<String> url();
}

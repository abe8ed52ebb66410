package dev.supportpulse.metrics.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whole GraphQL responses kept for repeated requests, bound from {@code SUPPORTPULSE_METRICS_RESPONSE_CACHE_*}. */
@ConfigMapping(prefix = "supportpulse.metrics.response-cache")
public interface ResponseCacheConfig {

    /** Memory for kept responses (their text), least recently used ones making room; 0 turns the cache off. */
    @WithDefault("64M")
    MemorySize size();
}

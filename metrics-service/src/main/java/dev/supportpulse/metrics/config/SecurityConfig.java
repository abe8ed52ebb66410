package dev.supportpulse.metrics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who may read metrics and change their settings. */
@ConfigMapping(prefix = "supportpulse.metrics.security")
public interface SecurityConfig {

    /** Whether GraphQL needs a bearer JWT; on by default, off only in dev mode. */
    @WithDefault("true")
    boolean enabled();
}

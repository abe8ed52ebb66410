package dev.supportpulse.metrics.repository;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

import dev.supportpulse.metrics.config.ReadReplicaConfig;

/**
 * Produces the {@link ReadPool}: with {@code supportpulse.metrics.read.url} (SUPPORTPULSE_METRICS_READ_URL) set, a pool
 * of its own on that server, with the primary's user, password, pool size and session settings
 * ({@code quarkus.datasource.reactive.*}: work_mem, jit, temp_buffers) but application_name
 * {@code supportpulse-metrics-read}; without it, the default pool itself.
 *
 * <p>
 * A replica lags the primary: the watermark that keys cached answers is read from the same pool as the answers, so a
 * key always names the state its answer was computed from.
 */
@ApplicationScoped
public class ReadPoolProducer {

    static final String APPLICATION_NAME = "supportpulse-metrics-read";
    private static final Pattern CREDENTIALS_IN_URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*@");
    private static final String ADDITIONAL_PROPERTIES = "quarkus.datasource.reactive.additional-properties.";
    private static final Logger LOG = Logger.getLogger(ReadPoolProducer.class);

    @Produces
    @Singleton
    @ReadPool
    Pool readPool(Pool primary, ReadReplicaConfig replica, Vertx vertx) {
        if (replica.url().isEmpty() || replica.url().get().isBlank()) {
            return primary;
        }
        Config config = ConfigProvider.getConfig();
        String url = replica.url().get().trim();
        PgConnectOptions connect = PgConnectOptions.fromUri(url);
        // Without user info in the URL, Vert.x would log in as its default "user": take the primary's credentials.
        if (!CREDENTIALS_IN_URL.matcher(url).find()) {
            connect.setUser(config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres"));
            connect.setPassword(config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
        }
        Map<String, String> properties = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(ADDITIONAL_PROPERTIES)) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(value -> properties.put(name.substring(ADDITIONAL_PROPERTIES.length()), value));
            }
        }
        // Its own name, not the primary pool's, so that its sessions can be told apart.
        properties.put("application_name", APPLICATION_NAME);
        connect.setProperties(properties);
        // Names of its own keep its meters apart from the default pool's.
        connect.setMetricsName(APPLICATION_NAME);
        PoolOptions pool = new PoolOptions().setName(APPLICATION_NAME)
                .setMaxSize(config.getOptionalValue("quarkus.datasource.reactive.max-size", Integer.class).orElse(20));
        LOG.infof("Metric queries read from %s:%d/%s (supportpulse.metrics.read.url)", connect.getHost(),
                connect.getPort(), connect.getDatabase());
        return Pool.newInstance(PgBuilder.pool().with(pool).connectingTo(connect).using(vertx).build());
    }

    void close(@Disposes @ReadPool Pool pool, Pool primary) {
        // The default pool is Quarkus's to close.
        if (pool.getDelegate() != primary.getDelegate()) {
            pool.closeAndAwait();
        }
    }
}

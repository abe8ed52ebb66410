package dev.supportpulse.testing;

import java.util.function.Function;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/**
 * The test database as the tests' own helpers reach it. Inside a {@code @QuarkusTest} the service runs in the test's
 * JVM and the helpers are its beans. Under {@code @QuarkusIntegrationTest} the packaged service (jar or native binary)
 * runs in a process of its own and nothing can be injected, so the helpers get a pool of their own to the same
 * database, configured as the service is ({@code QUARKUS_DATASOURCE_REACTIVE_URL}, {@code _USERNAME},
 * {@code _PASSWORD}, or what Dev Services started).
 */
public final class TestDatabase {

    private static Vertx vertx;
    private static Pool pool;

    private TestDatabase() {
    }

    /** Whether the service's CDI container runs in this JVM, as in a {@code @QuarkusTest}. */
    public static boolean insideTheService() {
        ArcContainer container = Arc.container();
        return container != null && container.isRunning();
    }

    /**
     * The service's bean of this type inside a {@code @QuarkusTest}; otherwise (an integration test against the
     * packaged service) the one that {@code outside} makes over {@link #pool()}.
     */
    public static <T> T bean(Class<T> type, Function<Pool, T> outside) {
        return insideTheService() ? Arc.container().instance(type).get() : outside.apply(pool());
    }

    /** A small pool of the test's own to the service's database, for tests that run outside the service. */
    public static synchronized Pool pool() {
        if (pool == null) {
            Config config = ConfigProvider.getConfig();
            String url = config.getOptionalValue("quarkus.datasource.reactive.url", String.class).orElseThrow(
                    () -> new IllegalStateException("No test database: set QUARKUS_DATASOURCE_REACTIVE_URL "
                            + "(and _USERNAME, _PASSWORD), as bin/test does"));
            PgConnectOptions options = PgConnectOptions
                    .fromUri(url.startsWith("vertx-reactive:") ? url.substring("vertx-reactive:".length()) : url);
            config.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(options::setUser);
            config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(options::setPassword);
            vertx = Vertx.vertx();
            pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(options).using(vertx).build();
        }
        return pool;
    }

    /**
     * How many sessions of the test database carry {@code applicationName}: the service's (its pool names them), read
     * through its pool inside a {@code @QuarkusTest}, through {@link #pool()} otherwise.
     */
    public static long sessionsNamed(String applicationName) {
        Pool reader = insideTheService() ? Arc.container().instance(Pool.class).get() : pool();
        return reader
                .preparedQuery("SELECT count(*) FROM pg_stat_activity "
                        + "WHERE application_name = $1 AND datname = current_database()")
                .execute(Tuple.of(applicationName)).await().indefinitely().iterator().next().getLong(0);
    }
}

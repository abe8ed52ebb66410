package dev.supportpulse.support;

import java.time.Duration;

import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Ready while the database answers a trivial query within the given time. Replaces Quarkus's built-in datasource check,
 * which waits out the connection attempt (about 20 s) when the database host hangs. Each service declares its own
 * {@code @Readiness} bean on it, named for what the database holds for it.
 */
public abstract class BoundedDatabaseCheck implements AsyncHealthCheck {

    private final Pool pool;
    private final Duration timeout;
    private final String name;

    protected BoundedDatabaseCheck(Pool pool, Duration timeout, String name) {
        this.pool = pool;
        this.timeout = timeout;
        this.name = name;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("SELECT 1").execute().ifNoItem().after(timeout).fail()
                .map(rows -> HealthCheckResponse.up(name)).onFailure().recoverWithItem(failure -> HealthCheckResponse
                        .named(name).down().withData("error", failure.getClass().getSimpleName()).build());
    }
}

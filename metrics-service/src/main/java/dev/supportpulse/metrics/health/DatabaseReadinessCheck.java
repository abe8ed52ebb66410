package dev.supportpulse.metrics.health;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Ready while the database answers a trivial query within 2 s. Replaces Quarkus's built-in datasource check, which
 * waits out the connection attempt (about 20 s) when the database host hangs.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements AsyncHealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Pool pool;

    public DatabaseReadinessCheck(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("SELECT 1").execute().ifNoItem().after(TIMEOUT).fail()
                .map(rows -> HealthCheckResponse.up("metrics database (PostgreSQL)")).onFailure()
                .recoverWithItem(failure -> HealthCheckResponse.named("metrics database (PostgreSQL)").down()
                        .withData("error", failure.getClass().getSimpleName()).build());
    }
}

package dev.supportpulse.survey.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.supportpulse.survey.config.SurveyConfig;

/**
 * Ready while the survey store answers a trivial query within the configured time. Replaces Quarkus's built-in
 * datasource check, which waits out the connection attempt (about 20 s) when the database host hangs.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements AsyncHealthCheck {

    static final String NAME = "survey store (PostgreSQL)";

    private final Pool pool;
    private final SurveyConfig.Survey config;

    public DatabaseReadinessCheck(Pool pool, SurveyConfig config) {
        this.pool = pool;
        this.config = config.survey();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("SELECT 1").execute().ifNoItem().after(config.readinessTimeout()).fail()
                .map(rows -> HealthCheckResponse.up(NAME)).onFailure().recoverWithItem(failure -> HealthCheckResponse
                        .named(NAME).down().withData("error", failure.getClass().getSimpleName()).build());
    }
}

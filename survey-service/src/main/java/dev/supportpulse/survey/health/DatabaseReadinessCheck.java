package dev.supportpulse.survey.health;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.Readiness;

import io.vertx.mutiny.sqlclient.Pool;

import dev.supportpulse.support.BoundedDatabaseCheck;
import dev.supportpulse.survey.config.SurveyConfig;

/** Ready while the survey store answers a trivial query within the configured time. */
@Readiness
@Singleton
public class DatabaseReadinessCheck extends BoundedDatabaseCheck {

    static final String NAME = "survey store (PostgreSQL)";

    public DatabaseReadinessCheck(Pool pool, SurveyConfig config) {
        super(pool, config.survey().readinessTimeout(), NAME);
    }
}

package dev.supportpulse.ingest.health;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.Readiness;

import io.vertx.mutiny.sqlclient.Pool;

import dev.supportpulse.ingest.config.IngestConfig;
import dev.supportpulse.support.BoundedDatabaseCheck;

/** Ready while the event store answers a trivial query within the configured time. */
@Readiness
@Singleton
public class DatabaseReadinessCheck extends BoundedDatabaseCheck {

    static final String NAME = "event store (PostgreSQL)";

    public DatabaseReadinessCheck(Pool pool, IngestConfig config) {
        super(pool, config.ingest().readinessTimeout(), NAME);
    }
}

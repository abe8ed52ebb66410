package dev.supportpulse.metrics.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.flywaydb.core.Flyway;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * Gives the test database ingest-service's event log, by running ingest-service's own migrations (not a copy), as
 * ingest-service does at its start-up in production.
 */
@ApplicationScoped
public class IngestSchema {

    void migrate(@Observes @Priority(1) StartupEvent event, AgroalDataSource dataSource) {
        Flyway.configure().dataSource(dataSource).schemas("ingest").defaultSchema("ingest")
                .locations("filesystem:../ingest-service/src/main/resources/db/migration").load().migrate();
    }
}

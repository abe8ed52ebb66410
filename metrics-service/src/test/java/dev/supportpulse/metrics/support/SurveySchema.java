package dev.supportpulse.metrics.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.flywaydb.core.Flyway;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * Gives the test database survey-service's tables and published views, by running survey-service's own migrations (not
 * a copy), as survey-service does at its start-up in production.
 */
@ApplicationScoped
public class SurveySchema {

    void migrate(@Observes @Priority(1) StartupEvent event, AgroalDataSource dataSource) {
        Flyway.configure().dataSource(dataSource).schemas("survey").defaultSchema("survey")
                .locations("filesystem:../survey-service/src/main/resources/db/migration").load().migrate();
    }
}

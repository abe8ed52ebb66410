package dev.supportpulse.survey.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.supportpulse.support.DatabaseFailures;
import dev.supportpulse.survey.config.SurveyConfig;
import dev.supportpulse.survey.error.DatabaseUnavailableException;

/**
 * Bounds every database call in time and turns a database that is unreachable or overloaded into
 * {@link DatabaseUnavailableException} (503 + Retry-After), not a hang and not a 500.
 */
@ApplicationScoped
public class DatabaseCalls {

    private final Duration timeout;

    public DatabaseCalls(SurveyConfig config) {
        this.timeout = config.survey().databaseTimeout();
    }

    public <T> Uni<T> guard(Uni<T> call) {
        return call.ifNoItem().after(timeout).fail().onFailure(DatabaseFailures::isTransient)
                .transform(DatabaseUnavailableException::new);
    }
}

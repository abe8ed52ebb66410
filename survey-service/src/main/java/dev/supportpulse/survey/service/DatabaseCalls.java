package dev.supportpulse.survey.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

import dev.supportpulse.survey.config.SurveyConfig;
import dev.supportpulse.survey.error.DatabaseUnavailableException;
import dev.supportpulse.survey.error.ProblemException;

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
        return call.ifNoItem().after(timeout).fail().onFailure(DatabaseCalls::isTransient)
                .transform(DatabaseUnavailableException::new);
    }

    /**
     * True for failures worth a retry: anything that is not an error reported by PostgreSQL itself (refused or dropped
     * connections, pool and call time-outs), and PostgreSQL errors of the classes for connections (08), transaction
     * rollbacks (40), resources (53), operator intervention such as a shutdown (57) and system errors (58).
     */
    static boolean isTransient(Throwable failure) {
        // Our own verdicts, and bugs in our own code (a NullPointerException, say), are not the database's state.
        if (failure instanceof ProblemException || failure.getClass().getPackageName().equals("java.lang")) {
            return false;
        }
        PgException pg = null;
        for (Throwable t = failure; t != null && pg == null; t = t.getCause()) {
            if (t instanceof PgException found) {
                pg = found;
            }
        }
        if (pg == null) {
            return true;
        }
        String state = pg.getSqlState();
        return state == null || state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                || state.startsWith("57") || state.startsWith("58");
    }
}

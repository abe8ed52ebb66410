package dev.supportpulse.support;

import io.vertx.pgclient.PgException;

/** Tells a database that is unreachable or overloaded (worth a retry) from a bug in what was sent to it. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * True for failures a client should retry: anything that is neither our own verdict ({@link ProblemException}), nor
     * a bug in our own code (a {@code java.lang} exception such as a NullPointerException), nor an error reported by
     * PostgreSQL itself (refused or dropped connections, pool and call time-outs); and PostgreSQL errors of the classes
     * for connections (08), transaction rollbacks (40), resources (53), operator intervention such as a shutdown (57)
     * and system errors (58).
     */
    public static boolean isTransient(Throwable failure) {
        if (failure instanceof ProblemException || failure.getClass().getPackageName().equals("java.lang")) {
            return false;
        }
        PgException pg = reportedByPostgres(failure);
        if (pg == null) {
            return true;
        }
        String state = pg.getSqlState();
        return state == null || state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                || state.startsWith("57") || state.startsWith("58");
    }

    // Hibernate Reactive wraps the client's exceptions; look through the causes for PostgreSQL's own report.
    private static PgException reportedByPostgres(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg) {
                return pg;
            }
        }
        return null;
    }
}

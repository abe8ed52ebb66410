package dev.supportpulse.survey.support;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.supportpulse.testing.TestDatabase;

/** Direct reads of survey's tables for assertions, through the same PostgreSQL the service writes to. */
@ApplicationScoped
public class SurveyTables {

    private final Pool pool;

    public SurveyTables(Pool pool) {
        this.pool = pool;
    }

    /** The bean in a {@code @QuarkusTest}; over a pool of the test's own against the packaged service (the *IT). */
    public static SurveyTables current() {
        return TestDatabase.bean(SurveyTables.class, SurveyTables::new);
    }

    /** Invitations whose ticket id starts with the prefix (each test uses its own prefix). */
    public long invitationsForTickets(String ticketPrefix) {
        return single("SELECT count(*) FROM survey.invitations WHERE ticket_id LIKE $1 || '%'", Tuple.of(ticketPrefix))
                .getLong(0);
    }

    /** Responses to invitations whose ticket id starts with the prefix. */
    public long responsesForTickets(String ticketPrefix) {
        return single("""
                SELECT count(*) FROM survey.responses r JOIN survey.invitations i ON i.id = r.invitation_id
                WHERE i.ticket_id LIKE $1 || '%'
                """, Tuple.of(ticketPrefix)).getLong(0);
    }

    public long allInvitations() {
        return single("SELECT count(*) FROM survey.invitations", Tuple.tuple()).getLong(0);
    }

    /** The stored comment, exactly as kept. */
    public String commentOf(String invitationId) {
        return single("SELECT comment FROM survey.responses WHERE invitation_id = $1::uuid", Tuple.of(invitationId))
                .getString(0);
    }

    private Row single(String sql, Tuple parameters) {
        return pool.preparedQuery(sql).execute(parameters).await().indefinitely().iterator().next();
    }
}

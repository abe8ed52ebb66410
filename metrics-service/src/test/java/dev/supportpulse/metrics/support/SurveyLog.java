package dev.supportpulse.metrics.support;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.supportpulse.metrics.repository.SurveyProjectionRepository;

/**
 * Writes survey invitations and responses into survey-service's tables as survey-service does (one committed
 * transaction per call): the only place a test touches them; metrics-service itself reads survey's published views.
 */
@ApplicationScoped
public class SurveyLog {

    private final Pool pool;

    public SurveyLog(Pool pool) {
        this.pool = pool;
    }

    /**
     * Empties survey-service's tables and the survey read model, and rewinds the survey projection. The tables are
     * emptied under the projection's turn: a batch running meanwhile locks them in another order, and the two
     * deadlocked.
     */
    public void clear() {
        pool.withTransaction(connection -> connection.query(SurveyProjectionRepository.HOLD_TURN).execute()
                .flatMap(held -> connection
                        .query("TRUNCATE survey.responses, survey.invitations, metrics.survey_invitations").execute()))
                .await().indefinitely();
        rewind();
    }

    /** Sets the survey projection back to the change log's start; the read model stays as it is. */
    public void rewind() {
        pool.query("UPDATE metrics.projection_cursor SET last_txid = '0', last_seq = 0 WHERE name = 'surveys'")
                .execute().await().indefinitely();
    }

    /** Writes the invitations, and the responses of those answered, in one transaction. */
    public void write(Invitation... invitations) {
        List<Tuple> responses = new ArrayList<>();
        for (Invitation invitation : invitations) {
            if (invitation.score != null) {
                responses.add(Tuple.of(invitation.id, invitation.score, invitation.submittedAt));
            }
        }
        pool.withTransaction(connection -> connection.preparedQuery("""
                INSERT INTO survey.invitations (id, token, kind, ticket_id, customer_id, agent_id, team_id, channel,
                                                region, sent_at, expires_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10::timestamptz + interval '30 days')
                """)
                .executeBatch(Arrays.stream(invitations)
                        .map(i -> Tuple.from(Arrays.asList(i.id, "token-" + i.id, i.kind, i.ticketId, i.customerId,
                                i.agentId, i.teamId, i.channel, i.region, i.sentAt)))
                        .toList())
                .flatMap(done -> responses.isEmpty() ? Uni.createFrom().voidItem()
                        : insertResponses(connection, responses)))
                .await().indefinitely();
    }

    /** The response to an invitation written before, in a transaction of its own (a customer answering later). */
    public void answer(Invitation invitation, int score, String submittedAt) {
        pool.withTransaction(connection -> insertResponses(connection,
                List.of(Tuple.of(invitation.id, score, OffsetDateTime.parse(submittedAt))))).await().indefinitely();
    }

    private static Uni<Void> insertResponses(SqlConnection connection, List<Tuple> responses) {
        return connection.preparedQuery("""
                INSERT INTO survey.responses (invitation_id, score, submitted_at, source)
                VALUES ($1, $2::int, $3, 'rest')
                """).executeBatch(responses).replaceWithVoid();
    }
}

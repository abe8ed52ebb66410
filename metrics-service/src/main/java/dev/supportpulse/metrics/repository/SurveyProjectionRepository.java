package dev.supportpulse.metrics.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Keeps {@code metrics.survey_invitations} in step with survey-service: reads the next committed changes of
 * {@code survey.change_log} after its own cursor and upserts every invitation they name from
 * {@code survey.invitation_facts}, in one transaction with the cursor move. It reads nothing else of schema
 * {@code survey}, and runs apart from the ticket projection, so a survey schema that does not exist yet fails this step
 * only.
 */
@ApplicationScoped
public class SurveyProjectionRepository {

    /** The advisory lock whose holder may move the survey read model. */
    private static final String TURN = "hashtext('supportpulse.metrics.surveys')";

    /** Only one replica projects surveys at a time; the others find the lock taken and skip their turn. */
    private static final String TAKE_TURN = "SELECT pg_try_advisory_xact_lock(" + TURN + ")";

    /** Takes the survey projection's turn for the current transaction, waiting for a batch in progress. */
    public static final String HOLD_TURN = "SELECT pg_advisory_xact_lock(" + TURN + ")";

    private static final String READ_CURSOR = """
            SELECT last_txid::text, last_seq FROM metrics.projection_cursor WHERE name = 'surveys' FOR UPDATE
            """;

    // Rows below the oldest running transaction's id are final: no change can appear before them later (the bound read
    // once, by a subquery: pg_current_snapshot() is volatile, and costly per row under load). An
    // invitation and its response are two changes; both name the invitation, which is read once, whole, as it is now.
    private static final String PROJECT_BATCH = """
            WITH batch AS (
                SELECT txid, seq, invitation_id FROM survey.change_log
                WHERE (txid, seq) > ($1::text::xid8, $2::bigint)
                  AND txid < (SELECT pg_snapshot_xmin(pg_current_snapshot()))
                ORDER BY txid, seq
                LIMIT $3),
            upserted AS (
                INSERT INTO metrics.survey_invitations AS s (invitation_id, kind, ticket_id, customer_id, agent_id,
                    team_id, channel, region, sent_at, score, submitted_at)
                SELECT f.invitation_id, f.kind, f.ticket_id, f.customer_id, f.agent_id, f.team_id, f.channel, f.region,
                       f.sent_at, f.score, f.submitted_at
                FROM survey.invitation_facts f
                WHERE f.invitation_id = ANY (ARRAY(SELECT DISTINCT invitation_id FROM batch))
                ON CONFLICT (invitation_id) DO UPDATE SET
                    kind = excluded.kind, ticket_id = excluded.ticket_id, customer_id = excluded.customer_id,
                    agent_id = excluded.agent_id, team_id = excluded.team_id, channel = excluded.channel,
                    region = excluded.region, sent_at = excluded.sent_at, score = excluded.score,
                    submitted_at = excluded.submitted_at
                RETURNING 1)
            SELECT (SELECT count(*) FROM batch) AS changes,
                   (SELECT txid::text FROM batch ORDER BY txid DESC, seq DESC LIMIT 1) AS last_txid,
                   (SELECT seq FROM batch ORDER BY txid DESC, seq DESC LIMIT 1) AS last_seq,
                   (SELECT count(*) FROM upserted) AS invitations
            """;

    private static final String MOVE_CURSOR = """
            UPDATE metrics.projection_cursor SET last_txid = $1::text::xid8, last_seq = $2, updated_at = now()
            WHERE name = 'surveys'
            """;

    private final Pool pool;

    public SurveyProjectionRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Projects the next batch of committed survey changes.
     *
     * @return how many changes were projected: 0 when there was nothing new or another replica holds the turn
     */
    public Uni<Integer> projectNextBatch(int batchChanges) {
        return pool.withTransaction(connection -> connection.query(TAKE_TURN).execute()
                .map(rows -> rows.iterator().next().getBoolean(0))
                .flatMap(myTurn -> myTurn ? projectWithLock(connection, batchChanges) : Uni.createFrom().item(0)));
    }

    private Uni<Integer> projectWithLock(SqlConnection connection, int batchChanges) {
        return connection.query(READ_CURSOR).execute().map(rows -> rows.iterator().next())
                .flatMap(cursor -> connection.preparedQuery(PROJECT_BATCH)
                        .execute(Tuple.of(cursor.getString(0), cursor.getLong(1), batchChanges)))
                .map(rows -> rows.iterator().next()).flatMap(batch -> moveCursor(connection, batch));
    }

    private static Uni<Integer> moveCursor(SqlConnection connection, Row batch) {
        int changes = batch.getLong("changes").intValue();
        if (changes == 0) {
            return Uni.createFrom().item(0);
        }
        return connection.preparedQuery(MOVE_CURSOR)
                .execute(Tuple.of(batch.getString("last_txid"), batch.getLong("last_seq"))).replaceWith(changes);
    }
}

package dev.supportpulse.survey.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.supportpulse.survey.model.SurveyResponse;

/**
 * Responses in {@code survey.responses}: at most one per invitation, kept by the primary key; reads through Panache.
 */
@ApplicationScoped
public class ResponseRepository implements PanacheRepositoryBase<SurveyResponse, UUID> {

    // One round trip and no session for the customer's answer, the hot path: find the invitation by its token and
    // store the answer if the invitation is open and its kind takes the score. The invitation's row comes back either
    // way, so the caller can tell unknown, expired, off-scale and already answered apart.
    private static final String ANSWER = """
            WITH invitation AS (
                SELECT id, kind, expires_at, expires_at <= now() AS expired
                FROM survey.invitations WHERE token = $1),
            stored AS (
                INSERT INTO survey.responses (invitation_id, score, comment, submitted_at, source)
                SELECT id, $2, $3, now(), $4 FROM invitation WHERE NOT expired AND kind = ANY ($5::text[])
                ON CONFLICT (invitation_id) DO NOTHING
                RETURNING submitted_at)
            SELECT id, kind, expires_at, expired, (SELECT submitted_at FROM stored) AS submitted_at FROM invitation
            """;

    private static final String INSERT_IMPORTED = """
            INSERT INTO survey.responses (invitation_id, score, comment, submitted_at, source)
            SELECT invitation_id, score, comment, submitted_at, 'import'
            FROM unnest($1::uuid[], $2::smallint[], $3::text[], $4::timestamptz[])
                 AS r(invitation_id, score, comment, submitted_at)
            ON CONFLICT (invitation_id) DO NOTHING
            """;

    private final Pool pool;

    public ResponseRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * What became of an answer: the invitation its token names, whether that had expired, and when the answer was
     * stored (null if it was not: expired, a score its kind does not take, or answered before).
     */
    public record Attempt(UUID invitationId, String kind, OffsetDateTime expiresAt, boolean expired,
            OffsetDateTime submittedAt) {
    }

    /**
     * Stores the answer to the invitation with this token, stamped with the database's clock, if it is open, unanswered
     * and of one of {@code acceptingKinds}.
     *
     * @return the attempt, or null if no invitation has this token
     */
    public Uni<Attempt> answer(String token, int score, String comment, String source, List<String> acceptingKinds) {
        return pool.preparedQuery(ANSWER)
                .execute(Tuple.of(token, (short) score, comment, source, acceptingKinds.toArray(String[]::new)))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new Attempt(row.getUUID("id"), row.getString("kind"), row.getOffsetDateTime("expires_at"),
                            row.getBoolean("expired"), row.getOffsetDateTime("submitted_at"));
                });
    }

    /** Stores imported answers for invitations that have none yet; returns how many were stored. */
    public Uni<Integer> insertImported(SqlClient client, List<UUID> invitationIds, List<Short> scores,
            List<String> comments, List<OffsetDateTime> submittedAt) {
        return client.preparedQuery(INSERT_IMPORTED)
                .execute(Tuple.of(invitationIds.toArray(UUID[]::new), scores.toArray(Short[]::new),
                        comments.toArray(String[]::new), submittedAt.toArray(OffsetDateTime[]::new)))
                .map(rows -> rows.rowCount());
    }
}

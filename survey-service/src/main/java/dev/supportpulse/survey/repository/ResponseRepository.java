package dev.supportpulse.survey.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.supportpulse.survey.model.SurveyResponse;

/**
 * Responses in {@code survey.responses}: at most one per invitation, kept by the primary key; reads through Panache.
 */
@ApplicationScoped
public class ResponseRepository implements PanacheRepositoryBase<SurveyResponse, UUID> {

    private static final String INSERT_ANSWER = """
            INSERT INTO survey.responses (invitation_id, score, comment, submitted_at, source)
            VALUES ($1, $2, $3, now(), $4)
            ON CONFLICT (invitation_id) DO NOTHING
            RETURNING submitted_at
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
     * Stores an invitation's answer, stamped with the database's clock, unless it has one already.
     *
     * @return when it was stored, or null if the invitation was answered before
     */
    public Uni<OffsetDateTime> insertAnswer(UUID invitationId, int score, String comment, String source) {
        return pool.preparedQuery(INSERT_ANSWER).execute(Tuple.of(invitationId, (short) score, comment, source))
                .map(rows -> rows.rowCount() == 0 ? null : rows.iterator().next().getOffsetDateTime("submitted_at"));
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

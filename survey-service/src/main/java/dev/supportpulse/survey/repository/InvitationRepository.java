package dev.supportpulse.survey.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.supportpulse.survey.model.Invitation;
import dev.supportpulse.survey.model.NewInvitation;

/**
 * Invitations in {@code survey.invitations}: batch writes through the PG client (one statement per batch), reads
 * through Panache.
 */
@ApplicationScoped
public class InvitationRepository implements PanacheRepositoryBase<Invitation, UUID> {

    // The columns travel as arrays, so a batch costs one round trip. ON CONFLICT keeps the first invitation for a kind
    // and ticket, also when two requests race for it; the caller then reads the one that won.
    private static final String INSERT_NEW = """
            INSERT INTO survey.invitations (id, token, kind, ticket_id, customer_id, agent_id, team_id, channel,
                                            region, locale, sent_at, expires_at)
            SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                                 $8::text[], $9::text[], $10::text[], $11::timestamptz[], $12::timestamptz[])
            ON CONFLICT (kind, ticket_id) WHERE ticket_id IS NOT NULL DO NOTHING
            RETURNING id
            """;

    // Whether each has its answer is a look-up per invitation that only an import needs.
    private static final String SELECT_BY_KIND_AND_TICKET = """
            SELECT i.id, i.token, i.kind, i.ticket_id, i.sent_at, i.expires_at, %s AS answered
            FROM unnest($1::text[], $2::text[]) AS wanted(kind, ticket_id)
            JOIN survey.invitations i ON i.kind = wanted.kind AND i.ticket_id = wanted.ticket_id
            """;
    private static final String SELECT_NEW_BY_KIND_AND_TICKET = SELECT_BY_KIND_AND_TICKET.formatted("NULL::boolean");
    private static final String SELECT_ANSWERED_BY_KIND_AND_TICKET = SELECT_BY_KIND_AND_TICKET
            .formatted("EXISTS (SELECT 1 FROM survey.responses r WHERE r.invitation_id = i.id)");

    private final Pool pool;

    public InvitationRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * An invitation as stored: enough to answer its creator, and whether it has its answer (null when not asked for).
     */
    public record Stored(UUID id, String token, String kind, String ticketId, OffsetDateTime sentAt,
            OffsetDateTime expiresAt, Boolean answered) {
    }

    /**
     * Inserts the invitations that do not exist yet, with the given ids and tokens.
     *
     * @return the ids that were inserted (the others lost to an existing invitation of the same kind and ticket)
     */
    public Uni<List<UUID>> insertNew(SqlClient client, List<NewInvitation> invitations, List<UUID> ids,
            List<String> tokens) {
        int size = invitations.size();
        String[] kinds = new String[size];
        String[] ticketIds = new String[size];
        String[] customerIds = new String[size];
        String[] agentIds = new String[size];
        String[] teamIds = new String[size];
        String[] channels = new String[size];
        String[] regions = new String[size];
        String[] locales = new String[size];
        OffsetDateTime[] sentAt = new OffsetDateTime[size];
        OffsetDateTime[] expiresAt = new OffsetDateTime[size];
        for (int i = 0; i < size; i++) {
            NewInvitation invitation = invitations.get(i);
            kinds[i] = invitation.kind().name();
            ticketIds[i] = invitation.ticketId();
            customerIds[i] = invitation.customerId();
            agentIds[i] = invitation.agentId();
            teamIds[i] = invitation.teamId();
            channels[i] = invitation.channel();
            regions[i] = invitation.region();
            locales[i] = invitation.locale();
            sentAt[i] = invitation.sentAt();
            expiresAt[i] = invitation.expiresAt();
        }
        Tuple parameters = Tuple.from(List.of(ids.toArray(UUID[]::new), tokens.toArray(String[]::new), kinds, ticketIds,
                customerIds, agentIds, teamIds, channels, regions, locales, sentAt, expiresAt));
        return client.preparedQuery(INSERT_NEW).execute(parameters).map(rows -> {
            List<UUID> inserted = new ArrayList<>(rows.rowCount());
            for (Row row : rows) {
                inserted.add(row.getUUID("id"));
            }
            return inserted;
        });
    }

    /**
     * The stored invitations for these kinds and tickets (pairs at the same positions), with whether each is answered
     * if {@code withAnswers}.
     */
    public Uni<List<Stored>> findByKindAndTicket(SqlClient client, List<String> kinds, List<String> ticketIds,
            boolean withAnswers) {
        return client.preparedQuery(withAnswers ? SELECT_ANSWERED_BY_KIND_AND_TICKET : SELECT_NEW_BY_KIND_AND_TICKET)
                .execute(Tuple.of(kinds.toArray(String[]::new), ticketIds.toArray(String[]::new))).map(rows -> {
                    List<Stored> found = new ArrayList<>(rows.rowCount());
                    for (Row row : rows) {
                        found.add(new Stored(row.getUUID("id"), row.getString("token"), row.getString("kind"),
                                row.getString("ticket_id"), row.getOffsetDateTime("sent_at"),
                                row.getOffsetDateTime("expires_at"), row.getBoolean("answered")));
                    }
                    return found;
                });
    }

    public Pool pool() {
        return pool;
    }

    public Uni<Invitation> findByToken(String token) {
        return find("token", token).firstResult();
    }
}

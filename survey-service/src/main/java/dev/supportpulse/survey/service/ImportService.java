package dev.supportpulse.survey.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.supportpulse.survey.dto.ImportResult;
import dev.supportpulse.survey.model.ImportedResponse;
import dev.supportpulse.survey.model.NewInvitation;
import dev.supportpulse.survey.repository.InvitationRepository;
import dev.supportpulse.survey.repository.ResponseRepository;

/**
 * Brings past answers from another tool, with their original times. One answer per kind and ticket: importing the same
 * history twice, or history for a ticket already answered live, stores nothing new. The batch is one transaction.
 */
@ApplicationScoped
public class ImportService {

    private final InvitationRepository invitations;
    private final ResponseRepository responses;
    private final DatabaseCalls calls;
    private final SurveyMetrics metrics;

    public ImportService(InvitationRepository invitations, ResponseRepository responses, DatabaseCalls calls,
            SurveyMetrics metrics) {
        this.invitations = invitations;
        this.responses = responses;
        this.calls = calls;
        this.metrics = metrics;
    }

    public Uni<ImportResult> importResponses(List<ImportedResponse> items) {
        // The first item of a kind and ticket wins within the batch too.
        Map<String, ImportedResponse> distinct = new LinkedHashMap<>();
        for (ImportedResponse item : items) {
            distinct.putIfAbsent(key(item.invitation().kind().name(), item.invitation().ticketId()), item);
        }
        List<ImportedResponse> unique = List.copyOf(distinct.values());
        List<NewInvitation> wanted = unique.stream().map(ImportedResponse::invitation).toList();
        List<UUID> ids = unique.stream().map(item -> UUID.randomUUID()).toList();
        List<String> tokens = unique.stream().map(item -> Tokens.next()).toList();
        List<String> kinds = wanted.stream().map(invitation -> invitation.kind().name()).toList();
        List<String> tickets = wanted.stream().map(NewInvitation::ticketId).toList();
        return calls.guard(invitations.pool()
                .withTransaction(connection -> invitations.insertNew(connection, wanted, ids, tokens)
                        // Every item now has an invitation, new or earlier; its answer goes to that one.
                        .flatMap(inserted -> invitations.findByKindAndTicket(connection, kinds, tickets))
                        .flatMap(stored -> {
                            Map<String, UUID> idByKey = new HashMap<>();
                            stored.forEach(invitation -> idByKey.put(key(invitation.kind(), invitation.ticketId()),
                                    invitation.id()));
                            List<UUID> invitationIds = new ArrayList<>();
                            List<Short> scores = new ArrayList<>();
                            List<String> comments = new ArrayList<>();
                            List<OffsetDateTime> submittedAt = new ArrayList<>();
                            for (ImportedResponse item : unique) {
                                invitationIds.add(idByKey
                                        .get(key(item.invitation().kind().name(), item.invitation().ticketId())));
                                scores.add((short) item.score());
                                comments.add(item.comment());
                                submittedAt.add(item.submittedAt());
                            }
                            return responses.insertImported(connection, invitationIds, scores, comments, submittedAt);
                        })))
                .map(imported -> new ImportResult(items.size(), imported, items.size() - imported))
                .invoke(result -> metrics.responsesStored("import", result.imported()));
    }

    private static String key(String kind, String ticketId) {
        return kind + "\u0000" + ticketId;
    }
}

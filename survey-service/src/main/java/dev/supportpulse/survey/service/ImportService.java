package dev.supportpulse.survey.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.supportpulse.survey.dto.ImportResult;
import dev.supportpulse.survey.dto.Violation;
import dev.supportpulse.survey.error.InvalidRequestException;
import dev.supportpulse.survey.model.ImportedResponse;
import dev.supportpulse.survey.model.NewInvitation;
import dev.supportpulse.survey.repository.InvitationRepository;
import dev.supportpulse.survey.repository.ResponseRepository;

/**
 * Brings past answers from another tool, with their original times. One answer per kind and ticket: importing the same
 * history twice, or history for a ticket already answered live, stores nothing new. An answer for a kind and ticket
 * that already has an invitation goes to that invitation, so it must fall while that one was open, as a live answer
 * must. The batch is one transaction.
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

    /**
     * @param items
     *            the answers, in request order
     * @param batch
     *            whether they came as an array (errors then name each item's index)
     */
    public Uni<ImportResult> importResponses(List<ImportedResponse> items, boolean batch) {
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
                            Map<String, InvitationRepository.Stored> byKey = new HashMap<>();
                            stored.forEach(
                                    invitation -> byKey.put(key(invitation.kind(), invitation.ticketId()), invitation));
                            requireOpenAtSubmission(items, batch, byKey);
                            List<UUID> invitationIds = new ArrayList<>();
                            List<Short> scores = new ArrayList<>();
                            List<String> comments = new ArrayList<>();
                            List<OffsetDateTime> submittedAt = new ArrayList<>();
                            for (ImportedResponse item : unique) {
                                invitationIds.add(byKey
                                        .get(key(item.invitation().kind().name(), item.invitation().ticketId())).id());
                                scores.add((short) item.score());
                                comments.add(item.comment());
                                submittedAt.add(item.submittedAt());
                            }
                            return responses.insertImported(connection, invitationIds, scores, comments, submittedAt);
                        })))
                .map(imported -> new ImportResult(items.size(), imported, items.size() - imported))
                .invoke(result -> metrics.responsesStored("import", result.imported()));
    }

    /**
     * Every answer that will be stored lies in its invitation's [sentAt, expiresAt): one this import created is made
     * so; an earlier, unanswered one may not be, and a live answer outside it would be refused (410 after expiry).
     */
    private static void requireOpenAtSubmission(List<ImportedResponse> items, boolean batch,
            Map<String, InvitationRepository.Stored> byKey) {
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < items.size(); index++) {
            ImportedResponse item = items.get(index);
            String key = key(item.invitation().kind().name(), item.invitation().ticketId());
            if (!seen.add(key)) {
                continue; // a later item of the same kind and ticket: skipped, as it stores nothing
            }
            InvitationRepository.Stored invitation = byKey.get(key);
            if (invitation.answered()) {
                continue; // answered already, live or by an earlier import: this one is skipped
            }
            Integer at = batch ? index : null;
            if (item.submittedAt().isBefore(invitation.sentAt())) {
                violations.add(new Violation(at, "submittedAt", "is before the existing " + invitation.kind()
                        + " invitation of this ticket was sent (" + invitation.sentAt() + ")."));
            } else if (!item.submittedAt().isBefore(invitation.expiresAt())) {
                violations.add(new Violation(at, "submittedAt", "is not before the existing " + invitation.kind()
                        + " invitation of this ticket expired (" + invitation.expiresAt() + ")."));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    private static String key(String kind, String ticketId) {
        return kind + "\u0000" + ticketId;
    }
}

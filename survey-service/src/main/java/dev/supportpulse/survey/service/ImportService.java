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
        // The first item of a kind and ticket wins within the batch too: its index by key.
        Map<String, Integer> first = new LinkedHashMap<>();
        for (int index = 0; index < items.size(); index++) {
            first.putIfAbsent(key(items.get(index)), index);
        }
        List<ImportedResponse> unique = first.values().stream().map(items::get).toList();
        List<NewInvitation> wanted = unique.stream().map(ImportedResponse::invitation).toList();
        List<UUID> ids = unique.stream().map(item -> UUID.randomUUID()).toList();
        List<String> tokens = unique.stream().map(item -> Tokens.next()).toList();
        List<String> kinds = wanted.stream().map(invitation -> invitation.kind().name()).toList();
        List<String> tickets = wanted.stream().map(NewInvitation::ticketId).toList();
        return calls.guard(invitations.pool()
                .withTransaction(connection -> invitations.insertNew(connection, wanted, ids, tokens)
                        // Every item now has an invitation, new or earlier; its answer goes to that one.
                        .flatMap(inserted -> invitations.findByKindAndTicket(connection, kinds, tickets, true))
                        .flatMap(stored -> {
                            Map<String, InvitationRepository.Stored> byKey = new HashMap<>();
                            stored.forEach(
                                    invitation -> byKey.put(key(invitation.kind(), invitation.ticketId()), invitation));
                            requireOpenAtSubmission(items, batch, first, byKey);
                            List<UUID> invitationIds = new ArrayList<>();
                            List<Short> scores = new ArrayList<>();
                            List<String> comments = new ArrayList<>();
                            List<OffsetDateTime> submittedAt = new ArrayList<>();
                            for (ImportedResponse item : unique) {
                                invitationIds.add(byKey.get(key(item)).id());
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
    private static void requireOpenAtSubmission(List<ImportedResponse> items, boolean batch, Map<String, Integer> first,
            Map<String, InvitationRepository.Stored> byKey) {
        List<Violation> violations = new ArrayList<>();
        for (Map.Entry<String, Integer> winner : first.entrySet()) {
            InvitationRepository.Stored invitation = byKey.get(winner.getKey());
            if (invitation.answered()) {
                continue; // answered already, live or by an earlier import: this one is skipped
            }
            ImportedResponse item = items.get(winner.getValue());
            Integer at = batch ? winner.getValue() : null;
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

    private static String key(ImportedResponse item) {
        return key(item.invitation().kind().name(), item.invitation().ticketId());
    }

    private static String key(String kind, String ticketId) {
        return kind + "\u0000" + ticketId;
    }
}

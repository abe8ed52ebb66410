package dev.supportpulse.survey.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import dev.supportpulse.survey.config.SurveyConfig;
import dev.supportpulse.survey.dto.InvitationDetails;
import dev.supportpulse.survey.dto.InvitationView;
import dev.supportpulse.survey.model.Invitation;
import dev.supportpulse.survey.model.NewInvitation;
import dev.supportpulse.survey.model.SurveyResponse;
import dev.supportpulse.survey.repository.InvitationRepository;
import dev.supportpulse.survey.repository.ResponseRepository;

/**
 * Creates invitations, each once per kind and ticket: asking again for the same kind and ticket returns the invitation
 * that exists (its token and url unchanged), whether it was created by an earlier request, earlier in the same batch,
 * or by a request racing this one.
 */
@ApplicationScoped
public class InvitationService {

    private final InvitationRepository invitations;
    private final ResponseRepository responses;
    private final DatabaseCalls calls;
    private final SurveyMetrics metrics;
    private final String publicUrl;

    public InvitationService(InvitationRepository invitations, ResponseRepository responses, DatabaseCalls calls,
            SurveyMetrics metrics, SurveyConfig config) {
        this.invitations = invitations;
        this.responses = responses;
        this.calls = calls;
        this.metrics = metrics;
        this.publicUrl = config.survey().publicUrl();
    }

    /** The invitations, in the order requested. */
    public Uni<List<InvitationView>> create(List<NewInvitation> requested) {
        Map<String, Integer> firstWithKey = new HashMap<>();
        List<NewInvitation> distinct = new ArrayList<>();
        int[] slot = new int[requested.size()];
        for (int i = 0; i < requested.size(); i++) {
            NewInvitation invitation = requested.get(i);
            String key = key(invitation.kind().name(), invitation.ticketId());
            Integer earlier = key == null ? null : firstWithKey.putIfAbsent(key, distinct.size());
            if (earlier == null) {
                slot[i] = distinct.size();
                distinct.add(invitation);
            } else {
                slot[i] = earlier;
            }
        }
        List<UUID> ids = distinct.stream().map(invitation -> UUID.randomUUID()).toList();
        List<String> tokens = distinct.stream().map(invitation -> Tokens.next()).toList();
        return calls.guard(invitations.pool().withTransaction(
                connection -> invitations.insertNew(connection, distinct, ids, tokens).flatMap(inserted -> {
                    Set<UUID> created = new HashSet<>(inserted);
                    List<String> kinds = new ArrayList<>();
                    List<String> tickets = new ArrayList<>();
                    for (int u = 0; u < distinct.size(); u++) {
                        if (!created.contains(ids.get(u))) {
                            kinds.add(distinct.get(u).kind().name());
                            tickets.add(distinct.get(u).ticketId());
                        }
                    }
                    Uni<List<InvitationRepository.Stored>> existing = kinds.isEmpty() ? Uni.createFrom().item(List.of())
                            : invitations.findByKindAndTicket(connection, kinds, tickets, false);
                    return existing.map(found -> views(requested, slot, distinct, ids, tokens, created, found));
                }))).invoke(views -> metrics
                        .invitationsCreated((int) views.stream().filter(InvitationView::created).count()));
    }

    private List<InvitationView> views(List<NewInvitation> requested, int[] slot, List<NewInvitation> distinct,
            List<UUID> ids, List<String> tokens, Set<UUID> created, List<InvitationRepository.Stored> existing) {
        Map<String, InvitationRepository.Stored> byKey = new HashMap<>();
        for (InvitationRepository.Stored stored : existing) {
            byKey.put(key(stored.kind(), stored.ticketId()), stored);
        }
        boolean[] reported = new boolean[distinct.size()];
        List<InvitationView> views = new ArrayList<>(requested.size());
        for (int i = 0; i < requested.size(); i++) {
            int u = slot[i];
            NewInvitation invitation = distinct.get(u);
            if (created.contains(ids.get(u))) {
                // Only the first request of a kind and ticket in the batch created it; repeats found it.
                views.add(new InvitationView(ids.get(u), tokens.get(u), url(tokens.get(u)), invitation.kind().name(),
                        invitation.ticketId(), invitation.sentAt(), invitation.expiresAt(), !reported[u]));
                reported[u] = true;
            } else {
                InvitationRepository.Stored stored = byKey.get(key(invitation.kind().name(), invitation.ticketId()));
                if (stored == null) {
                    throw new IllegalStateException("An invitation lost its insert to one that cannot be found: "
                            + invitation.kind() + " " + invitation.ticketId());
                }
                views.add(new InvitationView(stored.id(), stored.token(), url(stored.token()), stored.kind(),
                        stored.ticketId(), stored.sentAt(), stored.expiresAt(), false));
            }
        }
        return views;
    }

    /** The invitation with its response, or null if there is none with this id. */
    public Uni<InvitationDetails> find(UUID id) {
        // The session is opened inside the guard, so that a database refusing connections is a 503.
        return calls.guard(Panache.withSession(() -> invitations.findById(id)
                .flatMap(invitation -> invitation == null ? Uni.createFrom().<InvitationDetails> nullItem()
                        : responses.findById(id).map(response -> details(invitation, response)))));
    }

    private static InvitationDetails details(Invitation invitation, SurveyResponse response) {
        return new InvitationDetails(invitation.id, invitation.kind.name(), invitation.ticketId, invitation.customerId,
                invitation.agentId, invitation.teamId, invitation.channel, invitation.region, invitation.locale,
                invitation.sentAt, invitation.expiresAt,
                response == null ? null : new InvitationDetails.ResponseView(response.score, response.comment,
                        response.submittedAt, response.source));
    }

    String url(String token) {
        return publicUrl + (publicUrl.contains("?") ? "&" : "?") + "token=" + token;
    }

    private static String key(String kind, String ticketId) {
        return ticketId == null ? null : kind + "\u0000" + ticketId;
    }
}

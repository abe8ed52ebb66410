package dev.supportpulse.survey.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import dev.supportpulse.survey.dto.ResponseReceipt;
import dev.supportpulse.survey.dto.SurveyView;
import dev.supportpulse.survey.error.AlreadyAnsweredException;
import dev.supportpulse.survey.error.InvalidRequestException;
import dev.supportpulse.survey.error.SurveyExpiredException;
import dev.supportpulse.survey.error.SurveyNotFoundException;
import dev.supportpulse.survey.model.Invitation;
import dev.supportpulse.survey.model.NewAnswer;
import dev.supportpulse.survey.model.SurveyKind;
import dev.supportpulse.survey.model.SurveyTexts;
import dev.supportpulse.survey.repository.InvitationRepository;
import dev.supportpulse.survey.repository.ResponseRepository;

/**
 * The customer's side: read a survey by its token and answer it once, while it is open. The same rules hold for the
 * REST endpoints and the GraphQL mutation.
 */
@ApplicationScoped
public class SurveyService {

    private final InvitationRepository invitations;
    private final ResponseRepository responses;
    private final DatabaseCalls calls;
    private final SurveyMetrics metrics;

    public SurveyService(InvitationRepository invitations, ResponseRepository responses, DatabaseCalls calls,
            SurveyMetrics metrics) {
        this.invitations = invitations;
        this.responses = responses;
        this.calls = calls;
        this.metrics = metrics;
    }

    /**
     * The survey in the invitation's language if it has one, else the first of {@code preferredLocales} we speak, else
     * English.
     */
    public Uni<SurveyView> view(String token, List<String> preferredLocales) {
        return inSession(() -> open(token).flatMap(invitation -> responses.findById(invitation.id).map(response -> {
            List<String> candidates = new ArrayList<>();
            candidates.add(invitation.locale);
            candidates.addAll(preferredLocales);
            String language = SurveyTexts.language(candidates);
            SurveyTexts.Text text = SurveyTexts.of(invitation.kind, language);
            return new SurveyView(invitation.kind.name(), text.question(),
                    new SurveyView.Scale(invitation.kind.minScore(), invitation.kind.maxScore()), text.lowLabel(),
                    text.highLabel(), language, response != null, invitation.expiresAt);
        })));
    }

    /**
     * Stores the answer; fails if the token is unknown, the survey closed, the score off its scale or it was answered.
     */
    public Uni<ResponseReceipt> answer(String token, NewAnswer answer, String source) {
        if (!Tokens.wellFormed(token)) {
            return Uni.createFrom().failure(new SurveyNotFoundException());
        }
        int score = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, answer.score()));
        List<String> acceptingKinds = Arrays.stream(SurveyKind.values()).filter(kind -> kind.accepts(answer.score()))
                .map(SurveyKind::name).toList();
        return calls.guard(responses.answer(token, score, answer.comment(), source, acceptingKinds)).map(attempt -> {
            if (attempt == null) {
                throw new SurveyNotFoundException();
            }
            if (attempt.expired()) {
                throw new SurveyExpiredException(attempt.expiresAt());
            }
            SurveyKind kind = SurveyKind.valueOf(attempt.kind());
            if (!kind.accepts(answer.score())) {
                throw InvalidRequestException.of("score", RequestParser.scaleMessage(kind));
            }
            if (attempt.submittedAt() == null) {
                throw new AlreadyAnsweredException();
            }
            metrics.responsesStored(source, 1);
            return new ResponseReceipt(attempt.invitationId(), kind.name(), score, attempt.submittedAt());
        });
    }

    // The session is opened inside the guard (not by @WithSession around the method), so that a database that refuses
    // connections is a 503 like any other outage, on REST and GraphQL alike.
    private <T> Uni<T> inSession(Supplier<Uni<T>> work) {
        return calls.guard(Panache.withSession(work));
    }

    /** The invitation behind a token that is still open for answers. */
    private Uni<Invitation> open(String token) {
        if (!Tokens.wellFormed(token)) {
            return Uni.createFrom().failure(new SurveyNotFoundException());
        }
        return invitations.findByToken(token).map(invitation -> {
            if (invitation == null) {
                throw new SurveyNotFoundException();
            }
            if (invitation.expiredAt(OffsetDateTime.now())) {
                throw new SurveyExpiredException(invitation.expiresAt);
            }
            return invitation;
        });
    }
}

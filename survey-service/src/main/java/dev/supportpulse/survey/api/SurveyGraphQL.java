package dev.supportpulse.survey.api;

import java.util.Collections;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;

import dev.supportpulse.survey.dto.ResponseReceipt;
import dev.supportpulse.survey.dto.SurveyView;
import dev.supportpulse.survey.service.RequestParser;
import dev.supportpulse.survey.service.SurveyService;

/**
 * The public survey operations in GraphQL, for chat and app front ends: the same rules, limits and errors as the REST
 * endpoints, with the problem as {@code extensions.code} (NOT_FOUND, EXPIRED, ALREADY_ANSWERED, BAD_USER_INPUT,
 * RATE_LIMITED, UNAVAILABLE). Each operation counts against the client's rate limit, also several in one request.
 */
@GraphQLApi
public class SurveyGraphQL {

    private final RateLimiter rateLimiter;
    private final RequestParser parser;
    private final SurveyService surveys;
    private final CurrentVertxRequest currentRequest;

    public SurveyGraphQL(RateLimiter rateLimiter, RequestParser parser, SurveyService surveys,
            CurrentVertxRequest currentRequest) {
        this.rateLimiter = rateLimiter;
        this.parser = parser;
        this.surveys = surveys;
        this.currentRequest = currentRequest;
    }

    @Query("survey")
    @Description("The survey behind a token, in the invitation's language, else `locale`, else English.")
    public Uni<@NonNull SurveyView> survey(@NonNull String token, String locale) {
        rateLimiter.acquire(ClientAddress.of(currentRequest.getCurrent().request()));
        return surveys.view(token, Collections.singletonList(locale));
    }

    @Mutation("submitSurveyResponse")
    @Description("Answers a survey once: `score` on the survey's scale, `comment` at most 2,000 characters.")
    public Uni<@NonNull ResponseReceipt> submitSurveyResponse(@NonNull String token, int score, String comment) {
        rateLimiter.acquire(ClientAddress.of(currentRequest.getCurrent().request()));
        return surveys.answer(token, parser.answer(score, comment), "graphql");
    }
}

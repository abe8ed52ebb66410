package dev.supportpulse.survey.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

import dev.supportpulse.survey.dto.ResponseReceipt;
import dev.supportpulse.survey.dto.SurveyView;
import dev.supportpulse.survey.service.RequestParser;
import dev.supportpulse.survey.service.SurveyService;

/** The public survey endpoints of surveys.md, for browsers and e-mail links: bound to a token, rate-limited. */
@Path("/v1/surveys/{token}")
@Produces(MediaType.APPLICATION_JSON)
public class SurveyResource {

    private final RateLimiter rateLimiter;
    private final BodyLimits limits;
    private final RequestParser parser;
    private final SurveyService surveys;

    public SurveyResource(RateLimiter rateLimiter, BodyLimits limits, RequestParser parser, SurveyService surveys) {
        this.rateLimiter = rateLimiter;
        this.limits = limits;
        this.parser = parser;
        this.surveys = surveys;
    }

    @GET
    @Operation(summary = "Read a survey", description = "Its kind, question and scale labels in the invitation's "
            + "language, else the one asked for by 'locale' or Accept-Language, else English; and whether it was answered.")
    @APIResponse(responseCode = "200", description = "The survey", content = @Content(schema = @Schema(implementation = SurveyView.class)))
    @APIResponse(responseCode = "404", description = "Unknown or forged token", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    @APIResponse(responseCode = "410", description = "The survey has expired", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    @APIResponse(responseCode = "429", description = "Too many requests; retry after Retry-After", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    public Uni<SurveyView> read(@PathParam("token") String token, @QueryParam("locale") String locale,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, @Context HttpServerRequest request) {
        rateLimiter.acquire(ClientAddress.of(request));
        List<String> preferred = new ArrayList<>();
        preferred.add(locale);
        if (acceptLanguage != null) {
            // "sv-SE,sv;q=0.9,en;q=0.8": browsers list languages by preference already.
            for (String entry : acceptLanguage.split(",")) {
                preferred.add(entry.split(";")[0]);
            }
        }
        return surveys.view(token, preferred);
    }

    @POST
    @Path("/responses")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a survey", description = "{\"score\": int, \"comment\": string?}. One answer per "
            + "invitation; the comment is stored as given (at most 2,000 characters).")
    @APIResponse(responseCode = "201", description = "Stored", content = @Content(schema = @Schema(implementation = ResponseReceipt.class)))
    @APIResponse(responseCode = "400", description = "Score off the scale, wrong type or oversized comment", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    @APIResponse(responseCode = "404", description = "Unknown or forged token", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    @APIResponse(responseCode = "409", description = "Already answered; nothing changed", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    @APIResponse(responseCode = "410", description = "The survey has expired", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    @APIResponse(responseCode = "429", description = "Too many requests; retry after Retry-After", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    @APIResponse(responseCode = "503", description = "Database unavailable; retry after Retry-After", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    public Uni<RestResponse<ResponseReceipt>> answer(@PathParam("token") String token,
            @Context HttpServerRequest request, byte[] body) {
        rateLimiter.acquire(ClientAddress.of(request));
        limits.check("/v1/surveys/", body.length);
        return surveys.answer(token, parser.answer(body), "rest")
                .map(receipt -> RestResponse.status(RestResponse.Status.CREATED, receipt));
    }
}

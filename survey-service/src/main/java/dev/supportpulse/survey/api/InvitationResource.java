package dev.supportpulse.survey.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

import dev.supportpulse.survey.dto.InvitationDetails;
import dev.supportpulse.survey.dto.InvitationView;
import dev.supportpulse.survey.error.InvitationNotFoundException;
import dev.supportpulse.survey.model.NewInvitation;
import dev.supportpulse.survey.service.InvitationService;
import dev.supportpulse.survey.service.RequestParser;

/** Invitations, for trusted callers (helpdesk, automation) with an API key. */
@Path("/v1/invitations")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {

    private final ApiKeys apiKeys;
    private final BodyLimits limits;
    private final RequestParser parser;
    private final InvitationService invitations;

    public InvitationResource(ApiKeys apiKeys, BodyLimits limits, RequestParser parser, InvitationService invitations) {
        this.apiKeys = apiKeys;
        this.limits = limits;
        this.parser = parser;
        this.invitations = invitations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create invitations", description = "One invitation object, or an array of them (a batch, "
            + "all or nothing). The same kind and ticket returns the invitation that exists, with created=false.")
    @APIResponse(responseCode = "201", description = "At least one invitation was created", content = @Content(schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "200", description = "Every invitation existed already", content = @Content(schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid invitations; nothing created", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    @APIResponse(responseCode = "401", description = "No valid API key or webhook signature", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    @APIResponse(responseCode = "413", description = "Body or batch over the limits", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    @APIResponse(responseCode = "503", description = "Database unavailable; retry after Retry-After", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    public Uni<RestResponse<Object>> create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("X-Signature") String signature, byte[] body) {
        apiKeys.requireKeyOrSignature(authorization, signature, body);
        limits.check("/v1/invitations", body.length);
        RequestParser.Parsed<NewInvitation> parsed = parser.invitations(body, OffsetDateTime.now());
        return invitations.create(parsed.items()).map(views -> {
            RestResponse.Status status = views.stream().anyMatch(InvitationView::created) ? RestResponse.Status.CREATED
                    : RestResponse.Status.OK;
            Object entity = parsed.array() ? views : views.get(0);
            return RestResponse.status(status, entity);
        });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read an invitation", description = "With its response, if it has one.")
    @APIResponse(responseCode = "200", description = "The invitation", content = @Content(schema = @Schema(implementation = InvitationDetails.class)))
    @APIResponse(responseCode = "404", description = "No invitation with that id", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    public Uni<InvitationDetails> find(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id) {
        apiKeys.require(authorization);
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException notUuid) {
            throw new InvitationNotFoundException(id);
        }
        return invitations.find(uuid).onItem().ifNull().failWith(() -> new InvitationNotFoundException(id));
    }

}

package dev.supportpulse.ingest.api;

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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

import dev.supportpulse.ingest.dto.EventView;
import dev.supportpulse.ingest.dto.IngestResult;
import dev.supportpulse.ingest.error.EventNotFoundException;
import dev.supportpulse.ingest.service.BatchFormat;
import dev.supportpulse.ingest.service.EventQueryService;
import dev.supportpulse.ingest.service.IngestService;

/** The ingestion API of events.md: {@code POST /v1/events}, and reading one stored event back. */
@Path("/v1/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    static final String SIGNATURE_HEADER = "X-Signature";

    private final RequestAuthenticator authenticator;
    private final IngestService ingestService;
    private final EventQueryService queryService;

    public EventResource(RequestAuthenticator authenticator, IngestService ingestService,
            EventQueryService queryService) {
        this.authenticator = authenticator;
        this.ingestService = ingestService;
        this.queryService = queryService;
    }

    @POST
    @Operation(summary = "Store events", description = "One event, a JSON array of events, or NDJSON. The whole "
            + "batch is validated first; 202 once every new event is committed. Re-sent ids count as duplicates.")
    @RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Object.class)),
            @Content(mediaType = "application/x-ndjson", schema = @Schema(implementation = String.class)) })
    @APIResponse(responseCode = "202", description = "Stored", content = @Content(schema = @Schema(implementation = IngestResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid events or malformed body; nothing stored", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    @APIResponse(responseCode = "401", description = "No valid API key or signature", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    @APIResponse(responseCode = "413", description = "Body or batch over the limits", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    @APIResponse(responseCode = "415", description = "Not JSON or NDJSON", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    @APIResponse(responseCode = "503", description = "Database unavailable; retry after Retry-After", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    public Uni<RestResponse<IngestResult>> ingest(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(SIGNATURE_HEADER) String signature, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body) {
        authenticator.requireApiKeyOrSignature(authorization, signature, body);
        return ingestService.ingest(body, BatchFormat.fromContentType(contentType))
                .map(result -> RestResponse.status(RestResponse.Status.ACCEPTED, result));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a stored event", description = "The version of the event that was kept (the first one sent).")
    @APIResponse(responseCode = "200", description = "The stored event", content = @Content(schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "404", description = "No event with that id", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    public Uni<RestResponse<EventView>> find(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id) {
        authenticator.requireApiKey(authorization);
        return queryService.find(id).onItem().ifNull().failWith(() -> new EventNotFoundException(id))
                .map(RestResponse::ok);
    }
}

package dev.supportpulse.survey.api;

import java.time.OffsetDateTime;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.mutiny.Uni;

import dev.supportpulse.survey.dto.ImportResult;
import dev.supportpulse.survey.model.ImportedResponse;
import dev.supportpulse.survey.service.ImportService;
import dev.supportpulse.survey.service.RequestParser;

/** Historical answers from another tool, for trusted callers with an API key. */
@Path("/v1/responses/import")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private final ApiKeys apiKeys;
    private final BodyLimits limits;
    private final RequestParser parser;
    private final ImportService imports;

    public ImportResource(ApiKeys apiKeys, BodyLimits limits, RequestParser parser, ImportService imports) {
        this.apiKeys = apiKeys;
        this.limits = limits;
        this.parser = parser;
        this.imports = imports;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import past answers", description = "An array of answers, each with its invitation's fields "
            + "(kind and ticketId required), sentAt, submittedAt, score and comment. Validated like live answers, all "
            + "or nothing; one answer per kind and ticket, so re-importing stores nothing twice.")
    @APIResponse(responseCode = "200", description = "Imported", content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid answers; nothing stored", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    @APIResponse(responseCode = "401", description = "No valid API key", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    @APIResponse(responseCode = "413", description = "Body or batch over the limits", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    @APIResponse(responseCode = "503", description = "Database unavailable; retry after Retry-After", content = @Content(mediaType = ProblemMapper.PROBLEM_JSON))
    public Uni<ImportResult> importResponses(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            byte[] body) {
        apiKeys.require(authorization);
        limits.check("/v1/responses/import", body.length);
        RequestParser.Parsed<ImportedResponse> parsed = parser.importedResponses(body, OffsetDateTime.now());
        return imports.importResponses(parsed.items(), parsed.array());
    }
}

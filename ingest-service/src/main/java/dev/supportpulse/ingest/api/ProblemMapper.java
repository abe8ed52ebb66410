package dev.supportpulse.ingest.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.supportpulse.ingest.config.IngestConfig;
import dev.supportpulse.ingest.error.DatabaseUnavailableException;
import dev.supportpulse.ingest.error.UnauthenticatedException;
import dev.supportpulse.ingest.service.IngestMetrics;
import dev.supportpulse.support.ProblemDetails;
import dev.supportpulse.support.ProblemException;

/** Turns every failure into RFC 9457 problem details; unknown failures become a bare 500 and a log line. */
public class ProblemMapper {

    public static final String PROBLEM_JSON = ProblemDetails.MEDIA_TYPE;
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private final IngestMetrics metrics;
    private final long retryAfterSeconds;

    public ProblemMapper(IngestMetrics metrics, IngestConfig config) {
        this.metrics = metrics;
        this.retryAfterSeconds = Math.max(1, config.ingest().retryAfter().toSeconds());
    }

    @ServerExceptionMapper
    public Response problem(ProblemException problem) {
        metrics.rejected(problem.slug());
        Response.ResponseBuilder response = Response.status(problem.status()).type(PROBLEM_JSON)
                .entity(ProblemDetails.of(problem));
        if (problem instanceof DatabaseUnavailableException) {
            LOG.warnf("Answering 503: the database is unavailable (%s)", String.valueOf(problem.getCause()));
            response.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        }
        if (problem instanceof UnauthenticatedException) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }

    /** Framework answers (unknown path, wrong method, ...) keep their status and get a problem body too. */
    @ServerExceptionMapper
    public Response framework(WebApplicationException failure) {
        Response original = failure.getResponse();
        Response.StatusType status = original.getStatusInfo();
        Response.ResponseBuilder response = Response.fromResponse(original).type(PROBLEM_JSON)
                .entity(ProblemDetails.of(status.getStatusCode(), "http-" + status.getStatusCode(),
                        status.getReasonPhrase(), status.getReasonPhrase() + "."));
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable failure) {
        LOG.error("Unexpected failure answering a request", failure);
        return Response.serverError().type(PROBLEM_JSON).entity(ProblemDetails.of(500, "internal-error",
                "Internal error", "The request failed unexpectedly; it has been logged. Nothing was acknowledged."))
                .build();
    }
}

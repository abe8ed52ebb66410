package dev.supportpulse.survey.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a body announced as larger than its endpoint's limit before it is read: an answer is small, a batch of
 * invitations is not. Bodies without a length (chunked) are measured after reading, by the resource.
 */
public class BodyLimitFilter {

    private final BodyLimits limits;

    public BodyLimitFilter(BodyLimits limits) {
        this.limits = limits;
    }

    @ServerRequestFilter(preMatching = true)
    public void rejectOversizedBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            limits.check(request.getUriInfo().getPath(), parse(length));
        }
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

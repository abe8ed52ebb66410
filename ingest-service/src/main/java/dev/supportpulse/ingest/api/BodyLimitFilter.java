package dev.supportpulse.ingest.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.supportpulse.ingest.config.IngestConfig;
import dev.supportpulse.ingest.error.PayloadTooLargeException;

/**
 * Refuses a body announced as larger than the limit before it is read, so an oversized batch costs neither memory nor
 * time. Bodies without a length (chunked) are measured after reading, by the parser.
 */
public class BodyLimitFilter {

    private final long maxBodyBytes;

    public BodyLimitFilter(IngestConfig config) {
        this.maxBodyBytes = config.ingest().maxBodySize().asLongValue();
    }

    @ServerRequestFilter(preMatching = true)
    public void rejectOversizedBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parse(length) > maxBodyBytes) {
            throw PayloadTooLargeException.forBody(maxBodyBytes);
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

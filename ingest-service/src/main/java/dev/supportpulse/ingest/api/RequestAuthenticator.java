package dev.supportpulse.ingest.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import dev.supportpulse.ingest.config.IngestConfig;
import dev.supportpulse.ingest.error.UnauthenticatedException;
import dev.supportpulse.support.CallerCredentials;

/** Checks callers of /v1/events against the configured API keys and webhook secrets ({@link CallerCredentials}). */
@ApplicationScoped
public class RequestAuthenticator {

    private static final Logger LOG = Logger.getLogger(RequestAuthenticator.class);

    private final CallerCredentials credentials;

    public RequestAuthenticator(IngestConfig config) {
        this.credentials = new CallerCredentials(config.apiKeys(), config.webhookSecrets());
    }

    void warnWhenOpenToNobody(@Observes StartupEvent event) {
        if (credentials.openToNobody()) {
            LOG.warn("Neither SUPPORTPULSE_API_KEYS nor SUPPORTPULSE_WEBHOOK_SECRETS is set: every request to "
                    + "/v1/events will be answered 401.");
        }
    }

    /** Passes a request that carries a valid API key; else fails with 401. */
    public void requireApiKey(String authorization) {
        if (!credentials.hasValidApiKey(authorization)) {
            throw new UnauthenticatedException();
        }
    }

    /** Passes a request with a valid API key or a valid signature of {@code body}; else fails with 401. */
    public void requireApiKeyOrSignature(String authorization, String signature, byte[] body) {
        if (!credentials.hasValidApiKey(authorization) && !credentials.hasValidSignature(signature, body)) {
            throw new UnauthenticatedException();
        }
    }
}

package dev.supportpulse.survey.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import dev.supportpulse.support.CallerCredentials;
import dev.supportpulse.survey.config.SurveyConfig;
import dev.supportpulse.survey.error.UnauthenticatedException;

/**
 * Checks trusted callers against the configured API keys and webhook secrets ({@link CallerCredentials}): invitations
 * take either, as a helpdesk's signed webhook sends them; reading an invitation and importing history take an API key.
 */
@ApplicationScoped
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);

    private final CallerCredentials credentials;

    public ApiKeys(SurveyConfig config) {
        this.credentials = new CallerCredentials(config.apiKeys(), config.webhookSecrets());
    }

    void warnWhenOpenToNobody(@Observes StartupEvent event) {
        if (credentials.openToNobody()) {
            LOG.warn("Neither SUPPORTPULSE_API_KEYS nor SUPPORTPULSE_WEBHOOK_SECRETS is set: every request to "
                    + "/v1/invitations and /v1/responses/import will be answered 401.");
        }
    }

    /** Passes a request that carries a valid API key; else fails with 401. */
    public void require(String authorization) {
        if (!credentials.hasValidApiKey(authorization)) {
            throw new UnauthenticatedException();
        }
    }

    /** Passes a request with a valid API key or a valid signature of {@code body}; else fails with 401. */
    public void requireKeyOrSignature(String authorization, String signature, byte[] body) {
        if (!credentials.hasValidApiKey(authorization) && !credentials.hasValidSignature(signature, body)) {
            throw new UnauthenticatedException();
        }
    }
}

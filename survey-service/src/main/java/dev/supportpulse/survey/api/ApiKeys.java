package dev.supportpulse.survey.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import dev.supportpulse.survey.config.SurveyConfig;
import dev.supportpulse.survey.error.UnauthenticatedException;

/**
 * Checks trusted callers' API keys ({@code Authorization: Bearer <key>}). Every configured key is compared in constant
 * time, so timing tells an attacker nothing about how close a guess was.
 */
@ApplicationScoped
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    private static final String BEARER = "bearer ";

    // Kept as SHA-256 digests: equal-length values to compare, whatever the length of what was sent.
    private final List<byte[]> keyDigests;

    public ApiKeys(SurveyConfig config) {
        this.keyDigests = config.apiKeys().orElse(List.of()).stream().map(String::trim).filter(k -> !k.isEmpty())
                .map(ApiKeys::sha256).toList();
    }

    void warnWhenOpenToNobody(@Observes StartupEvent event) {
        if (keyDigests.isEmpty()) {
            LOG.warn("SUPPORTPULSE_API_KEYS is not set: every request to /v1/invitations and /v1/responses/import "
                    + "will be answered 401.");
        }
    }

    /** Passes a request that carries a valid API key; else fails with 401. */
    public void require(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            throw new UnauthenticatedException();
        }
        byte[] presented = sha256(authorization.substring(BEARER.length()).trim());
        boolean valid = false;
        for (byte[] key : keyDigests) {
            valid |= MessageDigest.isEqual(presented, key);
        }
        if (!valid) {
            throw new UnauthenticatedException();
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

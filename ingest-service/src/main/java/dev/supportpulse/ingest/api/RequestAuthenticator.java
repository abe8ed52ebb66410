package dev.supportpulse.ingest.api;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import dev.supportpulse.ingest.config.IngestConfig;
import dev.supportpulse.ingest.error.UnauthenticatedException;

/**
 * Checks callers: an API key as {@code Authorization: Bearer <key>}, or for webhooks an HMAC-SHA256 signature of the
 * raw body in {@code X-Signature: sha256=<hex>}. Every configured key and secret is compared in constant time, so
 * timing tells an attacker nothing about how close a guess was.
 */
@ApplicationScoped
public class RequestAuthenticator {

    private static final Logger LOG = Logger.getLogger(RequestAuthenticator.class);
    private static final String BEARER = "bearer ";
    private static final String SIGNATURE_PREFIX = "sha256=";

    // Keys are kept as SHA-256 digests: equal-length values to compare, whatever the length of what was sent.
    private final List<byte[]> apiKeyDigests;
    private final List<SecretKeySpec> webhookSecrets;

    public RequestAuthenticator(IngestConfig config) {
        this.apiKeyDigests = config.apiKeys().orElse(List.of()).stream().map(String::trim).filter(k -> !k.isEmpty())
                .map(RequestAuthenticator::sha256).toList();
        this.webhookSecrets = config.webhookSecrets().orElse(List.of()).stream().map(String::trim)
                .filter(s -> !s.isEmpty()).map(s -> new SecretKeySpec(s.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .toList();
    }

    void warnWhenOpenToNobody(@Observes StartupEvent event) {
        if (apiKeyDigests.isEmpty() && webhookSecrets.isEmpty()) {
            LOG.warn("Neither SUPPORTPULSE_API_KEYS nor SUPPORTPULSE_WEBHOOK_SECRETS is set: every request to "
                    + "/v1/events will be answered 401.");
        }
    }

    /** Passes a request that carries a valid API key; else fails with 401. */
    public void requireApiKey(String authorization) {
        if (!hasValidApiKey(authorization)) {
            throw new UnauthenticatedException();
        }
    }

    /** Passes a request with a valid API key or a valid signature of {@code body}; else fails with 401. */
    public void requireApiKeyOrSignature(String authorization, String signature, byte[] body) {
        if (!hasValidApiKey(authorization) && !hasValidSignature(signature, body)) {
            throw new UnauthenticatedException();
        }
    }

    private boolean hasValidApiKey(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return false;
        }
        byte[] presented = sha256(authorization.substring(BEARER.length()).trim());
        boolean valid = false;
        for (byte[] key : apiKeyDigests) {
            valid |= MessageDigest.isEqual(presented, key);
        }
        return valid;
    }

    private boolean hasValidSignature(String signature, byte[] body) {
        if (signature == null || webhookSecrets.isEmpty()
                || !signature.trim().toLowerCase(Locale.ROOT).startsWith(SIGNATURE_PREFIX)) {
            return false;
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(signature.trim().substring(SIGNATURE_PREFIX.length()));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        boolean valid = false;
        for (SecretKeySpec secret : webhookSecrets) {
            valid |= MessageDigest.isEqual(presented, hmac(secret, body));
        }
        return valid;
    }

    private static byte[] hmac(SecretKeySpec secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
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

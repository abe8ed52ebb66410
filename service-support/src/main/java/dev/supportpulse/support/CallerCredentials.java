package dev.supportpulse.support;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The credentials of trusted callers (spec: an API key or an HMAC signature): an API key as
 * {@code Authorization: Bearer <key>} ({@code SUPPORTPULSE_API_KEYS}), or for webhooks an HMAC-SHA256 signature of the
 * raw body in {@code X-Signature: sha256=<hex>} ({@code SUPPORTPULSE_WEBHOOK_SECRETS}); several of each, for rotation.
 * Every configured key and secret is compared in constant time, so timing tells an attacker nothing about how close a
 * guess was.
 */
public final class CallerCredentials {

    private static final String BEARER = "bearer ";
    private static final String SIGNATURE_PREFIX = "sha256=";

    // Keys are kept as SHA-256 digests: equal-length values to compare, whatever the length of what was sent.
    private final List<byte[]> apiKeyDigests;
    private final List<SecretKeySpec> webhookSecrets;

    public CallerCredentials(Optional<List<String>> apiKeys, Optional<List<String>> webhookSecrets) {
        this.apiKeyDigests = apiKeys.orElse(List.of()).stream().map(String::trim).filter(k -> !k.isEmpty())
                .map(CallerCredentials::sha256).toList();
        this.webhookSecrets = webhookSecrets.orElse(List.of()).stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> new SecretKeySpec(s.getBytes(StandardCharsets.UTF_8), "HmacSHA256")).toList();
    }

    /** Whether no key and no secret is configured: every caller is refused. */
    public boolean openToNobody() {
        return apiKeyDigests.isEmpty() && webhookSecrets.isEmpty();
    }

    /** Whether {@code authorization} is {@code Bearer <a configured key>} (the scheme in any case). */
    public boolean hasValidApiKey(String authorization) {
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

    /** Whether {@code signature} is {@code sha256=<hex>} of {@code body} under one of the configured secrets. */
    public boolean hasValidSignature(String signature, byte[] body) {
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

package dev.supportpulse.demo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Mints a signed JWT for using metrics-service locally: keeps an RSA key pair in a folder (made on first use) and
 * prints a token whose groups claim carries the metrics roles. metrics-service verifies it with
 * {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION=<folder>/publicKey.pem} and {@code MP_JWT_VERIFY_ISSUER=<issuer>}.
 *
 * <pre>
 * java -cp demo-data.jar dev.supportpulse.demo.DemoToken --keys .demo/jwt [--issuer https://supportpulse.local]
 *      [--groups metrics-reader,metrics-admin] [--hours 24]
 * </pre>
 *
 * For local use only: production tokens come from your identity provider.
 */
public final class DemoToken {

    private static final Set<String> OPTIONS = Set.of("keys", "issuer", "groups", "hours");

    private DemoToken() {
    }

    public static void main(String[] args) throws Exception {
        CommandLine options = new CommandLine(args, OPTIONS);
        Path folder = Path.of(options.text("keys", ".demo/jwt"));
        PrivateKey key = keyIn(folder);
        long now = Instant.now().getEpochSecond();
        StringBuilder groups = new StringBuilder("[");
        for (String group : options.text("groups", "metrics-reader,metrics-admin").split(",")) {
            if (groups.length() > 1) {
                groups.append(',');
            }
            Json.writeString(groups, group.trim());
        }
        groups.append(']');
        StringBuilder claims = new StringBuilder("{\"iss\":");
        Json.writeString(claims, options.text("issuer", "https://supportpulse.local"));
        claims.append(",\"sub\":\"demo\",\"upn\":\"demo@supportpulse.local\",\"groups\":").append(groups)
                .append(",\"iat\":").append(now).append(",\"exp\":").append(now + 3600 * options.number("hours", 24))
                .append('}');
        String unsigned = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64Url(claims.toString());
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(unsigned.getBytes(StandardCharsets.US_ASCII));
        System.out.println(unsigned + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign()));
    }

    /** The private key kept in the folder; a new pair is written there on first use. */
    private static PrivateKey keyIn(Path folder) throws Exception {
        Path privateFile = folder.resolve("privateKey.pem");
        if (!Files.exists(privateFile)) {
            Files.createDirectories(folder);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(folder.resolve("publicKey.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        }
        String pem = Files.readString(privateFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}

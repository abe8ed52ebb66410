package dev.supportpulse.ingest.api;

import static dev.supportpulse.ingest.support.TestEvent.event;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import dev.supportpulse.ingest.support.EventTable;

/** API keys (test profile: test-key, rotated-key) and webhook signatures (test-secret, previous-secret). */
@QuarkusTest
class AuthenticationTest {

    private static final String BODY = event("auth-1", "ticket.created").ticket("T1").channel("email").json();
    private static final String UNAUTHENTICATED_DETAIL = "Send a valid API key as 'Authorization: Bearer <key>' "
            + "or sign the body in 'X-Signature: sha256=<hex>'.";

    final EventTable table = EventTable.current();

    @BeforeEach
    void emptyLog() {
        table.clear();
    }

    private static RequestSpecification request() {
        return given().contentType("application/json").body(BODY.getBytes(StandardCharsets.UTF_8));
    }

    static String sign(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Every 401 looks the same, so a caller cannot tell which part was wrong. */
    private void unauthenticated(ValidatableResponse response) {
        response.statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:supportpulse:problem:unauthenticated"))
                .body("detail", equalTo(UNAUTHENTICATED_DETAIL));
        assertEquals(0, table.count());
    }

    @Test
    void everyConfiguredApiKeyIsAccepted() {
        request().header("Authorization", "Bearer test-key").post("/v1/events").then().statusCode(202);
        // The second key, as during a rotation, works too; the scheme name is case-insensitive.
        request().header("Authorization", "bearer rotated-key").post("/v1/events").then().statusCode(202)
                .body("duplicates", equalTo(1));
    }

    @Test
    void requestsWithoutValidCredentialsAreUnauthenticated() {
        unauthenticated(request().post("/v1/events").then());
        unauthenticated(request().header("Authorization", "Bearer wrong-key").post("/v1/events").then());
        unauthenticated(request().header("Authorization", "Bearer test-key-and-more").post("/v1/events").then());
        unauthenticated(request().header("Authorization", "Basic dGVzdC1rZXk6").post("/v1/events").then());
        unauthenticated(request().header("Authorization", "Bearer ").post("/v1/events").then());
    }

    @Test
    void unauthenticatedRequestsLearnNothingAboutTheirBody() {
        // An invalid batch without credentials is a 401, not a 400 that would describe the validation rules.
        unauthenticated(given().contentType("application/json").body("[{\"nonsense\":1}]").post("/v1/events").then());
    }

    @Test
    void aWebhookSignedWithAnyConfiguredSecretIsAccepted() throws Exception {
        request().header("X-Signature", sign("test-secret", BODY)).post("/v1/events").then().statusCode(202)
                .body("accepted", equalTo(1));
        request().header("X-Signature", sign("previous-secret", BODY)).post("/v1/events").then().statusCode(202)
                .body("duplicates", equalTo(1));
    }

    @Test
    void badSignaturesAreUnauthenticated() throws Exception {
        unauthenticated(request().header("X-Signature", sign("other-secret", BODY)).post("/v1/events").then());
        // Signed over a different body than the one sent: the body was tampered with.
        String tampered = sign("test-secret", BODY.replace("T1", "T2"));
        unauthenticated(request().header("X-Signature", tampered).post("/v1/events").then());
        unauthenticated(
                request().header("X-Signature", sign("test-secret", BODY).substring(7)).post("/v1/events").then());
        unauthenticated(request().header("X-Signature", "sha256=not-hex").post("/v1/events").then());
        unauthenticated(request().header("X-Signature", "sha256=").post("/v1/events").then());
    }

    @Test
    void readingEventsBackNeedsAnApiKey() {
        unauthenticated(given().get("/v1/events/auth-1").then());
        given().header("Authorization", "Bearer test-key").get("/v1/events/auth-1").then().statusCode(404);
    }
}

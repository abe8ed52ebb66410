package dev.supportpulse.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts event batches to {@code /v1/events} as a well-behaved sender: waits for the 202, retries 503 and 429 after
 * their Retry-After (re-sending is safe: ingest de-duplicates by id), and fails loudly on anything else.
 */
public final class EventPoster {

    /** What the service answered to one batch, and how long the whole exchange took. */
    public record Answer(int accepted, int duplicates, long nanos) {
    }

    private static final Pattern COUNTS = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+).*\"duplicates\"\\s*:\\s*(\\d+)");
    private static final int MAX_ATTEMPTS = 10;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final String apiKey;

    public EventPoster(String baseUrl, String apiKey) {
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/v1/events");
        this.apiKey = apiKey;
    }

    /** Sends one JSON array body; completes with the answer or fails with what the service said. */
    public CompletableFuture<Answer> post(byte[] body) {
        return attempt(body, 1, System.nanoTime());
    }

    private CompletableFuture<Answer> attempt(byte[] body, int attempt, long started) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            int status = response.statusCode();
            if (status == 202) {
                Matcher counts = COUNTS.matcher(response.body());
                if (!counts.find()) {
                    throw new IllegalStateException("202 without counts: " + response.body());
                }
                return CompletableFuture.completedFuture(new Answer(Integer.parseInt(counts.group(1)),
                        Integer.parseInt(counts.group(2)), System.nanoTime() - started));
            }
            if ((status == 503 || status == 429) && attempt < MAX_ATTEMPTS) {
                long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
                return CompletableFuture
                        .supplyAsync(() -> null,
                                CompletableFuture.delayedExecutor(wait, java.util.concurrent.TimeUnit.SECONDS))
                        .thenCompose(ignored -> attempt(body, attempt + 1, started));
            }
            throw new IllegalStateException("POST " + endpoint + " answered " + status + ": " + response.body());
        });
    }

    /** Fails fast with a clear message when nothing listens at the URL. */
    public void requireReachable() {
        try {
            client.send(
                    HttpRequest.newBuilder(endpoint.resolve("/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException("nothing answers at " + endpoint.resolve("/") + " (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

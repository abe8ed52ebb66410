package dev.supportpulse.demo;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts event batches to {@code /v1/events} as a well-behaved sender: waits for the 202, retries 503 and 429 after
 * their Retry-After (re-sending is safe: ingest de-duplicates by id) a bounded number of times, and fails with the
 * service's own words on anything else. The same sender serves survey-service's batch endpoints, which are idempotent
 * too ({@link Api}).
 */
public final class EventPoster {

    /**
     * A batch endpoint of a SupportPulse service and how it acknowledges a batch.
     *
     * @param service
     *            the service's name, for the message when nothing listens
     * @param statuses
     *            the statuses that acknowledge a batch
     * @param stored
     *            counts the items the acknowledgement says were new
     * @param repeated
     *            counts the items it says were there already
     */
    public record Api(String service, String path, Set<Integer> statuses, ToIntFunction<String> stored,
            ToIntFunction<String> repeated) {
    }

    /** ingest-service's {@code POST /v1/events}: {@code 202 {"accepted": n, "duplicates": d}}. */
    public static final Api EVENTS = new Api("ingest-service", "/v1/events", Set.of(202), field("accepted"),
            field("duplicates"));

    /**
     * What the service answered to one batch.
     *
     * @param attempts
     *            1 when the first request was accepted; more after 503 or 429 answers
     * @param nanos
     *            the whole exchange, retries and their waits included
     */
    public record Answer(int accepted, int duplicates, int attempts, long nanos) {
    }

    /** The service refused a batch; the message holds its status and problem+json body. */
    public static final class RejectedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RejectedException(String message) {
            super(message);
        }
    }

    private static final int MAX_ATTEMPTS = 8;
    /** Longest Retry-After honoured, so that a misconfigured service cannot park the sender for hours. */
    private static final long MAX_RETRY_AFTER_SECONDS = 60;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Api api;
    private final URI endpoint;
    private final String apiKey;

    public EventPoster(String baseUrl, String apiKey) {
        this(baseUrl, apiKey, EVENTS);
    }

    public EventPoster(String baseUrl, String apiKey, Api api) {
        this.api = api;
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + api.path());
        this.apiKey = apiKey;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Sends one JSON array body; completes with the answer, or fails with a {@link RejectedException}. */
    public CompletableFuture<Answer> post(byte[] body) {
        return attempt(body, 1, System.nanoTime());
    }

    /** Fails fast, with a message that says so, when nothing answers HTTP at the URL. */
    public void requireReachable() {
        URI health = endpoint.resolve("/q/health/ready");
        try {
            client.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (ConnectException e) {
            throw new IllegalStateException("nothing listens at " + endpoint.resolve("/") + " (connection refused): is "
                    + api.service() + " running there?");
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + endpoint.resolve("/") + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking " + health);
        }
    }

    private CompletableFuture<Answer> attempt(byte[] body, int attempt, long started) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            int status = response.statusCode();
            if (api.statuses().contains(status)) {
                return CompletableFuture.completedFuture(new Answer(api.stored().applyAsInt(response.body()),
                        api.repeated().applyAsInt(response.body()), attempt, System.nanoTime() - started));
            }
            if (status == 503 || status == 429) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new RejectedException("POST " + endpoint + " still answered " + status + " after "
                            + MAX_ATTEMPTS + " attempts: " + response.body());
                }
                long wait = Math.min(MAX_RETRY_AFTER_SECONDS, retryAfterSeconds(response));
                return CompletableFuture
                        .supplyAsync(() -> null, CompletableFuture.delayedExecutor(wait, TimeUnit.SECONDS))
                        .thenCompose(ignored -> attempt(body, attempt + 1, started));
            }
            throw new RejectedException("POST " + endpoint + " answered " + status + ":\n" + response.body());
        });
    }

    /** Retry-After in seconds; the HTTP-date form and a missing header both mean "a moment" (1 s, then more). */
    private static long retryAfterSeconds(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse("1").trim();
        try {
            return Math.max(0, Long.parseLong(value));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Reads a whole-number field of an acknowledgement such as {@code {"accepted": 1000}}. */
    public static ToIntFunction<String> field(String name) {
        Pattern field = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)");
        return body -> {
            Matcher matcher = field.matcher(body);
            if (!matcher.find()) {
                throw new RejectedException("an acknowledgement without \"" + name + "\" in its body: " + body);
            }
            return Integer.parseInt(matcher.group(1));
        };
    }

    /** Counts the occurrences of a pattern, such as {@code "created": true} in an array of answers. */
    public static ToIntFunction<String> occurrences(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return body -> (int) pattern.matcher(body).results().count();
    }
}

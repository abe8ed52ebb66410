package dev.supportpulse.metrics.api;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import dev.supportpulse.metrics.config.MetricsConfig;
import dev.supportpulse.metrics.config.ResponseCacheConfig;
import dev.supportpulse.metrics.config.SecurityConfig;
import dev.supportpulse.metrics.service.Watermarks;
import dev.supportpulse.support.GraphQLOverHttp;
import dev.supportpulse.support.GraphQLResponseCache;

/**
 * Whole GraphQL responses of queries, kept by the request (document, operation, variables, response type, the caller's
 * Authorization) and the watermark of what answers are computed from: a dashboard refreshing while no event arrives
 * gets the same text back without parsing, executing or serialising anything. Any new event, survey change or SLA
 * policy change moves the watermark, so freshness is the answer cache's own. Not kept: mutations, answers with errors,
 * answers that the clock alone can change (marked by {@link MetricQueries}), and answers for a token whose {@code exp}
 * has passed. A request is only served from here when a watermark read younger than
 * {@code supportpulse.metrics.watermark-max-age} is at hand (one is read every half max age); otherwise it executes.
 */
@Singleton
public class CachedResponses implements GraphQLResponseCache {

    /** Headers of the strings, records and map entry around one kept response. */
    private static final long ENTRY_OVERHEAD = 400;

    /** Set on the request by a resolver whose answer changes with the clock alone: the response is not kept. */
    static final String CHANGES_WITH_THE_CLOCK = "supportpulse.metrics.changes-with-the-clock";

    record Key(String query, String operationName, String variables, String contentType, String authorization,
            String watermark) {

        /**
         * Bytes this key and its response take at most: two a character (strings beyond Latin-1 take two), and the
         * objects around them.
         */
        long weight(String body) {
            long characters = query.length() + String.valueOf(operationName).length()
                    + String.valueOf(variables).length() + contentType.length() + String.valueOf(authorization).length()
                    + watermark.length() + body.length();
            return 2 * characters + ENTRY_OVERHEAD;
        }
    }

    private record Kept(String body, long expiresAtMillis, long weight) {
    }

    private final Watermarks watermarks;
    private final boolean securityEnabled;
    private final long capacityBytes;
    private final Map<Key, Kept> kept = new LinkedHashMap<>(256, 0.75f, true);
    private long weight;
    private final Counter hits;
    private final Counter misses;

    /**
     * Keeps a watermark read younger than its maximum age at hand while the cache is on, one small read per half the
     * maximum age (so that a read's age stays under it, the read's own time included): a dashboard refreshing every
     * half minute then finds one too, and is answered without executing.
     */
    void keepTheWatermarkAtHand(@Observes StartupEvent started, Vertx vertx, MetricsConfig metrics) {
        long period = metrics.watermarkMaxAge().toMillis() / 2;
        if (capacityBytes > 0 && period > 0) {
            vertx.setPeriodic(period, timer -> watermarks.refresh().subscribe().with(watermark -> {
            }, failure -> {
                // The database is away: requests execute, and report it.
            }));
        }
    }

    public CachedResponses(Watermarks watermarks, SecurityConfig security, ResponseCacheConfig config,
            MeterRegistry registry) {
        this.watermarks = watermarks;
        this.securityEnabled = security.enabled();
        this.capacityBytes = config.size().asLongValue();
        this.hits = Counter.builder("supportpulse.metrics.responses").tag("cache", "hit")
                .description("GraphQL responses served again without executing").register(registry);
        this.misses = Counter.builder("supportpulse.metrics.responses").tag("cache", "miss")
                .description("GraphQL query responses executed").register(registry);
    }

    @Override
    public Object key(RoutingContext ctx, JsonObject request, String contentType) {
        if (capacityBytes == 0) {
            return null;
        }
        String query = request.getString("query");
        String operationName = request.containsKey("operationName") ? request.getString("operationName") : null;
        if (GraphQLOverHttp.isMutation(query, operationName)) {
            return null;
        }
        String authorization = securityEnabled ? ctx.request().getHeader(HttpHeaders.AUTHORIZATION) : null;
        if (securityEnabled && authorization == null) {
            return null;
        }
        String watermark = watermarks.latest();
        if (watermark == null) {
            misses.increment();
            return null;
        }
        return new Key(query, operationName, String.valueOf(request.get("variables")), contentType, authorization,
                watermark);
    }

    @Override
    public synchronized String get(Object key, RoutingContext ctx) {
        Kept answer = kept.get(key);
        if (answer != null && System.currentTimeMillis() >= answer.expiresAtMillis()) {
            // The token it was kept for has expired: it is never served again.
            kept.remove(key);
            weight -= answer.weight();
            answer = null;
        }
        (answer == null ? misses : hits).increment();
        return answer == null ? null : answer.body();
    }

    @Override
    public void offer(Object key, RoutingContext ctx, String body) {
        if (Boolean.TRUE.equals(ctx.get(CHANGES_WITH_THE_CLOCK))
                || securityEnabled && !Boolean.TRUE.equals(ctx.get(AccessGuard.VERIFIED))) {
            return;
        }
        Key request = (Key) key;
        long expiresAt = securityEnabled ? expiryOf(request.authorization()) : Long.MAX_VALUE;
        long answerWeight = request.weight(body);
        if (expiresAt <= System.currentTimeMillis() || answerWeight > capacityBytes / 4) {
            return;
        }
        synchronized (this) {
            Kept replaced = kept.put(request, new Kept(body, expiresAt, answerWeight));
            weight += answerWeight - (replaced == null ? 0 : replaced.weight());
            var eldest = kept.entrySet().iterator();
            while (weight > capacityBytes && eldest.hasNext()) {
                weight -= eldest.next().getValue().weight();
                eldest.remove();
            }
        }
    }

    /**
     * When a bearer JWT expires, in epoch milliseconds; 0 when it has no readable {@code exp}. Only answers of requests
     * whose token {@link AccessGuard} verified are kept; only its time is read here.
     */
    static long expiryOf(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return 0;
        }
        String[] parts = authorization.substring(7).trim().split("\\.");
        if (parts.length != 3) {
            return 0;
        }
        try (JsonReader reader = Json.createReader(
                new StringReader(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))) {
            JsonObject claims = reader.readObject();
            return claims.get("exp") instanceof JsonNumber exp ? exp.longValue() * 1000 : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }
}

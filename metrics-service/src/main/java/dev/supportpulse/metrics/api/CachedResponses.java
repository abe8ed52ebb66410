package dev.supportpulse.metrics.api;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Singleton;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

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
 * {@code supportpulse.metrics.watermark-max-age} is at hand; otherwise it executes (and the read is renewed).
 */
@Singleton
public class CachedResponses implements GraphQLResponseCache {

    /** Set on the request by a resolver whose answer changes with the clock alone: the response is not kept. */
    static final String CHANGES_WITH_THE_CLOCK = "supportpulse.metrics.changes-with-the-clock";

    record Key(String query, String operationName, String variables, String contentType, String authorization,
            String watermark) {

        /** Characters this key and its response hold, as what the cache's memory is counted in. */
        long weight(String body) {
            return query.length() + String.valueOf(variables).length() + String.valueOf(authorization).length()
                    + watermark.length() + body.length();
        }
    }

    private record Kept(String body, long expiresAtMillis, long weight) {
    }

    private final Watermarks watermarks;
    private final boolean securityEnabled;
    private final long capacityChars;
    private final Map<Key, Kept> kept = new LinkedHashMap<>(256, 0.75f, true);
    private long weight;
    private final Counter hits;
    private final Counter misses;

    public CachedResponses(Watermarks watermarks, SecurityConfig security, ResponseCacheConfig config,
            MeterRegistry registry) {
        this.watermarks = watermarks;
        this.securityEnabled = security.enabled();
        // Java strings of this text are mostly Latin-1: about a byte a character.
        this.capacityChars = config.size().asLongValue();
        this.hits = Counter.builder("supportpulse.metrics.responses").tag("cache", "hit")
                .description("GraphQL responses served again without executing").register(registry);
        this.misses = Counter.builder("supportpulse.metrics.responses").tag("cache", "miss")
                .description("GraphQL query responses executed").register(registry);
    }

    @Override
    public Object key(RoutingContext ctx, JsonObject request, String contentType) {
        if (capacityChars == 0) {
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
        if (answer != null && System.currentTimeMillis() < answer.expiresAtMillis()) {
            hits.increment();
            return answer.body();
        }
        misses.increment();
        return null;
    }

    @Override
    public void offer(Object key, RoutingContext ctx, String body) {
        if (Boolean.TRUE.equals(ctx.get(CHANGES_WITH_THE_CLOCK))) {
            return;
        }
        Key request = (Key) key;
        long expiresAt = securityEnabled ? expiryOf(request.authorization()) : Long.MAX_VALUE;
        long answerWeight = request.weight(body);
        if (expiresAt <= System.currentTimeMillis() || answerWeight > capacityChars / 4) {
            return;
        }
        synchronized (this) {
            Kept replaced = kept.put(request, new Kept(body, expiresAt, answerWeight));
            weight += answerWeight - (replaced == null ? 0 : replaced.weight());
            var eldest = kept.entrySet().iterator();
            while (weight > capacityChars && eldest.hasNext()) {
                weight -= eldest.next().getValue().weight();
                eldest.remove();
            }
        }
    }

    /**
     * When a bearer JWT expires, in epoch milliseconds; 0 when it has no readable {@code exp}. The token was verified
     * by the execution whose answer is offered (every metric field runs behind {@link AccessGuard}); only its time is
     * read here.
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

package dev.supportpulse.survey.api;

import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.supportpulse.survey.config.SurveyConfig;
import dev.supportpulse.survey.error.RateLimitedException;

/**
 * A token bucket per client address for the public endpoints: {@code burst} requests at once, then
 * {@code requests-per-minute}. In memory, so per replica: with N replicas behind a balancer a client gets up to N times
 * the rate, which still stops a script stuffing answers. Behind a proxy, enable Quarkus's forwarded-header support
 * (QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING) so that the address is the client's, not the proxy's.
 */
@ApplicationScoped
public class RateLimiter {

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }
    }

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final double burst;
    private final double tokensPerNano;
    private final int trackedClients;

    public RateLimiter(SurveyConfig config) {
        SurveyConfig.RateLimit limit = config.survey().rateLimit();
        this.burst = Math.max(1, limit.burst());
        this.tokensPerNano = Math.max(1, limit.requestsPerMinute()) / 60e9;
        this.trackedClients = limit.trackedClients();
    }

    /** Takes one request from the client's allowance, or fails with 429 and how long to wait. */
    public void acquire(String client) {
        long now = System.nanoTime();
        if (buckets.size() > trackedClients) {
            forgetIdle(now);
        }
        double[] shortfall = new double[1];
        buckets.compute(client, (address, bucket) -> {
            Bucket current = bucket == null ? new Bucket(burst, now) : bucket;
            current.tokens = Math.min(burst, current.tokens + (now - current.refilledAt) * tokensPerNano);
            current.refilledAt = now;
            if (current.tokens >= 1) {
                current.tokens -= 1;
            } else {
                shortfall[0] = 1 - current.tokens;
            }
            return current;
        });
        if (shortfall[0] > 0) {
            throw new RateLimitedException((long) Math.ceil(shortfall[0] / tokensPerNano / 1e9));
        }
    }

    // A bucket that has refilled completely is the same as no bucket: dropping it changes nothing for its client.
    private void forgetIdle(long now) {
        buckets.values().removeIf(bucket -> bucket.tokens + (now - bucket.refilledAt) * tokensPerNano >= burst);
        if (buckets.size() > trackedClients) {
            // Under a flood of distinct addresses, forget rather than grow without bound.
            buckets.clear();
        }
    }
}

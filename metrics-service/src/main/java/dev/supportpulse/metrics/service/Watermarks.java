package dev.supportpulse.metrics.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.supportpulse.metrics.config.MetricsConfig;
import dev.supportpulse.metrics.repository.MetricRepository;

/**
 * The watermark that answer-cache keys carry, read from the database at most once per {@code watermark-max-age}: a
 * dashboard asking for eight metrics, or a hundred dashboards in the same instant, share one read. The age adds to the
 * projection's delay, and both together stay well inside the 1 s freshness promise.
 */
@ApplicationScoped
public class Watermarks {

    private final MetricRepository repository;
    private final long maxAgeNanos;
    private volatile Uni<String> recent;
    private volatile long readAt;
    /** The value of the latest completed read, and when that read started. */
    private volatile Read latest;

    private record Read(String watermark, long startedAt) {
    }

    public Watermarks(MetricRepository repository, MetricsConfig config) {
        this.repository = repository;
        this.maxAgeNanos = config.watermarkMaxAge().toNanos();
    }

    /** The current watermark, or one read less than the maximum age ago. */
    public Uni<String> current() {
        if (maxAgeNanos == 0) {
            return repository.watermark();
        }
        long now = System.nanoTime();
        Uni<String> shared = recent;
        if (shared != null && now - readAt < maxAgeNanos) {
            return shared;
        }
        return read(now);
    }

    /** Reads the watermark now, whatever the age of the shared read; the requests after it share this one. */
    public Uni<String> refresh() {
        return maxAgeNanos == 0 ? repository.watermark() : read(System.nanoTime());
    }

    private Uni<String> read(long now) {
        Uni<String> read = repository.watermark().invoke(watermark -> latest = new Read(watermark, now)).onFailure()
                .invoke(failure -> recent = null).memoize().atLeast(Duration.ofNanos(maxAgeNanos));
        readAt = now;
        recent = read;
        return read;
    }

    /** Drops the shared read, after a change made here (an SLA policy) that the next request must see. */
    public void forget() {
        recent = null;
        latest = null;
    }

    /**
     * The watermark of a read that started less than the maximum age ago and has completed, without waiting; null when
     * there is none, in which case a read starts in the background so that the next caller finds one.
     */
    public String latest() {
        if (maxAgeNanos == 0) {
            return null;
        }
        Read read = latest;
        if (read != null && System.nanoTime() - read.startedAt() < maxAgeNanos) {
            return read.watermark();
        }
        current().subscribe().with(watermark -> {
        }, failure -> {
        });
        return null;
    }
}

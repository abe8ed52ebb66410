package dev.supportpulse.ingest.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The operational meters of event intake (exported at /q/metrics in Prometheus format). */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;
    private final Counter accepted;
    private final Counter duplicates;
    private final DistributionSummary batchSize;
    private final Timer storeLatency;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = Counter.builder("supportpulse.ingest.events.accepted")
                .description("Events stored for the first time").baseUnit("events").register(registry);
        this.duplicates = Counter.builder("supportpulse.ingest.events.duplicates")
                .description("Events whose id was already stored (re-sends)").baseUnit("events").register(registry);
        this.batchSize = DistributionSummary.builder("supportpulse.ingest.batch.size")
                .description("Events per accepted request").baseUnit("events").publishPercentileHistogram()
                .minimumExpectedValue(1.0).maximumExpectedValue(10_000.0).register(registry);
        this.storeLatency = Timer.builder("supportpulse.ingest.batch.duration")
                .description("Time from a parsed request to its committed batch").publishPercentileHistogram()
                .register(registry);
    }

    public void stored(int batch, int newEvents, Duration took) {
        batchSize.record(batch);
        accepted.increment(newEvents);
        duplicates.increment(batch - newEvents);
        storeLatency.record(took);
    }

    /** A request rejected for {@code reason} (a problem slug such as {@code invalid-events}). */
    public void rejected(String reason) {
        registry.counter("supportpulse.ingest.requests.rejected", "reason", reason).increment();
    }
}

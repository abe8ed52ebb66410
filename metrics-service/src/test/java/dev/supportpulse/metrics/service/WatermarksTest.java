package dev.supportpulse.metrics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

import dev.supportpulse.metrics.config.MetricsConfig;
import dev.supportpulse.metrics.repository.MetricRepository;

/** One watermark read serves the requests of the next max-age; a failed read serves none. */
class WatermarksTest {

    /** Counts its reads; the n-th read answers "w<n>", or fails while {@code failing} is set. */
    private static final class CountingRepository extends MetricRepository {
        final AtomicInteger reads = new AtomicInteger();
        volatile boolean failing;

        CountingRepository() {
            super(null, config(Duration.ZERO));
        }

        @Override
        public Uni<String> watermark() {
            return Uni.createFrom().item(() -> {
                int read = reads.incrementAndGet();
                if (failing) {
                    throw new IllegalStateException("database gone");
                }
                return "w" + read;
            });
        }
    }

    @Test
    void readsWithinTheMaximumAgeShareOneRead() throws Exception {
        CountingRepository repository = new CountingRepository();
        Watermarks watermarks = new Watermarks(repository, config(Duration.ofMillis(300)));
        assertEquals("w1", watermarks.current().await().indefinitely());
        assertEquals("w1", watermarks.current().await().indefinitely());
        assertEquals(1, repository.reads.get());
        Thread.sleep(400);
        assertEquals("w2", watermarks.current().await().indefinitely());
        assertEquals(2, repository.reads.get());
    }

    @Test
    void aFailedReadIsNotShared() {
        CountingRepository repository = new CountingRepository();
        Watermarks watermarks = new Watermarks(repository, config(Duration.ofSeconds(60)));
        repository.failing = true;
        assertThrows(IllegalStateException.class, () -> watermarks.current().await().indefinitely());
        repository.failing = false;
        assertEquals("w2", watermarks.current().await().indefinitely());
    }

    @Test
    void aMaximumAgeOfZeroReadsEveryTime() {
        CountingRepository repository = new CountingRepository();
        Watermarks watermarks = new Watermarks(repository, config(Duration.ZERO));
        watermarks.current().await().indefinitely();
        watermarks.current().await().indefinitely();
        assertEquals(2, repository.reads.get());
    }

    private static MetricsConfig config(Duration watermarkMaxAge) {
        return new MetricsConfig() {
            @Override
            public Projection projection() {
                return null;
            }

            @Override
            public Duration serviceLevelThreshold() {
                return Duration.ofSeconds(20);
            }

            @Override
            public Duration queryTimeout() {
                return Duration.ofSeconds(30);
            }

            @Override
            public int cachedAnswers() {
                return 0;
            }

            @Override
            public Duration watermarkMaxAge() {
                return watermarkMaxAge;
            }

            @Override
            public int maxPoints() {
                return 5000;
            }

            @Override
            public boolean rollupsEnabled() {
                return true;
            }

            @Override
            public int durationPointStatements() {
                return 2;
            }

            @Override
            public Duration dataQualityInterval() {
                return Duration.ofSeconds(60);
            }
        };
    }
}

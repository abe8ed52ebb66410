package dev.supportpulse.metrics.service;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

import dev.supportpulse.metrics.config.MetricsConfig;
import dev.supportpulse.metrics.repository.ReadPool;

/**
 * The data-quality report metrics.md asks for: tickets whose events came stamped before their ticket's creation (clocks
 * out of step at the source), whose durations therefore count as 0. Counted from the per-ticket facts, where each
 * ticket's events are already gathered, every {@code supportpulse.metrics.data-quality-interval}: checking each event
 * as ingest-service stores it cut ingest's throughput by a quarter in the benchmark (an index look-up per event).
 */
@ApplicationScoped
public class DataQuality {

    private static final Logger LOG = Logger.getLogger(DataQuality.class);

    /** The durations metrics.md clamps at 0 when their end is stamped before the creation. */
    private static final String STAMPED_BEFORE_CREATION = """
            SELECT count(*) FROM metrics.tickets
            WHERE created_at IS NOT NULL
              AND (first_reply_at < created_at OR first_assigned_at < created_at OR resolved_at < created_at)
            """;

    private final Pool pool;
    private final Vertx vertx;
    private final MetricsConfig config;
    /** -1 until the first count: the gauge then reads as missing data rather than as a clean zero. */
    private final AtomicLong stampedBeforeCreation = new AtomicLong(-1);
    private long timer = -1;

    public DataQuality(@ReadPool Pool pool, Vertx vertx, MetricsConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
        Gauge.builder("supportpulse.metrics.tickets.stamped.before.creation", stampedBeforeCreation,
                count -> count.get() < 0 ? Double.NaN : count.get())
                .description("Tickets whose first public reply, first assignment or resolution is stamped before "
                        + "their ticket.created (out of order at the source); their durations count as 0")
                .baseUnit("tickets").register(registry);
    }

    void start(@Observes StartupEvent event) {
        count();
        timer = vertx.setPeriodic(config.dataQualityInterval().toMillis(), tick -> count());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != -1) {
            vertx.cancelTimer(timer);
        }
    }

    private void count() {
        pool.query(STAMPED_BEFORE_CREATION).execute().subscribe().with(
                rows -> stampedBeforeCreation.set(rows.iterator().next().getLong(0)),
                failure -> LOG.debugf("Data-quality count failed, keeping the last one: %s", failure.getMessage()));
    }
}

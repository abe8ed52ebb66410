package dev.supportpulse.metrics.service;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

import dev.supportpulse.metrics.config.MetricsConfig;
import dev.supportpulse.metrics.repository.TicketProjectionRepository;

/**
 * Follows the event log: projects batch after batch while there are new events, then polls at the configured interval.
 * Survives a missing database or a not-yet-created event log by trying again at the next tick.
 */
@ApplicationScoped
public class ProjectionService {

    private static final Logger LOG = Logger.getLogger(ProjectionService.class);

    private final TicketProjectionRepository repository;
    private final MetricsConfig.Projection config;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean failing;
    private long timer = -1;

    public ProjectionService(TicketProjectionRepository repository, MetricsConfig config, Vertx vertx) {
        this.repository = repository;
        this.config = config.projection();
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            timer = vertx.setPeriodic(config.pollInterval().toMillis(), tick -> catchUpInBackground());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != -1) {
            vertx.cancelTimer(timer);
        }
    }

    /** Projects until nothing new is left; completes with the number of events projected. */
    public Uni<Long> catchUp() {
        return repository.projectNextBatch(config.batchEvents()).flatMap(projected -> projected < config.batchEvents()
                ? Uni.createFrom().item((long) projected) : catchUp().map(more -> projected + more));
    }

    private void catchUpInBackground() {
        // One catch-up at a time: a tick that finds one running has nothing to add.
        if (!running.compareAndSet(false, true)) {
            return;
        }
        catchUp().ifNoItem().after(Duration.ofMinutes(10)).fail().subscribe().with(projected -> {
            running.set(false);
            if (failing) {
                LOG.info("Projection of the event log resumed");
                failing = false;
            }
        }, failure -> {
            running.set(false);
            if (!failing) {
                LOG.warnf("Projection of the event log failed, retrying every %s: %s", config.pollInterval(),
                        failure.getMessage());
                failing = true;
            }
        });
    }
}

package dev.supportpulse.metrics.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

import dev.supportpulse.metrics.config.MetricsConfig;
import dev.supportpulse.metrics.repository.SurveyProjectionRepository;
import dev.supportpulse.metrics.repository.TicketProjectionRepository;

/**
 * Follows the event log (each of its partitions at once) and survey-service's change log: projects batch after batch
 * while there is something new, then polls at the configured interval. They follow independently, so that one source
 * missing (no database yet, an event log or survey schema not created yet) holds back only its own metrics; each tries
 * again at the next tick.
 */
@ApplicationScoped
public class ProjectionService {

    private static final Logger LOG = Logger.getLogger(ProjectionService.class);

    private final MetricsConfig.Projection config;
    private final Vertx vertx;
    /** One follower per partition of the event log, each on its own connection, so PostgreSQL can run them at once. */
    private final List<Follower> events = new ArrayList<>();
    private final Follower surveys;
    private long timer = -1;

    public ProjectionService(TicketProjectionRepository tickets, SurveyProjectionRepository surveyChanges,
            MetricsConfig config, Vertx vertx) {
        this.config = config.projection();
        this.vertx = vertx;
        for (int partition = 0; partition < tickets.partitions(); partition++) {
            int projected = partition;
            events.add(new Follower("partition " + partition + " of the event log",
                    batch -> tickets.projectNextBatch(projected, batch)));
        }
        this.surveys = new Follower("the survey change log", surveyChanges::projectNextBatch);
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            timer = vertx.setPeriodic(config.pollInterval().toMillis(), tick -> {
                events.forEach(Follower::catchUpInBackground);
                surveys.catchUpInBackground();
            });
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != -1) {
            vertx.cancelTimer(timer);
        }
    }

    /**
     * Projects events (partition after partition), then survey changes, until nothing new is left; completes with the
     * number projected: the events of the log (each partition goes past all of them, projecting its own) and the survey
     * changes.
     */
    public Uni<Long> catchUp() {
        Uni<Long> events = Uni.createFrom().item(0L);
        for (Follower partition : this.events) {
            events = events.flatMap(most -> partition.catchUp().map(passed -> Math.max(most, passed)));
        }
        return events.flatMap(passed -> surveys.catchUp().map(changes -> passed + changes));
    }

    /** One source followed batch by batch, with its own turn and its own failure state. */
    private final class Follower {

        private final String source;
        private final IntFunction<Uni<Integer>> nextBatch;
        private final AtomicBoolean running = new AtomicBoolean();
        private volatile boolean failing;

        Follower(String source, IntFunction<Uni<Integer>> nextBatch) {
            this.source = source;
            this.nextBatch = nextBatch;
        }

        Uni<Long> catchUp() {
            return nextBatch.apply(config.batchEvents()).flatMap(projected -> projected < config.batchEvents()
                    ? Uni.createFrom().item((long) projected) : catchUp().map(more -> projected + more));
        }

        void catchUpInBackground() {
            // One catch-up at a time: a tick that finds one running has nothing to add.
            if (!running.compareAndSet(false, true)) {
                return;
            }
            catchUp().ifNoItem().after(Duration.ofMinutes(10)).fail().subscribe().with(projected -> {
                running.set(false);
                if (failing) {
                    LOG.infof("Projection of %s resumed", source);
                    failing = false;
                }
            }, failure -> {
                running.set(false);
                if (!failing) {
                    LOG.warnf("Projection of %s failed, retrying every %s: %s", source, config.pollInterval(),
                            failure.getMessage());
                    failing = true;
                }
            });
        }
    }
}

package dev.supportpulse.survey.service;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;

import dev.supportpulse.survey.repository.InvitationRepository;
import dev.supportpulse.survey.repository.ResponseRepository;

/**
 * Runs the customer path's Hibernate queries once at start-up. Their first run prepares Hibernate's query plans on the
 * event loop, seconds on a busy machine: paid here, not by the first customer, whose answer could otherwise run into
 * the database time-out.
 */
@ApplicationScoped
public class QueryWarmUp {

    private static final Logger LOG = Logger.getLogger(QueryWarmUp.class);
    /** A database that is down at start-up delays the start by no more than this. */
    private static final Duration WAIT = Duration.ofSeconds(5);

    void warmUp(@Observes StartupEvent event, InvitationRepository invitations, ResponseRepository responses) {
        try {
            // Panache needs a Vert.x context; start-up runs on the main thread, which may wait for it.
            VertxContextSupport
                    .subscribeAndAwait(() -> Panache
                            .withSession(() -> invitations.findByToken("warm-up")
                                    .flatMap(none -> responses.findById(UUID.randomUUID())))
                            .ifNoItem().after(WAIT).fail());
        } catch (Throwable failure) {
            LOG.infof("Could not prepare the survey queries at start-up (%s); the first request will.", failure);
        }
    }
}

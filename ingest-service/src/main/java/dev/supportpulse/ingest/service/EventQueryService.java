package dev.supportpulse.ingest.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

import dev.supportpulse.ingest.config.IngestConfig;
import dev.supportpulse.ingest.dto.EventView;
import dev.supportpulse.ingest.error.DatabaseUnavailableException;
import dev.supportpulse.ingest.model.StoredEvent;
import dev.supportpulse.ingest.repository.EventRepository;
import dev.supportpulse.support.DatabaseFailures;

/** Reads stored events back, so that a sender can see which version of an event was kept. */
@ApplicationScoped
public class EventQueryService {

    private final EventRepository repository;
    private final Duration databaseTimeout;

    public EventQueryService(EventRepository repository, IngestConfig config) {
        this.repository = repository;
        this.databaseTimeout = config.ingest().databaseTimeout();
    }

    /** The stored event with that id, or a null item when there is none. */
    @WithSession
    public Uni<EventView> find(String eventId) {
        return repository.findByEventId(eventId).ifNoItem().after(databaseTimeout).fail()
                .onFailure(DatabaseFailures::isTransient).transform(DatabaseUnavailableException::new)
                .map(EventQueryService::toView);
    }

    private static EventView toView(StoredEvent event) {
        if (event == null) {
            return null;
        }
        return new EventView(event.eventId, event.type, event.occurredAt, event.ticketId, event.contactId,
                event.agentId, event.teamId, event.customerId, event.channel, event.region, event.attributes, event.seq,
                event.receivedAt);
    }
}

package dev.supportpulse.ingest.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.supportpulse.ingest.config.IngestConfig;
import dev.supportpulse.ingest.dto.IngestResult;
import dev.supportpulse.ingest.dto.Violation;
import dev.supportpulse.ingest.error.DatabaseUnavailableException;
import dev.supportpulse.ingest.error.InvalidEventsException;
import dev.supportpulse.ingest.model.IncomingEvent;
import dev.supportpulse.ingest.repository.EventRepository;
import dev.supportpulse.ingest.service.EventBatchParser.RawEvent;
import dev.supportpulse.support.DatabaseFailures;

/** Takes a batch of events: validates all of it, then stores the new events in one statement, or nothing. */
@ApplicationScoped
public class IngestService {

    private final EventBatchParser parser;
    private final EventValidator validator;
    private final EventRepository repository;
    private final IngestMetrics metrics;
    private final IngestConfig.Ingest limits;

    public IngestService(EventBatchParser parser, EventValidator validator, EventRepository repository,
            IngestMetrics metrics, IngestConfig config) {
        this.parser = parser;
        this.validator = validator;
        this.repository = repository;
        this.metrics = metrics;
        this.limits = config.ingest();
    }

    /**
     * Validates and stores a request body. Fails with a problem exception (invalid events, malformed body, batch too
     * large) before touching the database, or with {@link DatabaseUnavailableException} when the store cannot be
     * reached within the configured time; either way nothing is acknowledged.
     */
    public Uni<IngestResult> ingest(byte[] body, BatchFormat format) {
        List<IncomingEvent> events = validate(parser.parse(body, format));
        List<IncomingEvent> distinct = distinctInLockOrder(events);
        long started = System.nanoTime();
        return repository.insertNew(distinct).ifNoItem().after(limits.databaseTimeout()).fail()
                .onFailure(DatabaseFailures::isTransient).transform(DatabaseUnavailableException::new)
                .map(inserted -> new IngestResult(inserted, events.size() - inserted)).invoke(result -> metrics
                        .stored(events.size(), result.accepted(), Duration.ofNanos(System.nanoTime() - started)));
    }

    private List<IncomingEvent> validate(List<RawEvent> rawEvents) {
        List<Violation> violations = new ArrayList<>();
        List<IncomingEvent> events = new ArrayList<>(rawEvents.size());
        for (RawEvent raw : rawEvents) {
            IncomingEvent event = validator.validate(raw, violations);
            if (event != null) {
                events.add(event);
            }
        }
        if (!violations.isEmpty()) {
            int listed = Math.min(violations.size(), limits.maxListedErrors());
            throw new InvalidEventsException(violations.subList(0, listed), violations.size() - listed);
        }
        return events;
    }

    /**
     * The first event of each id (the contract: the first version wins), sorted by id. Two concurrent batches that
     * share ids then take their row locks in the same order, so they wait for each other instead of deadlocking.
     */
    private static List<IncomingEvent> distinctInLockOrder(List<IncomingEvent> events) {
        Map<String, IncomingEvent> firstById = new LinkedHashMap<>(events.size() * 2);
        for (IncomingEvent event : events) {
            firstById.putIfAbsent(event.id(), event);
        }
        List<IncomingEvent> distinct = new ArrayList<>(firstById.values());
        distinct.sort(Comparator.comparing(IncomingEvent::id));
        return distinct;
    }
}

package dev.supportpulse.ingest.error;

import dev.supportpulse.support.ProblemException;

/** No stored event has the id asked for. */
public class EventNotFoundException extends ProblemException {

    public EventNotFoundException(String eventId) {
        super(404, "event-not-found", "Event not found", "No event with id '" + eventId + "' is stored.");
    }
}

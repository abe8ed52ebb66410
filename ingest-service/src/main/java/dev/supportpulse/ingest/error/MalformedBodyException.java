package dev.supportpulse.ingest.error;

import dev.supportpulse.support.ProblemException;

/** A body that is not an event, an array of events or NDJSON at all: empty, not JSON, or the wrong JSON shape. */
public class MalformedBodyException extends ProblemException {

    public MalformedBodyException(String detail) {
        super(400, "malformed-body", "Malformed request body", detail + " Nothing was stored.");
    }
}

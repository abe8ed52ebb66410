package dev.supportpulse.ingest.error;

import java.util.List;
import java.util.Map;

import dev.supportpulse.ingest.dto.Violation;
import dev.supportpulse.support.ProblemException;

/** A batch with at least one invalid event; it is rejected whole and every bad event is named. */
public class InvalidEventsException extends ProblemException {

    private final List<Violation> errors;
    private final int unlistedErrors;

    public InvalidEventsException(List<Violation> errors, int unlistedErrors) {
        super(400, "invalid-events", "Invalid events", describe(errors.size() + unlistedErrors));
        this.errors = List.copyOf(errors);
        this.unlistedErrors = unlistedErrors;
    }

    private static String describe(int count) {
        return count + (count == 1 ? " error" : " errors") + " in the batch; nothing was stored. Fix and resend it.";
    }

    public List<Violation> errors() {
        return errors;
    }

    @Override
    public Map<String, Object> extensions() {
        return unlistedErrors == 0 ? Map.of("errors", errors)
                : Map.of("errors", errors, "unlistedErrors", unlistedErrors);
    }
}

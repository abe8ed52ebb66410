package dev.supportpulse.survey.error;

import java.util.Map;

import dev.supportpulse.support.ProblemException;

/** A body or batch over the configured limits, refused before anything is stored. */
public class PayloadTooLargeException extends ProblemException {

    private final Map<String, Object> limit;

    private PayloadTooLargeException(String detail, Map<String, Object> limit) {
        super(413, "payload-too-large", "Payload too large", detail);
        this.limit = limit;
    }

    public static PayloadTooLargeException forBody(long maxBytes) {
        return new PayloadTooLargeException("The body is larger than the limit of " + maxBytes + " bytes.",
                Map.of("maxBytes", maxBytes));
    }

    public static PayloadTooLargeException forBatch(int size, int maxItems) {
        return new PayloadTooLargeException(
                "The batch has " + size + " items; at most " + maxItems + " are accepted in one request.",
                Map.of("maxItems", maxItems));
    }

    @Override
    public Map<String, Object> extensions() {
        return limit;
    }
}

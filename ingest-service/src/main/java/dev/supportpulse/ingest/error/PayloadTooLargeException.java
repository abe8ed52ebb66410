package dev.supportpulse.ingest.error;

import dev.supportpulse.support.ProblemException;

/** A body or batch over the configured limits. */
public class PayloadTooLargeException extends ProblemException {

    public PayloadTooLargeException(String detail) {
        super(413, "payload-too-large", "Payload too large", detail + " Nothing was stored; split the batch.");
    }

    public static PayloadTooLargeException forBody(long maxBodyBytes) {
        return new PayloadTooLargeException(
                "The body is larger than " + maxBodyBytes + " bytes, the most one request may carry.");
    }
}

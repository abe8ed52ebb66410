package dev.supportpulse.ingest.error;

import dev.supportpulse.support.ProblemException;

/** A body in a content type the endpoint does not read. */
public class UnsupportedMediaTypeException extends ProblemException {

    public UnsupportedMediaTypeException(String detail) {
        super(415, "unsupported-media-type", "Unsupported media type", detail);
    }
}

package dev.supportpulse.survey.error;

import dev.supportpulse.support.ProblemException;

/** A body that is not declared as JSON. */
public class UnsupportedMediaTypeException extends ProblemException {

    public UnsupportedMediaTypeException(String contentType) {
        super(415, "unsupported-media-type", "Unsupported media type", "Send the body as application/json, not "
                + (contentType == null ? "without a Content-Type" : "'" + contentType + "'") + ".");
    }
}

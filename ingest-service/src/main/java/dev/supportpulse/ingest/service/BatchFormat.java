package dev.supportpulse.ingest.service;

import java.util.Locale;

import dev.supportpulse.ingest.error.UnsupportedMediaTypeException;

/** How a request body holds its events: JSON (one object or an array) or NDJSON (one object per line). */
public enum BatchFormat {
    JSON, NDJSON;

    /** The format of a {@code Content-Type} header value; anything else is a 415. */
    public static BatchFormat fromContentType(String contentType) {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (mediaType) {
        case "application/json" -> JSON;
        case "application/x-ndjson", "application/ndjson", "application/jsonl" -> NDJSON;
        default -> throw new UnsupportedMediaTypeException((mediaType.isEmpty() ? "No Content-Type"
                : "Content-Type '" + mediaType + "' is not supported")
                + "; send 'application/json' (one event or an array) or 'application/x-ndjson' (one event per line).");
        };
    }
}

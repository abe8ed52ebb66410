package dev.supportpulse.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 9457 problem details as every SupportPulse REST service writes them. */
public final class ProblemDetails {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:supportpulse:problem:";

    private ProblemDetails() {
    }

    /** The body for a problem, with its extensions after the standard members. */
    public static Map<String, Object> of(ProblemException problem) {
        Map<String, Object> body = of(problem.status(), problem.slug(), problem.title(), problem.getMessage());
        body.putAll(problem.extensions());
        return body;
    }

    /** A body with the standard members; {@code slug} names the type ({@code urn:supportpulse:problem:<slug>}). */
    public static Map<String, Object> of(int status, String slug, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + slug);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }
}

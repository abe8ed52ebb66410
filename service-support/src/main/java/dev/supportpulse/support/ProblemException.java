package dev.supportpulse.support;

import java.util.Map;

/**
 * A failure the client is told about: as RFC 9457 problem details on REST (see {@link ProblemDetails}), and where a
 * service also speaks GraphQL, with the subclass's {@code @ErrorCode} as {@code extensions.code}. Each subclass fixes
 * the status and problem type.
 */
public abstract class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;

    protected ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, null);
    }

    protected ProblemException(int status, String slug, String title, String detail, Throwable cause) {
        super(detail, cause, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    /** A short stable name of the problem, used in the problem type URI and as the metrics tag. */
    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** Members added to the problem body beside type, title, status and detail. */
    public Map<String, Object> extensions() {
        return Map.of();
    }
}

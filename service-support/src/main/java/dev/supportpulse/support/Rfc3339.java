package dev.supportpulse.support;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Timestamps as the contracts take them: RFC 3339 date-times, which are stricter than java.time's ISO 8601. */
public final class Rfc3339 {

    /**
     * Seconds and a full offset are required (ISO 8601 lets both go: java.time takes 2026-03-02T09:00+01), 'T' and 'Z'
     * in either case, a fraction of up to nine digits (java.time's nanoseconds).
     */
    private static final Pattern DATE_TIME = Pattern
            .compile("\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

    private Rfc3339() {
    }

    /** The date-time, or null when {@code text} is not one (a leap second, 23:59:60, is not taken). */
    public static OffsetDateTime parse(String text) {
        if (text == null || !DATE_TIME.matcher(text).matches()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

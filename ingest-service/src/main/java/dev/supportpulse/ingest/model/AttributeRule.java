package dev.supportpulse.ingest.model;

import java.util.Set;

/**
 * What one attribute of an event type must look like: its name, whether it is required, and its kind.
 *
 * @param allowed
 *            the permitted values of an {@link Kind#ENUM} attribute, else empty
 * @param minimum
 *            the smallest permitted value of a numeric attribute
 * @param maximum
 *            the largest permitted value of a numeric attribute
 */
public record AttributeRule(String name, boolean required, Kind kind, Set<String> allowed, double minimum,
        double maximum) {

    /** The JSON shape an attribute must have. */
    public enum Kind {
        TEXT,
        /** A text that must be lower-case, like the envelope's {@code channel}. */
        CHANNEL, BOOLEAN, INTEGER, DECIMAL, ENUM, DATE, CURRENCY
    }

    public static AttributeRule text(String name) {
        return new AttributeRule(name, false, Kind.TEXT, Set.of(), 0, 0);
    }

    public static AttributeRule channel(String name) {
        return new AttributeRule(name, false, Kind.CHANNEL, Set.of(), 0, 0);
    }

    public static AttributeRule bool(String name) {
        return new AttributeRule(name, false, Kind.BOOLEAN, Set.of(), 0, 0);
    }

    public static AttributeRule integer(String name, long minimum) {
        return new AttributeRule(name, false, Kind.INTEGER, Set.of(), minimum, Long.MAX_VALUE);
    }

    public static AttributeRule decimal(String name, double minimum, double maximum) {
        return new AttributeRule(name, false, Kind.DECIMAL, Set.of(), minimum, maximum);
    }

    public static AttributeRule oneOf(String name, String... allowed) {
        return new AttributeRule(name, false, Kind.ENUM, Set.of(allowed), 0, 0);
    }

    public static AttributeRule date(String name) {
        return new AttributeRule(name, false, Kind.DATE, Set.of(), 0, 0);
    }

    public static AttributeRule currency(String name) {
        return new AttributeRule(name, false, Kind.CURRENCY, Set.of(), 0, 0);
    }

    /** The same rule, with the attribute required. */
    public AttributeRule mandatory() {
        return new AttributeRule(name, true, kind, allowed, minimum, maximum);
    }
}

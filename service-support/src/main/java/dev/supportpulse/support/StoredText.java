package dev.supportpulse.support;

/** What PostgreSQL can store as text or jsonb, checked before a value is accepted as input. */
public final class StoredText {

    /** How a refused value is told: the message of a field holding U+0000. */
    public static final String NUL_MESSAGE = "must not contain the NUL character (U+0000).";

    private StoredText() {
    }

    /**
     * Whether {@code text} holds U+0000, which PostgreSQL's text and jsonb cannot store: such a value would fail its
     * statement (a 500) instead of being refused as bad input.
     */
    public static boolean holdsNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }
}

package dev.supportpulse.demo;

import java.time.Duration;
import java.time.Instant;

/**
 * What a demo data set holds: its seed, its size in tickets, a cap on the number of events, and the time span it
 * covers. The same settings always give the same events, byte for byte.
 *
 * @param maxEvents
 *            the stream stops after this many events ({@link Long#MAX_VALUE}: no cap)
 * @param start
 *            the first instant of the span (inclusive)
 * @param end
 *            the end of the span (exclusive); events after it "have not happened yet" and are left out
 */
public record DemoSettings(long seed, int tickets, long maxEvents, Instant start, Instant end) {

    /** A fixed end, never "now": a data set must not depend on the day it is generated. */
    public static final Instant DEFAULT_END = Instant.parse("2026-11-01T00:00:00Z");
    public static final Duration DEFAULT_SPAN = Duration.ofDays(365);

    /**
     * Events per ticket, all kinds together, that {@link #forEvents} can count on. The mean is about 8 (measured by
     * {@code DemoDataGeneratorTest}); sizing for a little less leaves headroom so that the cap, not the ticket count,
     * ends the stream.
     */
    static final double EVENTS_PER_TICKET_FLOOR = 7.8;

    public DemoSettings {
        if (tickets < 1) {
            throw new IllegalArgumentException("a data set needs at least one ticket, not " + tickets);
        }
        if (maxEvents < 0) {
            throw new IllegalArgumentException("the event cap must not be negative, not " + maxEvents);
        }
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("the span must start before it ends: " + start + " .. " + end);
        }
    }

    /** {@code tickets} tickets with everything around them, over the 365 days before {@link #DEFAULT_END}. */
    public static DemoSettings of(long seed, int tickets) {
        return new DemoSettings(seed, tickets, Long.MAX_VALUE, DEFAULT_END.minus(DEFAULT_SPAN), DEFAULT_END);
    }

    /** Exactly {@code events} events: enough tickets for them over the default span, cut at the count. */
    public static DemoSettings forEvents(long seed, long events) {
        long tickets = (long) Math.ceil(events / EVENTS_PER_TICKET_FLOOR) + 50;
        if (tickets > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many events for one data set: " + events);
        }
        return of(seed, (int) tickets).withMaxEvents(events);
    }

    public DemoSettings withMaxEvents(long cap) {
        return new DemoSettings(seed, tickets, cap, start, end);
    }

    public DemoSettings withSpan(Instant spanStart, Instant spanEnd) {
        return new DemoSettings(seed, tickets, maxEvents, spanStart, spanEnd);
    }
}

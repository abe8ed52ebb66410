package dev.supportpulse.demo;

import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Events scheduled but not yet handed out, earliest first. Only what lies ahead of the generator's sweep waits here
 * (the rest of open tickets, customers' next purchases), never the whole data set.
 */
final class Agenda {

    private final PriorityQueue<EventDraft> queue = new PriorityQueue<>(
            Comparator.<EventDraft, Instant> comparing(draft -> draft.at).thenComparingLong(draft -> draft.order));
    private final Instant start;
    private final Instant end;
    private long scheduled;
    private int peak;

    Agenda(Instant start, Instant end) {
        this.start = start;
        this.end = end;
    }

    /** Schedules an event; one outside the span is dropped (after the end it has not happened yet). */
    void add(EventDraft draft) {
        if (draft.at.isBefore(start) || !draft.at.isBefore(end)) {
            return;
        }
        draft.order = scheduled++;
        queue.add(draft);
        peak = Math.max(peak, queue.size());
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** The time of the earliest scheduled event; only when not empty. */
    Instant nextTime() {
        return queue.peek().at;
    }

    EventDraft poll() {
        return queue.poll();
    }

    /** The most events that ever waited at once: the generator's memory use, in events. */
    int peak() {
        return peak;
    }
}

package dev.supportpulse.demo;

import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import dev.supportpulse.demo.EventPoster.Answer;

/**
 * Sends request bodies through an {@link EventPoster} with a fixed number in flight, stops at the first failure, and
 * totals what the service answered.
 */
public final class BatchSender {

    /**
     * The answers to all batches of one run.
     *
     * @param retried
     *            batches that needed more than one attempt (503 or 429 first)
     * @param latencyNanos
     *            per batch, in sending order: from its first request to its acknowledgement (202 for events)
     */
    public record Totals(int batches, long accepted, long duplicates, int retried, long[] latencyNanos,
            double seconds) {
    }

    private final EventPoster poster;
    private final int concurrency;
    private long accepted;
    private long duplicates;
    private int retried;
    private long[] latencies = new long[256];
    private int batches;

    public BatchSender(EventPoster poster, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        this.poster = poster;
        this.concurrency = concurrency;
    }

    /**
     * Sends every body; returns when all are answered.
     *
     * @throws EventPoster.RejectedException
     *             when the service refused a batch (its answer is in the message)
     * @throws IllegalStateException
     *             when a request failed on the way (connection lost, time-out)
     */
    public Totals send(Iterator<byte[]> bodies) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long started = System.nanoTime();
        int index = 0;
        while (failure.get() == null && bodies.hasNext()) {
            byte[] body = bodies.next();
            inFlight.acquire();
            if (failure.get() != null) {
                inFlight.release();
                break;
            }
            int batch = index++;
            poster.post(body).whenComplete((answer, error) -> {
                try {
                    if (error != null) {
                        failure.compareAndSet(null, error instanceof CompletionException ? error.getCause() : error);
                    } else {
                        record(batch, answer);
                    }
                } finally {
                    inFlight.release();
                }
            });
        }
        inFlight.acquire(concurrency);
        double seconds = (System.nanoTime() - started) / 1e9;
        Throwable error = failure.get();
        if (error instanceof RuntimeException rejected) {
            throw rejected;
        }
        if (error != null) {
            throw new IllegalStateException("POST " + poster.endpoint() + " failed: " + error, error);
        }
        synchronized (this) {
            return new Totals(batches, accepted, duplicates, retried, Arrays.copyOf(latencies, batches), seconds);
        }
    }

    private synchronized void record(int batch, Answer answer) {
        if (batch >= latencies.length) {
            latencies = Arrays.copyOf(latencies, Math.max(batch + 1, latencies.length * 2));
        }
        latencies[batch] = answer.nanos();
        batches = Math.max(batches, batch + 1);
        accepted += answer.accepted();
        duplicates += answer.duplicates();
        retried += answer.attempts() > 1 ? 1 : 0;
    }
}

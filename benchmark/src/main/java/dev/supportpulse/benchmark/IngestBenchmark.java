package dev.supportpulse.benchmark;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import dev.supportpulse.demo.CommandLine;
import dev.supportpulse.demo.DemoDataGenerator;
import dev.supportpulse.demo.DemoEvent;
import dev.supportpulse.demo.DemoLoader;
import dev.supportpulse.demo.EventPoster;

/**
 * Event intake over HTTP against its natural ceiling, a plain PostgreSQL COPY of the same rows into the same table
 * (same indexes, same defaults), measured in one run. Generation and serialisation happen up front, outside both
 * measurements.
 *
 * <pre>
 * java -jar benchmark/target/benchmark-0.1.0-SNAPSHOT.jar --url http://127.0.0.1:8081 --api-key KEY
 *      --jdbc jdbc:postgresql://127.0.0.1:5432/supportpulse --user postgres [--password P]
 *      [--events 1000000] [--batch 1000] [--concurrency 4] [--seed 7]
 * </pre>
 *
 * It empties {@code ingest.events} twice: point it at a database whose events you can lose.
 */
public final class IngestBenchmark {

    private static final Set<String> OPTIONS = Set.of("url", "api-key", "jdbc", "user", "password", "events", "batch",
            "concurrency", "seed");

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        CommandLine options = new CommandLine(args, OPTIONS);
        int events = (int) options.number("events", 1_000_000);
        int batchSize = (int) options.number("batch", 1000);
        int concurrency = (int) options.number("concurrency", 4);
        long seed = options.number("seed", 7);
        EventPoster poster = new EventPoster(options.text("url", "http://127.0.0.1:8081"),
                options.text("api-key", "demo-key"));
        poster.requireReachable();

        System.out.printf("generating %,d demo events (seed %d) ...%n", events, seed);
        // About 9.5 events per ticket: ask for enough tickets, then cap at the exact count.
        DemoDataGenerator.Settings settings = DemoDataGenerator.Settings.of(seed, events / 8 + 1);
        List<byte[]> bodies = new ArrayList<>();
        StringBuilder rows = new StringBuilder(events * 220);
        Iterator<DemoEvent> stream = DemoDataGenerator.stream(settings).limit(events).iterator();
        List<DemoEvent> batch = new ArrayList<>(batchSize);
        while (stream.hasNext()) {
            DemoEvent event = stream.next();
            CopyRows.append(rows, event);
            batch.add(event);
            if (batch.size() == batchSize || !stream.hasNext()) {
                bodies.add(DemoLoader.jsonArray(batch));
                batch.clear();
            }
        }
        byte[] copyData = rows.toString().getBytes(StandardCharsets.UTF_8);
        rows = null;

        try (Connection db = DriverManager.getConnection(
                options.text("jdbc", "jdbc:postgresql://127.0.0.1:5432/supportpulse"), options.text("user", "postgres"),
                options.text("password", ""))) {
            truncate(db);
            double copySeconds = copy(db, copyData);
            requireCount(db, events);

            truncate(db);
            long[] latencies = new long[bodies.size()];
            double httpSeconds = post(poster, bodies, concurrency, latencies, events);
            requireCount(db, events);

            Arrays.sort(latencies);
            System.out.println();
            System.out.printf("%-44s %12s %10s %12s%n", "method", "events", "seconds", "events/s");
            System.out.printf("%-44s %,12d %10.2f %,12.0f%n", "PostgreSQL COPY (one stream, one transaction)", events,
                    copySeconds, events / copySeconds);
            System.out.printf("%-44s %,12d %10.2f %,12.0f%n",
                    String.format("HTTP POST /v1/events (%d/batch, %d in " + "flight)", batchSize, concurrency), events,
                    httpSeconds, events / httpSeconds);
            System.out.printf("%nHTTP / COPY throughput ratio: %.2f%n", copySeconds / httpSeconds);
            System.out.printf("HTTP batch latency: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                    percentile(latencies, 0.50), percentile(latencies, 0.95), percentile(latencies, 0.99));
        }
    }

    private static void truncate(Connection db) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute("TRUNCATE ingest.events RESTART IDENTITY");
            // A checkpoint now, so neither run pays for the other's dirty pages.
            statement.execute("CHECKPOINT");
        }
    }

    private static double copy(Connection db, byte[] data) throws Exception {
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        long started = System.nanoTime();
        long copied = copy.copyIn("COPY ingest.events (" + CopyRows.COLUMNS + ") FROM STDIN",
                new ByteArrayInputStream(data));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("COPY: %,d rows in %.2f s%n", copied, seconds);
        return seconds;
    }

    private static double post(EventPoster poster, List<byte[]> bodies, int concurrency, long[] latencies, int events)
            throws Exception {
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicLong accepted = new AtomicLong();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < bodies.size(); i++) {
            int index = i;
            inFlight.acquire();
            sent.add(poster.post(bodies.get(i)).whenComplete((answer, failure) -> {
                inFlight.release();
                if (answer != null) {
                    accepted.addAndGet(answer.accepted());
                    latencies[index] = answer.nanos();
                }
            }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (accepted.get() != events) {
            throw new IllegalStateException("accepted " + accepted.get() + " of " + events + " events");
        }
        System.out.printf("HTTP: %,d events accepted in %.2f s%n", accepted.get(), seconds);
        return seconds;
    }

    private static void requireCount(Connection db, long expected) throws Exception {
        try (Statement statement = db.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM ingest.events")) {
            count.next();
            if (count.getLong(1) != expected) {
                throw new IllegalStateException("ingest.events holds " + count.getLong(1) + " rows, not " + expected);
            }
        }
    }

    private static double percentile(long[] sortedNanos, double quantile) {
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(quantile * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }
}

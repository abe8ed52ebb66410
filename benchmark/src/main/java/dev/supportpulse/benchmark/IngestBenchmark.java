package dev.supportpulse.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import dev.supportpulse.demo.BatchSender;
import dev.supportpulse.demo.CommandLine;
import dev.supportpulse.demo.EventPoster;

/**
 * Event intake over HTTP against its natural ceiling, a plain PostgreSQL COPY of the same rows into the same table
 * (same indexes, same defaults), measured in one run. Generation and serialisation happen up front, outside both
 * measurements.
 * <p>
 * It empties {@code ingest.events} twice: point it at a database whose events you can lose.
 */
public final class IngestBenchmark {

    static final String USAGE = """
            usage: java -jar benchmark/target/benchmark-0.1.0-SNAPSHOT.jar [options]
              --url URL         ingest-service (default http://127.0.0.1:8081)
              --api-key KEY     its API key (default demo-key)
              --jdbc URL        its database (default jdbc:postgresql://127.0.0.1:5432/supportpulse); EMPTIED twice
              --user U          database user (default postgres)
              --password P      database password (default none)
              --events N        events per run (default 1000000)
              --batch N         events per POST (default 1000)
              --concurrency N   POSTs in flight (default 4)
              --seed S          seed of the demo data (default 7)""";

    private static final Set<String> OPTIONS = Set.of("url", "api-key", "jdbc", "user", "password", "events", "batch",
            "concurrency", "seed");

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        CommandLine options;
        try {
            options = new CommandLine(args, OPTIONS);
            options.positive("events", 1);
            options.positive("batch", 1);
            options.positive("concurrency", 1);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        try {
            run(options);
        } catch (EventPoster.RejectedException | IllegalStateException | SQLException e) {
            System.err.println("benchmark failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(CommandLine options) throws Exception {
        int events = (int) Math.min(Integer.MAX_VALUE, options.positive("events", 1_000_000));
        int batchSize = (int) options.positive("batch", 1000);
        int concurrency = (int) options.positive("concurrency", 4);
        long seed = options.number("seed", 7);
        String jdbc = options.text("jdbc", "jdbc:postgresql://127.0.0.1:5432/supportpulse");
        EventPoster poster = new EventPoster(options.text("url", "http://127.0.0.1:8081"),
                options.text("api-key", "demo-key"));

        // Both ends first: a missing service or database should fail in seconds, not after generating.
        poster.requireReachable();
        try (Connection db = DriverManager.getConnection(jdbc, options.text("user", "postgres"),
                options.text("password", ""))) {
            EventTable table = new EventTable(db);
            table.requireExists();
            System.out.printf("ingest benchmark: %,d demo events (seed %d), %,d per batch, %d POSTs in flight%n",
                    events, seed, batchSize, concurrency);
            System.out.printf("service %s, PostgreSQL %s at %s, %d CPUs, Java %s%n", poster.endpoint(),
                    table.serverVersion(), jdbc, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));

            long started = System.nanoTime();
            PreparedEvents prepared = PreparedEvents.generate(seed, events, batchSize);
            System.out.printf(
                    "generated up front in %.1f s (not measured): %,d bodies, %,d MB JSON, %,d MB COPY rows%n",
                    seconds(started), prepared.httpBodies().size(), prepared.httpBytes() >> 20,
                    prepared.copyBytes() >> 20);

            double copySeconds = copy(table, prepared);
            BatchSender.Totals http = post(table, poster, prepared, concurrency);
            report(prepared, batchSize, concurrency, copySeconds, http);
        }
    }

    /** Baseline: all rows in one COPY statement, one transaction. */
    private static double copy(EventTable table, PreparedEvents prepared) throws SQLException {
        table.empty();
        long started = System.nanoTime();
        long copied = table.copy(prepared.copyChunks());
        double seconds = seconds(started);
        requireRows(table, prepared.events(), "after COPY");
        if (copied != prepared.events()) {
            throw new IllegalStateException("COPY reported " + copied + " rows, not " + prepared.events());
        }
        System.out.printf("COPY: %,d rows in %.2f s%n", copied, seconds);
        return seconds;
    }

    /** The service: every batch must end in a 202, and the table must hold every event exactly once. */
    private static BatchSender.Totals post(EventTable table, EventPoster poster, PreparedEvents prepared,
            int concurrency) throws SQLException, InterruptedException {
        table.empty();
        BatchSender.Totals totals = new BatchSender(poster, concurrency).send(prepared.httpBodies().iterator());
        if (totals.accepted() != prepared.events() || totals.duplicates() != 0) {
            throw new IllegalStateException("the service accepted " + totals.accepted() + " and counted "
                    + totals.duplicates() + " duplicates of " + prepared.events() + " new events");
        }
        requireRows(table, prepared.events(), "after HTTP");
        System.out.printf("HTTP: %,d events accepted in %.2f s%n", totals.accepted(), totals.seconds());
        return totals;
    }

    private static void report(PreparedEvents prepared, int batchSize, int concurrency, double copySeconds,
            BatchSender.Totals http) {
        int events = prepared.events();
        String row = "%-50s %,11d %9.2f %,11.0f%n";
        System.out.println();
        System.out.printf("%-50s %11s %9s %11s%n", "method", "events", "seconds", "events/s");
        System.out.printf(row, "PostgreSQL COPY (one statement, one transaction)", events, copySeconds,
                events / copySeconds);
        System.out.printf(row,
                String.format("HTTP POST /v1/events (%,d per batch, %d in flight)", batchSize, concurrency), events,
                http.seconds(), events / http.seconds());
        System.out.println();
        System.out.printf("HTTP/COPY throughput ratio: %.3f (COPY is %.1f× faster)%n", copySeconds / http.seconds(),
                http.seconds() / copySeconds);
        Percentiles latency = new Percentiles(http.latencyNanos());
        System.out.printf("HTTP batch latency over %,d batches: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                http.batches(), latency.millis(0.50), latency.millis(0.95), latency.millis(0.99), latency.millis(1));
        if (http.retried() > 0) {
            System.out.printf("note: %,d batches were answered 503/429 first and retried (their waits are in the "
                    + "latency and the HTTP time)%n", http.retried());
        }
    }

    private static void requireRows(EventTable table, long expected, String when) throws SQLException {
        long rows = table.count();
        if (rows != expected) {
            throw new IllegalStateException("ingest.events holds " + rows + " rows " + when + ", not " + expected);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}

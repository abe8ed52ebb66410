package dev.supportpulse.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads the demo data set through the real ingestion API, or writes it as NDJSON.
 *
 * <pre>
 * java -jar demo-data.jar --url http://127.0.0.1:8081 --api-key KEY [--tickets 5000] [--events N] [--seed 42]
 *                         [--batch 1000] [--concurrency 4]
 * java -jar demo-data.jar --out events.ndjson [--tickets 5000] [--events N] [--seed 42]
 * </pre>
 */
public final class DemoLoader {

    private static final Set<String> OPTIONS = Set.of("url", "api-key", "tickets", "events", "seed", "batch",
            "concurrency", "out");

    private DemoLoader() {
    }

    public static void main(String[] args) throws Exception {
        CommandLine options;
        try {
            options = new CommandLine(args, OPTIONS);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        DemoDataGenerator.Settings settings = DemoDataGenerator.Settings.of(options.number("seed", 42),
                (int) options.number("tickets", 5000));
        long limit = options.number("events", Long.MAX_VALUE);
        Iterator<DemoEvent> events = DemoDataGenerator.stream(settings).limit(limit).iterator();
        if (options.has("out")) {
            long written = writeNdjson(events, Path.of(options.text("out", "")));
            System.err.printf("wrote %,d events to %s%n", written, options.text("out", ""));
            return;
        }
        if (!options.has("url") || !options.has("api-key")) {
            System.err.println("give --url and --api-key to load through the API, or --out FILE to write NDJSON");
            System.exit(2);
        }
        EventPoster poster = new EventPoster(options.text("url", ""), options.text("api-key", ""));
        poster.requireReachable();
        load(events, poster, (int) options.number("batch", 1000), (int) options.number("concurrency", 4));
    }

    private static long writeNdjson(Iterator<DemoEvent> events, Path file) throws IOException {
        long count = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (events.hasNext()) {
                out.write(events.next().toJson());
                out.write('\n');
                count++;
            }
        }
        return count;
    }

    private static void load(Iterator<DemoEvent> events, EventPoster poster, int batchSize, int concurrency)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicLong accepted = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        long sentEvents = 0;
        long started = System.nanoTime();
        while (events.hasNext()) {
            List<DemoEvent> batch = new ArrayList<>(batchSize);
            while (events.hasNext() && batch.size() < batchSize) {
                batch.add(events.next());
            }
            sentEvents += batch.size();
            inFlight.acquire();
            sent.add(poster.post(jsonArray(batch)).whenComplete((answer, failure) -> {
                inFlight.release();
                if (answer != null) {
                    accepted.addAndGet(answer.accepted());
                    duplicates.addAndGet(answer.duplicates());
                }
            }));
            sent.removeIf(CompletableFuture::isDone);
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            System.err.println("loading failed: " + e.getCause().getMessage());
            System.exit(1);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.err.printf("sent %,d events: %,d accepted, %,d duplicates, in %.1f s (%,.0f events/s)%n", sentEvents,
                accepted.get(), duplicates.get(), seconds, sentEvents / seconds);
    }

    /** A batch as the JSON array body of one request. */
    public static byte[] jsonArray(List<DemoEvent> batch) {
        StringBuilder body = new StringBuilder(batch.size() * 300).append('[');
        for (int i = 0; i < batch.size(); i++) {
            body.append(i == 0 ? "" : ",").append(batch.get(i).toJson());
        }
        return body.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }
}

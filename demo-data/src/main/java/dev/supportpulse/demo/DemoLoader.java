package dev.supportpulse.demo;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Loads a demo data set through the real ingestion API, or writes it as NDJSON, or posts such a file: a benchmark
 * generates its data set first, so that generating it does not take CPU from the services while they are timed.
 */
public final class DemoLoader {

    static final String USAGE = """
            usage: java -jar demo-data.jar --url http://127.0.0.1:8081 --api-key KEY [options]
                   java -jar demo-data.jar --out events.ndjson [options]
                   java -jar demo-data.jar --url http://127.0.0.1:8081 --api-key KEY --from events.ndjson
              --tickets N       size of the data set in tickets (default 5000; about 8 events per ticket)
              --events N        exactly N events (without --tickets: enough tickets for them)
              --seed S          seed of the deterministic generator (default 42)
              --batch N         events per POST (default 1000)
              --concurrency N   requests in flight (default 4)
              --out FILE        write NDJSON to FILE instead of posting
              --from FILE       post the events of an NDJSON file (one per line, as --out writes them) instead of
                                generating them; --batch and --concurrency apply""";

    private static final Set<String> OPTIONS = Set.of("url", "api-key", "tickets", "events", "seed", "batch",
            "concurrency", "out", "from");

    /** Options that shape a generated data set: meaningless with {@code --from}, whose file holds one already. */
    private static final List<String> GENERATOR_OPTIONS = List.of("tickets", "events", "seed", "out");

    private DemoLoader() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns its exit status (0 done, 1 failed, 2 wrong usage). */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        if (List.of(args).contains("--help")) {
            out.println(USAGE);
            return 0;
        }
        CommandLine options;
        DemoSettings settings;
        int batchSize;
        int concurrency;
        try {
            options = new CommandLine(args, OPTIONS);
            settings = settings(options);
            batchSize = (int) options.positive("batch", 1000);
            concurrency = (int) options.positive("concurrency", 4);
            if (options.has("from")) {
                for (String generatorOption : GENERATOR_OPTIONS) {
                    if (options.has(generatorOption)) {
                        throw new IllegalArgumentException(
                                "--from posts the file's events as they are; it takes no --" + generatorOption);
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options.has("out")) {
            return writeNdjson(DemoDataGenerator.stream(settings).iterator(), Path.of(options.text("out", "")),
                    settings, out, err);
        }
        if (!options.has("url") || !options.has("api-key")) {
            err.println("give --url and --api-key to load through the API, or --out FILE to write NDJSON");
            err.println(USAGE);
            return 2;
        }
        EventPoster poster = new EventPoster(options.text("url", ""), options.text("api-key", ""));
        if (options.has("from")) {
            Path file = Path.of(options.text("from", ""));
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                Iterator<String> events = lines.lines().filter(line -> !line.isBlank()).iterator();
                return post(new JsonBatches<>(events, batchSize, (line, body) -> body.append(line)), poster,
                        concurrency, "read from " + file, out, err);
            } catch (IOException e) {
                err.println("cannot read " + file + ": " + e.getMessage());
                return 1;
            }
        }
        JsonBatches<DemoEvent> batches = new JsonBatches<>(DemoDataGenerator.stream(settings).iterator(), batchSize,
                DemoEvent::appendJson);
        int status = post(batches, poster, concurrency, "generated", out, err);
        if (status == 0) {
            warnIfShort(settings, batches.taken(), err);
        }
        return status;
    }

    /**
     * Sends the batches and prints the service's totals; returns the exit status. {@code source} says where the events
     * came from, for the message of a failure.
     */
    private static int post(JsonBatches<?> batches, EventPoster poster, int concurrency, String source, PrintStream out,
            PrintStream err) throws InterruptedException {
        try {
            poster.requireReachable();
            BatchSender.Totals totals = new BatchSender(poster, concurrency).send(batches);
            out.printf("sent %,d events in %,d batches to %s: %,d accepted, %,d duplicates, %.1f s, %,.0f events/s%n",
                    batches.taken(), totals.batches(), poster.endpoint(), totals.accepted(), totals.duplicates(),
                    totals.seconds(), batches.taken() / totals.seconds());
            return 0;
        } catch (UncheckedIOException e) {
            err.println("loading failed after " + batches.taken() + " events " + source + ": cannot read on: "
                    + e.getCause().getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("loading failed after " + batches.taken() + " events " + source + ": " + e.getMessage());
            return 1;
        }
    }

    /** {@code --events} alone sizes the data set to it; with {@code --tickets} it caps that data set. */
    static DemoSettings settings(CommandLine options) {
        long seed = options.number("seed", 42);
        if (!options.has("tickets") && options.has("events")) {
            return DemoSettings.forEvents(seed, options.number("events", 0));
        }
        long tickets = options.positive("tickets", 5000);
        if (tickets > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--tickets must be at most " + Integer.MAX_VALUE);
        }
        DemoSettings settings = DemoSettings.of(seed, (int) tickets);
        return options.has("events") ? settings.withMaxEvents(options.number("events", 0)) : settings;
    }

    private static int writeNdjson(Iterator<DemoEvent> events, Path file, DemoSettings settings, PrintStream out,
            PrintStream err) {
        long written = 0;
        StringBuilder line = new StringBuilder(512);
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (events.hasNext()) {
                line.setLength(0);
                events.next().appendJson(line);
                writer.append(line).append('\n');
                written++;
            }
        } catch (IOException e) {
            err.println("cannot write " + file + ": " + e.getMessage());
            return 1;
        }
        out.printf("wrote %,d events to %s%n", written, file);
        warnIfShort(settings, written, err);
        return 0;
    }

    private static void warnIfShort(DemoSettings settings, long events, PrintStream err) {
        if (settings.maxEvents() != Long.MAX_VALUE && events < settings.maxEvents()) {
            err.printf("note: %,d tickets give only %,d events, fewer than --events %,d; raise --tickets%n",
                    settings.tickets(), events, settings.maxEvents());
        }
    }
}

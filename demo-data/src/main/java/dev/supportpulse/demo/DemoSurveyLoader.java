package dev.supportpulse.demo;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Loads the surveys of a demo data set into survey-service: the answered ones as history through
 * {@code POST /v1/responses/import} (with their original times), then the unanswered ones through
 * {@code POST /v1/invitations} (with their historical sentAt), so that response rates have something to divide by. Both
 * endpoints are idempotent per kind and ticket, so loading twice stores nothing twice.
 */
public final class DemoSurveyLoader {

    static final String USAGE = """
            usage: java -cp demo-data.jar dev.supportpulse.demo.DemoSurveyLoader --url http://127.0.0.1:8082 \\
                        --api-key KEY [options]
              --tickets N       size of the data set in tickets (default 5000), as given to the event loader
              --events N        as given to the event loader
              --seed S          seed of the deterministic generator (default 42)
              --batch N         surveys per POST (default 1000, survey-service's most)
              --concurrency N   requests in flight (default 4)""";

    private static final Set<String> OPTIONS = Set.of("url", "api-key", "tickets", "events", "seed", "batch",
            "concurrency");
    private static final EventPoster.Api IMPORT = new EventPoster.Api("survey-service", "/v1/responses/import",
            Set.of(200), EventPoster.field("imported"), EventPoster.field("duplicates"));
    /** 201 when the batch created any invitation, 200 when every one existed; each says which in "created". */
    private static final EventPoster.Api INVITATIONS = new EventPoster.Api("survey-service", "/v1/invitations",
            Set.of(200, 201), EventPoster.occurrences("\"created\"\\s*:\\s*true"),
            EventPoster.occurrences("\"created\"\\s*:\\s*false"));

    private DemoSurveyLoader() {
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
            settings = DemoLoader.settings(options);
            batchSize = (int) options.positive("batch", 1000);
            concurrency = (int) options.positive("concurrency", 4);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (!options.has("url") || !options.has("api-key")) {
            err.println("give --url (survey-service) and --api-key");
            err.println(USAGE);
            return 2;
        }
        String url = options.text("url", "");
        String apiKey = options.text("api-key", "");
        // survey-service refuses answers from the future; the demo span ends in the past, but a custom one may not.
        Instant now = Instant.now();
        JsonBatches<DemoSurvey> answered = new JsonBatches<>(
                DemoSurveyGenerator.stream(settings, now).filter(DemoSurvey::answered).iterator(), batchSize,
                DemoSurvey::appendResponseJson);
        JsonBatches<DemoSurvey> open = new JsonBatches<>(
                DemoSurveyGenerator.stream(settings, now).filter(survey -> !survey.answered()).iterator(), batchSize,
                DemoSurvey::appendInvitationJson);
        try {
            EventPoster imports = new EventPoster(url, apiKey, IMPORT);
            imports.requireReachable();
            BatchSender.Totals history = new BatchSender(imports, concurrency).send(answered);
            out.printf("imported %,d answered surveys to %s: %,d new, %,d duplicates, %.1f s%n", answered.taken(),
                    imports.endpoint(), history.accepted(), history.duplicates(), history.seconds());
            EventPoster invitations = new EventPoster(url, apiKey, INVITATIONS);
            BatchSender.Totals unanswered = new BatchSender(invitations, concurrency).send(open);
            out.printf("sent %,d unanswered invitations to %s: %,d new, %,d existing, %.1f s%n", open.taken(),
                    invitations.endpoint(), unanswered.accepted(), unanswered.duplicates(), unanswered.seconds());
            return 0;
        } catch (RuntimeException e) {
            err.println("loading surveys failed: " + e.getMessage());
            return 1;
        }
    }
}

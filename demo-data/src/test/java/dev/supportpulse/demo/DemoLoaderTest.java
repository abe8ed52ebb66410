package dev.supportpulse.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The loader against a stand-in for ingest-service that answers as the real one does (events.md). */
class DemoLoaderTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    /** Scripted answers, one per POST (status, Retry-After, body); when empty, 202 with the batch's count. */
    private final Deque<Object[]> script = new ArrayDeque<>();
    private final AtomicInteger posts = new AtomicInteger();
    private final AtomicInteger events = new AtomicInteger();
    /** The ids of the events received, in the order of their batches' arrival. */
    private final List<String> receivedIds = Collections.synchronizedList(new ArrayList<>());
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private HttpServer ingest;

    @AfterEach
    void stopIngest() {
        if (ingest != null) {
            ingest.stop(0);
        }
    }

    @Test
    void postsEveryEventInBatchesWithTheKeyAndSumsTheAnswers() throws Exception {
        startIngest();
        assertEquals(0, load("--events", "2500", "--batch", "1000", "--concurrency", "2"));
        assertEquals(3, posts.get());
        assertEquals(2500, events.get());
        assertTrue(out.toString().contains("sent 2,500 events in 3 batches"), out.toString());
        assertTrue(out.toString().contains("2,500 accepted, 0 duplicates"), out.toString());
    }

    @Test
    void retriesAnUnavailableServiceAfterItsRetryAfter() throws Exception {
        script.add(new Object[] { 503, "0", "{\"title\":\"database unavailable\"}" });
        startIngest();
        assertEquals(0, load("--events", "10", "--batch", "10"));
        assertEquals(2, posts.get());
        assertTrue(out.toString().contains("10 accepted"), out.toString());
    }

    @Test
    void givesUpLoudlyWhenTheServiceStaysUnavailable() throws Exception {
        for (int i = 0; i < 20; i++) {
            script.add(new Object[] { 503, "0", "{\"title\":\"database unavailable\"}" });
        }
        startIngest();
        assertEquals(1, load("--events", "10", "--batch", "10"));
        assertTrue(err.toString().contains("still answered 503 after 8 attempts"), err.toString());
    }

    @Test
    void stopsAtARejectedBatchAndPrintsTheProblem() throws Exception {
        String problem = "{\"type\":\"about:blank\",\"title\":\"Invalid events\",\"status\":400,"
                + "\"errors\":[{\"index\":3,\"field\":\"agentId\",\"message\":\"is required\"}]}";
        script.add(new Object[] { 400, null, problem });
        startIngest();
        assertEquals(1, load("--events", "50000", "--batch", "100", "--concurrency", "1"));
        assertTrue(err.toString().contains("answered 400"), err.toString());
        assertTrue(err.toString().contains(problem), err.toString());
        assertTrue(posts.get() < 5, "kept sending after the rejection: " + posts.get());
    }

    @Test
    void saysSoWhenNothingListensAtTheUrl() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertEquals(1, DemoLoader.run(new String[] { "--url", "http://127.0.0.1:" + port, "--api-key", "k" },
                print(out), print(err)));
        assertTrue(err.toString().contains("nothing listens at http://127.0.0.1:" + port), err.toString());
    }

    @Test
    void writesExactlyTheAskedEventsAsNdjson(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("events.ndjson");
        assertEquals(0, DemoLoader.run(new String[] { "--out", file.toString(), "--events", "1234", "--seed", "9" },
                print(out), print(err)));
        List<String> lines = Files.readAllLines(file);
        assertEquals(1234, lines.size());
        assertEquals("demo-9-1234", JACKSON.readTree(lines.get(1233)).get("id").textValue());
    }

    @Test
    void postsTheEventsOfAFileAsWrittenInOrder(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("events.ndjson");
        assertEquals(0, DemoLoader.run(new String[] { "--out", file.toString(), "--events", "2500", "--seed", "9" },
                print(out), print(err)));
        startIngest();
        assertEquals(0, load("--from", file.toString(), "--batch", "1000", "--concurrency", "1"));
        assertEquals(3, posts.get());
        List<String> written = Files.readAllLines(file).stream().map(line -> readTree(line).get("id").textValue())
                .toList();
        assertEquals(written, receivedIds);
        assertTrue(out.toString().contains("sent 2,500 events in 3 batches"), out.toString());
    }

    @Test
    void aFileToPostMustExistAndComesWithoutGeneratorOptions(@TempDir Path directory) throws Exception {
        startIngest();
        Path missing = directory.resolve("missing.ndjson");
        assertEquals(1, load("--from", missing.toString()));
        assertTrue(err.toString().contains("cannot read " + missing), err.toString());
        assertEquals(2, load("--from", missing.toString(), "--tickets", "5"));
        assertTrue(err.toString().contains("--from posts the file's events as they are; it takes no --tickets"),
                err.toString());
        assertEquals(0, posts.get());
    }

    @Test
    void wrongOptionsExitWithTheUsage() throws Exception {
        assertEquals(2, DemoLoader.run(new String[] { "--tickts", "5" }, print(out), print(err)));
        assertTrue(err.toString().contains("unknown option '--tickts'"), err.toString());
        assertEquals(2, DemoLoader.run(new String[] { "--out", "x", "--batch", "0" }, print(out), print(err)));
        assertEquals(2, DemoLoader.run(new String[] { "--tickets", "5" }, print(out), print(err)));
    }

    private int load(String... options) throws InterruptedException {
        List<String> args = new ArrayList<>(
                List.of("--url", "http://127.0.0.1:" + ingest.getAddress().getPort(), "--api-key", "demo-key"));
        args.addAll(List.of(options));
        return DemoLoader.run(args.toArray(String[]::new), print(out), print(err));
    }

    private void startIngest() throws IOException {
        ingest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ingest.createContext("/q/health/ready", exchange -> answer(exchange, 200, null, "{\"status\":\"UP\"}"));
        ingest.createContext("/v1/events", this::receive);
        ingest.start();
    }

    private void receive(HttpExchange exchange) throws IOException {
        JsonNode batch = JACKSON.readTree(exchange.getRequestBody());
        boolean authorised = "Bearer demo-key".equals(exchange.getRequestHeaders().getFirst("Authorization"))
                && "application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"));
        posts.incrementAndGet();
        Object[] scripted;
        synchronized (script) {
            scripted = script.poll();
        }
        if (!authorised) {
            answer(exchange, 401, null, "{\"title\":\"no key\"}");
        } else if (scripted != null) {
            answer(exchange, (Integer) scripted[0], (String) scripted[1], (String) scripted[2]);
        } else {
            events.addAndGet(batch.size());
            batch.forEach(event -> receivedIds.add(event.get("id").textValue()));
            answer(exchange, 202, null, "{\"accepted\":" + batch.size() + ",\"duplicates\":0}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String retryAfter, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type",
                status >= 400 ? "application/problem+json" : "application/json");
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static JsonNode readTree(String json) {
        try {
            return JACKSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrintStream print(ByteArrayOutputStream sink) {
        return new PrintStream(sink, true, StandardCharsets.UTF_8);
    }
}

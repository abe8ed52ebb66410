package dev.supportpulse.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The survey loader against a stand-in for survey-service that answers as the real one does (surveys.md). */
class DemoSurveyLoaderTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    private final Set<String> stored = new HashSet<>();
    private final List<String> paths = new ArrayList<>();
    private final List<Integer> batchSizes = new ArrayList<>();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private HttpServer surveys;

    @AfterEach
    void stopSurveys() {
        if (surveys != null) {
            surveys.stop(0);
        }
    }

    @Test
    void importsTheAnsweredSurveysThenInvitesForTheOthersInBatchesOfTheLimit() throws Exception {
        startSurveys();
        assertEquals(0, load("--tickets", "2000", "--seed", "5", "--batch", "300"));
        List<DemoSurvey> expected = DemoSurveyGenerator.stream(DemoSettings.of(5, 2000)).toList();
        long answered = expected.stream().filter(DemoSurvey::answered).count();
        assertEquals(expected.size(), stored.size());
        assertTrue(batchSizes.stream().allMatch(size -> size <= 300), batchSizes.toString());
        int imports = (int) Math.ceil(answered / 300.0);
        assertTrue(paths.subList(0, imports).stream().allMatch("/v1/responses/import"::equals), paths.toString());
        assertTrue(paths.subList(imports, paths.size()).stream().allMatch("/v1/invitations"::equals), paths.toString());
        assertTrue(out.toString().contains(String.format("imported %,d answered surveys", answered)), out.toString());
        assertTrue(out.toString().contains(String.format("%,d new, 0 existing", expected.size() - answered)),
                out.toString());
    }

    @Test
    void loadingTwiceStoresNothingTwiceAndSaysSo() throws Exception {
        startSurveys();
        assertEquals(0, load("--tickets", "500"));
        out.reset();
        assertEquals(0, load("--tickets", "500"));
        assertTrue(out.toString().matches("(?s)imported [\\d,]+ answered surveys .*: 0 new, [1-9][\\d,]* duplicates.*"),
                out.toString());
        assertTrue(out.toString().matches("(?s).*invitations .*: 0 new, [1-9][\\d,]* existing.*"), out.toString());
    }

    @Test
    void retriesAnUnavailableServiceAfterItsRetryAfter() throws Exception {
        unavailable.set(2);
        startSurveys();
        assertEquals(0, load("--tickets", "300"));
        assertEquals(DemoSurveyGenerator.stream(DemoSettings.of(42, 300)).count(), stored.size());
    }

    @Test
    void withoutTheUrlItExitsWithTheUsage() throws Exception {
        assertEquals(2, DemoSurveyLoader.run(new String[] { "--api-key", "k" }, print(out), print(err)));
        assertTrue(err.toString().contains("usage:"), err.toString());
    }

    private int load(String... options) throws InterruptedException {
        List<String> args = new ArrayList<>(
                List.of("--url", "http://127.0.0.1:" + surveys.getAddress().getPort(), "--api-key", "demo-key"));
        args.addAll(List.of(options));
        return DemoSurveyLoader.run(args.toArray(String[]::new), print(out), print(err));
    }

    private void startSurveys() throws IOException {
        surveys = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        surveys.createContext("/q/health/ready", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}"));
        surveys.createContext("/v1/responses/import", exchange -> receive(exchange, true));
        surveys.createContext("/v1/invitations", exchange -> receive(exchange, false));
        surveys.start();
    }

    /** Stores each item once per kind and ticket, and checks it as survey-service would. */
    private synchronized void receive(HttpExchange exchange, boolean history) throws IOException {
        if (unavailable.getAndDecrement() > 0) {
            exchange.getResponseHeaders().add("Retry-After", "0");
            answer(exchange, 503, "{\"title\":\"Database unavailable\"}");
            return;
        }
        if (!"Bearer demo-key".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"title\":\"no key\"}");
            return;
        }
        JsonNode batch = JACKSON.readTree(exchange.getRequestBody());
        paths.add(exchange.getRequestURI().getPath());
        batchSizes.add(batch.size());
        int created = 0;
        StringBuilder views = new StringBuilder("[");
        for (JsonNode item : batch) {
            boolean answered = item.has("submittedAt") && item.has("score");
            if (answered != history || item.has("expiresAt") == history) {
                answer(exchange, 400, "{\"title\":\"wrong shape\",\"item\":" + item + "}");
                return;
            }
            boolean isNew = stored.add(item.get("kind").textValue() + " " + item.get("ticketId").textValue());
            created += isNew ? 1 : 0;
            views.append(views.length() > 1 ? "," : "").append("{\"token\":\"t\",\"created\":").append(isNew)
                    .append('}');
        }
        if (history) {
            answer(exchange, 200, "{\"received\":" + batch.size() + ",\"imported\":" + created + ",\"duplicates\":"
                    + (batch.size() - created) + "}");
        } else {
            answer(exchange, created > 0 ? 201 : 200, views.append(']').toString());
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type",
                status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static PrintStream print(ByteArrayOutputStream sink) {
        return new PrintStream(sink, true, StandardCharsets.UTF_8);
    }
}

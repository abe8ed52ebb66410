package dev.supportpulse.survey.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Runs src/test/browser/widget.test.mjs: the widget on the demo page, in Debian's headless Chromium, against this
 * running service.
 */
@QuarkusTest
class WidgetBrowserTest {

    private static final Path BROWSER_TEST = Path.of("src/test/browser");
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final String API_KEY = "test-key";
    private static final long TIMEOUT_MINUTES = 2;

    @TestHTTPResource("/")
    URL base;

    @Test
    void theWidgetOnTheDemoPageAnswersSurveysAndShowsEveryStateInChromium() throws Exception {
        requireNodeAndChromium();
        if (!Files.isDirectory(BROWSER_TEST.resolve("node_modules"))) {
            Run install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of());
            if (install.exitCode() != 0) {
                fail("npm ci in " + BROWSER_TEST + " failed (exit " + install.exitCode() + "):\n" + install.output());
            }
        }
        String runId = "j" + Long.toString(System.currentTimeMillis(), 36);

        Run browser = run(List.of("node", "widget.test.mjs"), Map.of("SURVEY_BASE_URL", base.toString(),
                "SURVEY_API_KEY", API_KEY, "SURVEY_RUN_ID", runId, "CHROMIUM", CHROMIUM.toString()));

        System.out.println(browser.output());
        if (browser.exitCode() != 0) {
            fail("widget.test.mjs failed (exit " + browser.exitCode() + "):\n" + browser.output());
        }
        // Independently of the script: creating the same invitation again returns the one the browser answered.
        String id = given().header("Authorization", "Bearer " + API_KEY).contentType("application/json")
                .body(Map.of("kind", "CSAT", "ticketId", "W-" + runId + "-csat", "locale", "sv"))
                .post("/v1/invitations").then().extract().path("id");
        given().header("Authorization", "Bearer " + API_KEY).get("/v1/invitations/{id}", id).then().statusCode(200)
                .body("response.score", equalTo(4));
    }

    /**
     * CI installs both (.ci/run) and must run this test; a developer machine with only a JDK skips it with the reason.
     */
    private static void requireNodeAndChromium() {
        String missing = !onPath("node") || !onPath("npm") ? "node and npm are not on the PATH"
                : !Files.isExecutable(CHROMIUM) ? CHROMIUM + " is missing (apt-get install chromium)" : null;
        if (missing != null && System.getenv("CI") != null) {
            fail("the widget browser test cannot run in CI: " + missing);
        }
        assumeTrue(missing == null, () -> "skipping the widget browser test: " + missing);
    }

    private static boolean onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private record Run(int exitCode, String output) {
    }

    /** Runs a command in src/test/browser with its output in one file, killing it and its children on time-out. */
    private static Run run(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("widget-browser-test", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(BROWSER_TEST.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                return new Run(-1, "timed out after " + TIMEOUT_MINUTES + " minutes: " + String.join(" ", command)
                        + "\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}

package dev.supportpulse.metrics.api;

import static dev.supportpulse.metrics.support.Event.event;
import static dev.supportpulse.metrics.support.GraphQl.query;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.supportpulse.metrics.support.EventLog;

/** With the projection running as in production, a query sees every event committed at least 1 s before it. */
@QuarkusTest
@TestProfile(FreshnessTest.LiveProjection.class)
class FreshnessTest {

    /** The production setting: the projection follows the log by itself. */
    public static class LiveProjection implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("supportpulse.metrics.projection.enabled", "true",
                    "supportpulse.metrics.projection.poll-interval", "250ms");
        }
    }

    @Inject
    EventLog log;

    @Test
    void anEventCommittedOneSecondAgoIsInTheNextAnswer() throws InterruptedException {
        log.clear();
        String range = "range: {from: \"2026-05-01T00:00:00Z\", to: \"2026-05-02T00:00:00Z\"}";
        for (int round = 1; round <= 3; round++) {
            log.append(event("ticket.created", "2026-05-01T10:00:00Z").ticket("F" + round).channel("web"));
            Thread.sleep(1000);
            query("{ metric(metric: TICKETS_CREATED, " + range + ") { total { value } } }")
                    .body("data.metric.total.value", equalTo((double) round));
        }
    }
}

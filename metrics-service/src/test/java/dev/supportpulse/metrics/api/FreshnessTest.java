package dev.supportpulse.metrics.api;

import static dev.supportpulse.metrics.support.Event.event;
import static dev.supportpulse.metrics.support.GraphQl.query;
import static dev.supportpulse.metrics.support.Invitation.invitation;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;

import dev.supportpulse.metrics.support.EventLog;
import dev.supportpulse.metrics.support.SurveyLog;

/**
 * With the projections running as in production, a query sees every event and survey response committed at least 1 s
 * before it.
 */
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

    @Inject
    SurveyLog surveys;

    @Inject
    Pool pool;

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

    @Test
    void aSurveyResponseCommittedOneSecondAgoIsInTheNextAnswerAndAMissingSurveyLogHoldsBackOnlyItself()
            throws InterruptedException {
        log.clear();
        surveys.clear();
        String range = "range: {from: \"2026-05-01T00:00:00Z\", to: \"2026-05-02T00:00:00Z\"}";
        // survey-service has not published its change log yet: the survey projection fails and retries, the ticket
        // projection goes on.
        pool.query("ALTER VIEW survey.change_log RENAME TO change_log_not_yet").execute().await().indefinitely();
        try {
            log.append(event("ticket.created", "2026-05-01T10:00:00Z").ticket("S1").channel("web"));
            Thread.sleep(1000);
            query("{ metric(metric: TICKETS_CREATED, " + range + ") { total { value } } }")
                    .body("data.metric.total.value", equalTo(1.0));
        } finally {
            pool.query("ALTER VIEW survey.change_log_not_yet RENAME TO change_log").execute().await().indefinitely();
        }
        // Scores 5, then 1: 100 %, then 50 %, each a second after its commit.
        int[] scores = { 5, 1 };
        double[] expected = { 100.0, 50.0 };
        for (int round = 0; round < scores.length; round++) {
            surveys.write(invitation("CSAT", "2026-05-01T10:00:00Z").ticket("S1-" + round).answered(scores[round],
                    "2026-05-01T11:00:00Z"));
            Thread.sleep(1000);
            query("{ metric(metric: CSAT, " + range + ") { total { value } } }").body("data.metric.total.value",
                    equalTo(expected[round]));
        }
    }
}

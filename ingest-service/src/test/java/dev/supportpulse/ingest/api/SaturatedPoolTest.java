package dev.supportpulse.ingest.api;

import static dev.supportpulse.ingest.api.EventIngestionTest.post;
import static dev.supportpulse.ingest.support.TestEvent.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.supportpulse.ingest.support.EventTable;

/**
 * A saturated pool refuses instead of queueing: with one connection and no room to wait, concurrent senders beyond it
 * get 503 at once, and exactly the events answered 202 are stored.
 */
@QuarkusTest
@TestProfile(SaturatedPoolTest.OneConnectionNoQueue.class)
class SaturatedPoolTest {

    public static class OneConnectionNoQueue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.max-size", "1", "supportpulse.datasource.max-wait-queue-size",
                    "0");
        }
    }

    // Within the test profile's batch limit (200).
    private static final int BATCH = 150;

    final EventTable table = EventTable.current();

    private static String batch(String idPrefix) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < BATCH; i++) {
            json.append(i == 0 ? "" : ",").append(event(idPrefix + i, "ticket.resolved").ticket("T1").json());
        }
        return json.append(']').toString();
    }

    @Test
    void sendersBeyondTheOnlyConnectionGet503AndNothingOfTheirs() throws Exception {
        table.clear();
        int senders = 24;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < senders; i++) {
                // A batch keeps the connection busy long enough for the others to find it taken.
                String batch = batch("saturated-" + i + "-");
                statuses.add(pool.submit(() -> post(batch).extract().statusCode()));
            }
            int accepted = 0;
            int refused = 0;
            for (Future<Integer> status : statuses) {
                int code = status.get();
                assertTrue(code == 202 || code == 503, "status " + code);
                accepted += code == 202 ? 1 : 0;
                refused += code == 503 ? 1 : 0;
            }
            assertTrue(refused > 0, "no sender was refused: the wait queue is not bounded");
            assertEquals(accepted * BATCH, table.count());
        } finally {
            pool.shutdownNow();
        }
    }
}

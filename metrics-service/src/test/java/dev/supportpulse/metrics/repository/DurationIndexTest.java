package dev.supportpulse.metrics.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.supportpulse.metrics.model.Metric;
import dev.supportpulse.metrics.model.MetricQuery;

/**
 * The durations that Measure says an index keeps in value order (migration V18) have that index: their total, which
 * asks for the samples in order, can be planned without sorting them. With sorts priced out, PostgreSQL then reads the
 * index; were the index's expression not the measure's own, every plan would hold a Sort.
 */
@QuarkusTest
class DurationIndexTest {

    @Inject
    Pool pool;

    @Test
    void theTotalOfADurationIndexedByValueCanBeReadInOrderWithoutASort() {
        List<Metric> indexed = Arrays.stream(Metric.values()).filter(metric -> metric.measure().indexedByValue())
                .toList();
        assertEquals(List.of(Metric.FIRST_RESPONSE_TIME, Metric.RESOLUTION_TIME), indexed);
        for (Metric metric : indexed) {
            List<Object> parameters = new ArrayList<>();
            String statement = MetricRepository.durationTotal(
                    new MetricQuery(metric, Instant.parse("2025-11-01T00:00:00Z"),
                            Instant.parse("2026-11-01T00:00:00Z"), List.of(), List.of(), List.of(), Map.of(), 0),
                    parameters);
            String plan = pool
                    .withTransaction(connection -> connection.query("SET LOCAL enable_sort = off").execute().flatMap(
                            set -> connection.preparedQuery("EXPLAIN " + statement).execute(Tuple.from(parameters))))
                    .map(rows -> rows.stream().map((Row row) -> row.getString(0)).collect(Collectors.joining("\n")))
                    .await().indefinitely();
            assertFalse(plan.contains("Sort"), metric + " is sorted:\n" + plan);
            assertTrue(plan.contains("_seconds_idx"), metric + " is not read from its value index:\n" + plan);
        }
    }
}

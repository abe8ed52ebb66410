package dev.supportpulse.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.supportpulse.demo.DemoEvent;

class CopyRowsTest {

    @Test
    void aRowHasElevenTabSeparatedColumnsWithNullsAsBackslashN() {
        DemoEvent assigned = new DemoEvent("demo-7-1", "ticket.assigned",
                OffsetDateTime.of(2026, 3, 1, 10, 15, 0, 0, ZoneOffset.ofHours(1)), "T-0000001", null, "agent-001",
                "team-billing", null, null, null, null);
        StringBuilder row = new StringBuilder();
        CopyRows.append(row, assigned);
        assertEquals("demo-7-1\tticket.assigned\t2026-03-01T10:15:00+01:00\tT-0000001\t\\N\tagent-001\tteam-billing"
                + "\t\\N\t\\N\t\\N\t{}\n", row.toString());
    }

    @Test
    void backslashTabNewlineAndCarriageReturnAreEscapedInsideTheJsonToo() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        // JSON already writes a newline as \n (two characters); COPY must then double that backslash.
        attributes.put("text", "C:\\x\tand\nmore");
        DemoEvent reply = new DemoEvent("id\\1", "ticket.customer_replied",
                OffsetDateTime.of(2026, 3, 1, 10, 15, 30, 0, ZoneOffset.UTC), "T\t1", null, null, null, null, null,
                "line\rbreak", attributes);
        StringBuilder row = new StringBuilder();
        CopyRows.append(row, reply);
        assertEquals("id\\\\1\tticket.customer_replied\t2026-03-01T10:15:30Z\tT\\t1\t\\N\t\\N\t\\N\t\\N\t\\N"
                + "\tline\\rbreak\t{\"text\":\"C:\\\\\\\\x\\\\tand\\\\nmore\"}\n", row.toString());
    }

    @Test
    void percentilesAreNearestRank() {
        Percentiles latency = new Percentiles(new long[] { 4_000_000, 1_000_000, 3_000_000, 2_000_000 });
        assertEquals(2.0, latency.millis(0.5));
        assertEquals(4.0, latency.millis(0.99));
        assertEquals(1.0, latency.millis(0.01));
    }
}

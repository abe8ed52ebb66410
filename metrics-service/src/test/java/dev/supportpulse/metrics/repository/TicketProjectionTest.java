package dev.supportpulse.metrics.repository;

import static dev.supportpulse.metrics.support.Event.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.supportpulse.metrics.support.Event;
import dev.supportpulse.metrics.support.EventLog;

/** The per-ticket read model, against events in every order, replayed, and across restarts of the projection. */
@QuarkusTest
class TicketProjectionTest {

    @Inject
    EventLog log;

    @Inject
    Pool pool;

    @Inject
    TicketProjectionRepository tickets;

    @BeforeEach
    void emptyLog() {
        log.clear();
    }

    /**
     * Whatever happened, the rollup the projection keeps by differences equals the rollup computed afresh from the
     * facts (rows of zeros left behind by moved contributions aside).
     */
    @AfterEach
    void rollupMatchesTheFacts() {
        String kept = """
                SELECT dimension, value, hour, %s FROM metrics.ticket_rollup WHERE %s
                """.formatted(TicketContributions.COUNTERS, TicketContributions.eachCounter("%1$s <> 0", " OR "));
        String afresh = """
                SELECT d.dimension, d.value, date_trunc('hour', c.at, 'UTC') AS hour, %s
                FROM (%s) c
                CROSS JOIN LATERAL (VALUES ('', NULL), ('team', c.team_id), ('channel', c.channel),
                                           ('region', c.region), ('type', c.type), ('priority', c.priority))
                    AS d(dimension, value)
                GROUP BY 1, 2, 3
                """.formatted(TicketContributions.eachCounter("sum(c.%1$s)", ", "),
                TicketContributions.of("metrics.tickets", "metrics.ticket_resolved_spans"));
        long differences = count("SELECT count(*) FROM ((%1$s EXCEPT ALL %2$s) UNION ALL (%2$s EXCEPT ALL %1$s)) d"
                .formatted(kept, afresh));
        assertEquals(0, differences, "rows where the kept rollup and the facts' rollup differ");
        long rows = count("SELECT count(*) FROM (" + afresh + ") r");
        long ticketCount = count("SELECT count(*) FROM metrics.tickets WHERE created_at IS NOT NULL");
        assertEquals(ticketCount > 0, rows > 0, "a created ticket contributes to the rollup");
        String days = """
                SELECT dimension, value, day, %s FROM metrics.ticket_rollup_daily WHERE %s
                """.formatted(TicketContributions.COUNTERS, TicketContributions.eachCounter("%1$s <> 0", " OR "));
        String hoursByDay = """
                SELECT dimension, value, date_trunc('day', hour, 'UTC'), %s FROM metrics.ticket_rollup
                GROUP BY 1, 2, 3 HAVING %s
                """.formatted(TicketContributions.eachCounter("sum(%1$s)", ", "),
                TicketContributions.eachCounter("sum(%1$s) <> 0", " OR "));
        long dayDifferences = count("SELECT count(*) FROM ((%1$s EXCEPT ALL %2$s) UNION ALL (%2$s EXCEPT ALL %1$s)) d"
                .formatted(days, hoursByDay));
        assertEquals(0, dayDifferences, "days of the daily level that are not the sums of their hours");
    }

    @Test
    void aDimensionChangedAfterResolutionMovesTheTicketsContributions() {
        log.appendAndProject(
                event("ticket.created", "2026-03-02T09:00:00Z").ticket("T4").channel("email").region("EU").team(
                        "billing"),
                event("ticket.agent_replied", "2026-03-02T09:30:00Z").ticket("T4").agent("A1"),
                event("ticket.resolved", "2026-03-02T12:00:00Z").ticket("T4").agent("A1"));
        log.appendAndProject(event("ticket.updated", "2026-03-03T08:00:00Z").ticket("T4").attr("channel", "chat")
                .attr("priority", "urgent"));
        // Now: created 09:00 in chat; resolved 12:00 in chat; the email rows hold nothing any more.
        Row email = pool.query("""
                SELECT sum(created) AS created, sum(resolved) AS resolved FROM metrics.ticket_rollup
                WHERE dimension = 'channel' AND value = 'email'
                """).execute().await().indefinitely().iterator().next();
        assertEquals(0L, email.getLong("created"));
        assertEquals(0L, email.getLong("resolved"));
        Row chat = pool.query("""
                SELECT sum(created) AS created, sum(resolved) AS resolved, sum(resolved_first_contact) AS fcr,
                       sum(first_response_achieved) AS achieved, sum(first_response_breached) AS breached
                FROM metrics.ticket_rollup WHERE dimension = 'channel' AND value = 'chat'
                """).execute().await().indefinitely().iterator().next();
        assertEquals(1L, chat.getLong("created"));
        assertEquals(1L, chat.getLong("resolved"));
        assertEquals(1L, chat.getLong("fcr"), "one public reply, no reopen");
        // urgent: first response due within 1 h; the reply came after 30 min.
        assertEquals(1L, chat.getLong("achieved"));
        assertEquals(0L, chat.getLong("breached"));
    }

    /**
     * A ticket's whole life: created, updated, assigned twice, replies (one internal), resolved, reopened, resolved.
     */
    private static Event[] lifeOfT1() {
        return new Event[] {
                event("ticket.created", "2026-03-02T09:00:00Z").ticket("T1").channel("email").region("EU")
                        .team("billing").customer("C1").attr("type", "refund"),
                event("ticket.updated", "2026-03-02T09:10:00Z").ticket("T1").attr("priority", "high").attr("channel",
                        "chat"),
                event("ticket.assigned", "2026-03-02T09:05:00Z").ticket("T1").agent("A1"),
                event("ticket.agent_replied", "2026-03-02T09:20:00Z").ticket("T1").agent("A1").attr("public", false),
                event("ticket.agent_replied", "2026-03-02T09:30:00Z").ticket("T1").agent("A1"),
                event("ticket.customer_replied", "2026-03-02T10:00:00Z").ticket("T1"),
                event("ticket.assigned", "2026-03-02T10:30:00Z").ticket("T1").agent("A2"),
                event("ticket.agent_replied", "2026-03-02T11:00:00Z").ticket("T1").agent("A2").attr("public", true),
                event("ticket.work_logged", "2026-03-02T11:05:00Z").ticket("T1").agent("A2").attr("seconds", 600),
                event("ticket.resolved", "2026-03-02T12:00:00Z").ticket("T1").agent("A2"),
                event("ticket.reopened", "2026-03-03T08:00:00Z").ticket("T1"),
                event("ticket.escalated", "2026-03-03T08:30:00Z").ticket("T1").attr("reason", "manual"),
                event("ticket.work_logged", "2026-03-03T09:00:00Z").ticket("T1").agent("A2").attr("seconds", 300),
                // Resolved again without an agent: the resolver is the assignee at that moment, A2.
                event("ticket.resolved", "2026-03-03T09:30:00Z").ticket("T1") };
    }

    private Row ticket(String id) {
        return pool.preparedQuery("SELECT * FROM metrics.tickets WHERE ticket_id = $1").execute(Tuple.of(id)).await()
                .indefinitely().iterator().next();
    }

    private void assertLifeOfT1() {
        Row t1 = ticket("T1");
        assertEquals(OffsetDateTime.parse("2026-03-02T09:00:00Z"), t1.getOffsetDateTime("created_at"));
        // ticket.updated overrides created's channel; the rest stays as created.
        assertEquals("chat", t1.getString("channel"));
        assertEquals("EU", t1.getString("region"));
        assertEquals("billing", t1.getString("team_id"));
        assertEquals("refund", t1.getString("type"));
        assertEquals("high", t1.getString("priority"));
        assertEquals("A2", t1.getString("assignee"));
        assertEquals("A1", t1.getString("first_assignee"));
        assertEquals(OffsetDateTime.parse("2026-03-02T09:05:00Z"), t1.getOffsetDateTime("first_assigned_at"));
        // The internal note at 09:20 is no reply; the first public reply is 09:30.
        assertEquals(OffsetDateTime.parse("2026-03-02T09:30:00Z"), t1.getOffsetDateTime("first_reply_at"));
        assertEquals("A1", t1.getString("first_reply_agent"));
        assertEquals(2, t1.getInteger("public_replies"));
        assertEquals(1, t1.getInteger("customer_replies"));
        assertEquals(OffsetDateTime.parse("2026-03-03T09:30:00Z"), t1.getOffsetDateTime("resolved_at"));
        assertEquals("A2", t1.getString("resolver"));
        assertEquals(1, t1.getInteger("reopens"));
        assertEquals(true, t1.getBoolean("escalated"));
        assertEquals(900, t1.getLong("work_seconds"));
    }

    @Test
    void allPartitionsProjectedAtOnceKeepEveryTicketAndTheRollupExact() {
        // 40 tickets in four channels over three hours: every partition gets tickets, and their rollup rows (the same
        // hours and channels, all-tickets rows alike) overlap. Small batches interleave the transactions many times;
        // a deadlock or a lost update fails the projection or the rollup check after each test.
        String[] channels = { "email", "chat", "phone", "web" };
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = "P" + i;
            OffsetDateTime created = OffsetDateTime.parse("2026-03-02T09:00:00Z").plusMinutes(4L * i);
            events.add(event("ticket.created", created.toString()).ticket(id).channel(channels[i % 4])
                    .team("team-" + (i % 2)));
            events.add(
                    event("ticket.agent_replied", created.plusMinutes(20).toString()).ticket(id).agent("A" + (i % 3)));
            events.add(event("ticket.resolved", created.plusMinutes(50).toString()).ticket(id).agent("A" + (i % 3)));
            if (i % 5 == 0) {
                events.add(event("ticket.reopened", created.plusMinutes(70).toString()).ticket(id));
            }
        }
        log.append(events.toArray(Event[]::new));
        int[] perPartition = new int[tickets.partitions()];
        int projected;
        do {
            List<Uni<Integer>> batches = new ArrayList<>();
            for (int partition = 0; partition < perPartition.length; partition++) {
                batches.add(tickets.projectNextBatch(partition, 7));
            }
            List<Integer> counts = Uni.join().all(batches).andFailFast().await().indefinitely();
            projected = 0;
            for (int partition = 0; partition < perPartition.length; partition++) {
                perPartition[partition] += counts.get(partition);
                projected += counts.get(partition);
            }
        } while (projected > 0);
        for (int partition = 0; partition < perPartition.length; partition++) {
            assertEquals(events.size(), perPartition[partition], "partition " + partition + " went past every event");
        }
        long[] ticketsPerPartition = new long[tickets.partitions()];
        pool.preparedQuery("""
                SELECT metrics.projection_partition('ticket.created', ticket_id, NULL, NULL, $1) AS p,
                       count(*) AS tickets
                FROM metrics.tickets GROUP BY 1
                """).execute(Tuple.of(tickets.partitions())).await().indefinitely()
                .forEach(row -> ticketsPerPartition[row.getInteger("p")] = row.getLong("tickets"));
        assertTrue(LongStream.of(ticketsPerPartition).allMatch(count -> count > 0), "every partition had tickets");
        Row counted = pool.query("""
                SELECT count(*) AS tickets, count(*) FILTER (WHERE resolved_at IS NOT NULL) AS resolved
                FROM metrics.tickets
                """).execute().await().indefinitely().iterator().next();
        assertEquals(40L, counted.getLong("tickets"));
        assertEquals(32L, counted.getLong("resolved"), "the 8 reopened tickets are open");
    }

    @Test
    void aChangedPartitionHashMovesEveryCursorBackToTheEarliestOne() {
        // Partition 0 runs ahead of partition 1. Then the server's hash no longer gives what was recorded (as after an
        // upgrade that changed hashtext): the next batch projects nothing but moves partition 0 back to partition 1's
        // place and records the hash, and projecting on from there gives every ticket its facts.
        Row behind = createdProjectedResolvedAheadInPartitionZero("H");
        assertTrue(cursor(0).getLong("last_seq") > behind.getLong("last_seq"), "partition 0 went ahead");
        pool.query("UPDATE metrics.projection_partitioning SET probe_hash = probe_hash + 1").execute().await()
                .indefinitely();

        assertEquals(0, tickets.projectNextBatch(0, 1000).await().indefinitely(), "no batch while not aligned");
        for (int partition = 0; partition < tickets.partitions(); partition++) {
            assertEquals(behind.getString("last_txid"), cursor(partition).getString("last_txid"));
            assertEquals(behind.getLong("last_seq"), cursor(partition).getLong("last_seq"));
        }
        assertTrue(pool.query("""
                SELECT probe_hash = metrics.projection_hash_probe() FROM metrics.projection_partitioning
                """).execute().await().indefinitely().iterator().next().getBoolean(0), "the hash is recorded anew");

        assertEquals(20, log.project(), "every partition projects the second half, partition 0 again");
        assertEquals(20L, count("SELECT count(*) FROM metrics.tickets WHERE resolved_at IS NOT NULL"));
    }

    @Test
    void aChangedCountOfPartitionsMovesEveryCursorToTheEarliestAndKeepsOnlyItsOwn() {
        // The log half projected in four partitions, partition 0 ahead with the second half. A projection configured
        // for two finds the recorded count is four: its first batch projects nothing, removes partitions 2 and 3 and
        // puts 0 and 1 where the earliest cursor was; its two partitions then project the second half. Back to four:
        // partitions 2 and 3 start where 0 and 1 stand, and what is written next is projected by the four.
        assertEquals(4, tickets.partitions(), "the test's configuration");
        Row behind = createdProjectedResolvedAheadInPartitionZero("P");

        TicketProjectionRepository inTwo = new TicketProjectionRepository(pool, 2);
        assertEquals(0, inTwo.projectNextBatch(1, 1000).await().indefinitely(), "no batch while not aligned");
        assertEquals(List.of("tickets/0", "tickets/1"), cursorNames());
        for (int partition = 0; partition < 2; partition++) {
            assertEquals(behind.getString("last_txid"), cursor(partition).getString("last_txid"));
            assertEquals(behind.getLong("last_seq"), cursor(partition).getLong("last_seq"));
        }
        assertEquals(2L, count("SELECT partitions FROM metrics.projection_partitioning"));
        for (int partition = 0; partition < 2; partition++) {
            assertEquals(20, inTwo.projectNextBatch(partition, 1000).await().indefinitely());
        }
        assertEquals(20L, count("SELECT count(*) FROM metrics.tickets WHERE resolved_at IS NOT NULL"));

        Row end = cursor(0);
        assertEquals(0, tickets.projectNextBatch(3, 1000).await().indefinitely(), "no batch while not aligned");
        assertEquals(List.of("tickets/0", "tickets/1", "tickets/2", "tickets/3"), cursorNames());
        for (int partition = 0; partition < 4; partition++) {
            assertEquals(end.getLong("last_seq"), cursor(partition).getLong("last_seq"));
        }
        log.appendAndProject(event("ticket.reopened", "2026-03-02T12:00:00Z").ticket("P0"),
                event("ticket.reopened", "2026-03-02T12:00:00Z").ticket("P1"));
        assertEquals(18L, count("SELECT count(*) FROM metrics.tickets WHERE resolved_at IS NOT NULL"));
        assertEquals(4L, count("SELECT partitions FROM metrics.projection_partitioning"));
    }

    @Test
    void aBatchOfThePreviousReleaseKeepsTheTwoPartitionsItSpansFromProjecting() {
        // A batch of the previous release's partition 0 holds that release's turn 0 exclusively while it recomputes
        // the tickets of partitions 0 and 2 of four: those two skip their turn until it commits, 1 and 3 project.
        List<Event> created = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            created.add(event("ticket.created", OffsetDateTime.parse("2026-03-02T09:00:00Z").plusMinutes(i).toString())
                    .ticket("R" + i).channel("chat"));
        }
        log.append(created.toArray(Event[]::new));
        whilePreviousReleaseHoldsTurn(0, () -> {
            assertEquals(0, tickets.projectNextBatch(0, 1000).await().indefinitely(), "partition 0 waits");
            assertEquals(0, tickets.projectNextBatch(2, 1000).await().indefinitely(), "partition 2 waits");
            assertEquals(12, tickets.projectNextBatch(1, 1000).await().indefinitely());
            assertEquals(12, tickets.projectNextBatch(3, 1000).await().indefinitely());
        });
        assertEquals(12, tickets.projectNextBatch(0, 1000).await().indefinitely());
        assertEquals(12, tickets.projectNextBatch(2, 1000).await().indefinitely());
        assertEquals(12L, count("SELECT count(*) FROM metrics.tickets WHERE ticket_id LIKE 'R%'"));
    }

    @Test
    void ofAnOddCountEveryPartitionWaitsForEitherTurnOfThePreviousRelease() {
        // Of three partitions, each holds events of both of the previous release's partitions: a batch of its
        // partition 1 holding that turn keeps all three from projecting until it commits.
        log.append(event("ticket.created", "2026-03-02T09:00:00Z").ticket("O1").channel("chat"));
        TicketProjectionRepository inThree = new TicketProjectionRepository(pool, 3);
        assertEquals(0, inThree.projectNextBatch(0, 1000).await().indefinitely(), "aligns the cursors for three");
        whilePreviousReleaseHoldsTurn(1, () -> {
            for (int partition = 0; partition < 3; partition++) {
                assertEquals(0, inThree.projectNextBatch(partition, 1000).await().indefinitely(),
                        "partition " + partition + " waits");
            }
        });
        for (int partition = 0; partition < 3; partition++) {
            assertEquals(1, inThree.projectNextBatch(partition, 1000).await().indefinitely());
        }
        assertEquals(1L, count("SELECT count(*) FROM metrics.tickets WHERE ticket_id = 'O1'"));
    }

    @Test
    void twoPartitionsAreThePreviousReleasesAndFourSplitThem() {
        // While a rolling upgrade runs the previous release (two partitions, by the hash's lowest bit) beside this one,
        // both must agree on every event's partition; with four, the previous release's partition of each number
        // holds this one's partition of that number.
        assertEquals(0L, count("""
                SELECT count(*) FROM generate_series(1, 20000) AS i,
                     LATERAL (VALUES ('ticket.created', 'T' || i, NULL, 'e' || i),
                                     ('contact.queued', NULL, 'C' || i, 'e' || i),
                                     ('kb.article_viewed', NULL, NULL, 'e' || i)) AS e(type, ticket, contact, id)
                WHERE metrics.projection_partition(e.type, e.ticket, e.contact, e.id)
                          <> metrics.projection_partition(e.type, e.ticket, e.contact, e.id, 2)
                   OR metrics.projection_partition(e.type, e.ticket, e.contact, e.id)
                          <> metrics.projection_partition(e.type, e.ticket, e.contact, e.id, 4) % 2
                """));
    }

    @Test
    void aCountOfPartitionsOutsideOneToSixteenIsRefused() {
        for (int partitions : new int[] { 0, -1, 17 }) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> new TicketProjectionRepository(pool, partitions));
            assertEquals("supportpulse.metrics.projection.partitions must be between 1 and 16, not " + partitions,
                    refused.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> tickets.projectNextBatch(4, 1000));
    }

    /** Runs {@code meanwhile} while a transaction holds a turn as a batch of the previous release holds it. */
    private void whilePreviousReleaseHoldsTurn(int turn, Runnable meanwhile) {
        SqlConnection previousRelease = pool.getConnection().await().indefinitely();
        try {
            previousRelease.query("BEGIN").execute().await().indefinitely();
            previousRelease.preparedQuery("SELECT pg_advisory_xact_lock(hashtext('supportpulse.metrics.tickets'), $1)")
                    .execute(Tuple.of(turn)).await().indefinitely();
            meanwhile.run();
            previousRelease.query("COMMIT").execute().await().indefinitely();
        } finally {
            previousRelease.closeAndAwait();
        }
    }

    private List<String> cursorNames() {
        List<String> names = new ArrayList<>();
        pool.query("SELECT name FROM metrics.projection_cursor WHERE name LIKE 'tickets/%' ORDER BY name").execute()
                .await().indefinitely().forEach(row -> names.add(row.getString(0)));
        return names;
    }

    /**
     * 20 tickets created and projected, then resolved, and only partition 0 projects the resolutions.
     *
     * @return where partition 1's cursor stands: behind the resolutions
     */
    private Row createdProjectedResolvedAheadInPartitionZero(String ticketPrefix) {
        List<Event> first = new ArrayList<>();
        List<Event> second = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            OffsetDateTime created = OffsetDateTime.parse("2026-03-02T09:00:00Z").plusMinutes(5L * i);
            first.add(event("ticket.created", created.toString()).ticket(ticketPrefix + i).channel("email"));
            second.add(event("ticket.resolved", created.plusHours(1).toString()).ticket(ticketPrefix + i).agent("A1"));
        }
        log.appendAndProject(first.toArray(Event[]::new));
        Row behind = cursor(1);
        log.append(second.toArray(Event[]::new));
        assertEquals(20, tickets.projectNextBatch(0, 1000).await().indefinitely());
        return behind;
    }

    /** The single number a statement without parameters answers, such as a count. */
    private long count(String sql) {
        return pool.query(sql).execute().await().indefinitely().iterator().next().getLong(0);
    }

    private Row cursor(int partition) {
        return pool.preparedQuery("SELECT last_txid::text, last_seq FROM metrics.projection_cursor WHERE name = $1")
                .execute(Tuple.of(TicketProjectionRepository.cursor(partition))).await().indefinitely().iterator()
                .next();
    }

    @Test
    void aWindowFoundBeforeItWasFullIsFoundAgainWithTheEventsWrittenSince() {
        // The partitions take the windows of the log that the first to reach them found, but only full ones: a window
        // found short (3 of at most 7 events) may hold more events by the time the other partition reaches it.
        List<Event> first = new ArrayList<>();
        List<Event> later = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            OffsetDateTime created = OffsetDateTime.parse("2026-03-02T09:00:00Z").plusMinutes(5L * i);
            (i < 3 ? first : later).add(event("ticket.created", created.toString()).ticket("W" + i).channel("chat"));
        }
        log.append(first.toArray(Event[]::new));
        assertEquals(3, tickets.projectNextBatch(0, 7).await().indefinitely(), "partition 0 found the 3 events");
        log.append(later.toArray(Event[]::new));
        assertEquals(7, tickets.projectNextBatch(1, 7).await().indefinitely(), "partition 1 found a full window");
        assertEquals(7, tickets.projectNextBatch(0, 7).await().indefinitely(), "partition 0 went on past 10 events");
        assertEquals(6, tickets.projectNextBatch(1, 7).await().indefinitely(), "partition 1 went past the last 6");
        log.project();
        assertEquals(13L, count("SELECT count(*) FROM metrics.tickets WHERE ticket_id LIKE 'W%'"));

        // The log emptied and written again from the start: partition 0 reaches the start where partition 1 found a
        // full window of the old log, whose events are gone, and finds the new log's window instead.
        log.clear();
        log.append(first.toArray(Event[]::new));
        assertEquals(3, tickets.projectNextBatch(0, 7).await().indefinitely(), "the new log's 3 events");
    }

    @Test
    void aTicketsFactsFollowItsWholeLifecycle() {
        log.appendAndProject(lifeOfT1());
        assertLifeOfT1();
    }

    @Test
    void eventsInReverseOrderAndInManyBatchesGiveTheSameFacts() {
        Event[] events = lifeOfT1();
        for (int i = events.length - 1; i >= 0; i--) {
            log.appendAndProject(events[i]);
        }
        assertLifeOfT1();
    }

    @Test
    void replayingTheLogChangesNothing() {
        log.appendAndProject(lifeOfT1());
        log.rewind();
        assertEquals(14, log.project(), "the whole log is read again");
        assertLifeOfT1();
    }

    @Test
    void theProjectionResumesWhereItStopped() {
        Event[] events = lifeOfT1();
        log.appendAndProject(java.util.Arrays.copyOfRange(events, 0, 5));
        log.append(java.util.Arrays.copyOfRange(events, 5, events.length));
        // Only the 9 new events are read: the cursor was kept in the database.
        assertEquals(9, log.project());
        assertEquals(0, log.project());
        assertLifeOfT1();
    }

    @Test
    void theProjectionsSessionsGetLocalBuffersForTheirTemporaryTables() {
        // Each batch is staged in temporary tables of about a hundred megabytes at a million tickets; the sessions of
        // the pool it runs in get the local buffers to hold them (application.properties says why this size).
        String buffers = pool.withConnection(connection -> connection.query("SHOW temp_buffers").execute())
                .map(rows -> rows.iterator().next().getString(0)).await().indefinitely();
        assertEquals("128MB", buffers);
    }

    @Test
    void theTablesReadThroughCoveringIndexesAreVacuumedOnceAHundredthOfThemChanged() {
        // Index-only scans skip only the pages that a vacuum has marked all-visible (migration V19 says why and what
        // it measured); PostgreSQL's default waits for a fifth of the table.
        List<String> options = pool.query("""
                SELECT c.relname || ' ' || array_to_string(autovacuum.options, ' ')
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                CROSS JOIN LATERAL (SELECT array(SELECT o FROM unnest(c.reloptions) o WHERE o LIKE 'autovacuum%'
                                                 ORDER BY 1) AS options) autovacuum
                WHERE n.nspname = 'metrics' AND c.relkind = 'r' AND cardinality(autovacuum.options) > 0
                ORDER BY c.relname
                """).execute().map(rows -> {
            List<String> found = new ArrayList<>();
            rows.forEach(row -> found.add(row.getString(0)));
            return found;
        }).await().indefinitely();
        String everyHundredth = " autovacuum_vacuum_insert_scale_factor=0.01 autovacuum_vacuum_scale_factor=0.01";
        assertEquals(List.of("ticket_messages" + everyHundredth, "ticket_resolved_spans" + everyHundredth,
                "tickets" + everyHundredth), options);
    }

    @Test
    void aReopenedTicketIsNotResolvedUntilResolvedAgain() {
        log.appendAndProject(event("ticket.created", "2026-03-02T09:00:00Z").ticket("T2").channel("email"),
                event("ticket.resolved", "2026-03-02T10:00:00Z").ticket("T2").agent("A1"),
                event("ticket.reopened", "2026-03-02T11:00:00Z").ticket("T2"));
        assertNull(ticket("T2").getOffsetDateTime("resolved_at"));
        assertNull(ticket("T2").getString("resolver"));
        assertEquals("normal", ticket("T2").getString("priority"), "priority defaults to normal");
    }

    @Test
    void eventsAtTheSameInstantGiveTheSameFactsInEitherArrivalOrder() {
        // A resolution and a reopen stamped at the same second: whichever arrives first, the outcome is the same.
        Event created = event("ticket.created", "2026-03-02T09:00:00Z").ticket("TIE").channel("email");
        Event resolved = event("ticket.resolved", "2026-03-02T12:00:00Z").ticket("TIE").agent("A1");
        Event reopened = event("ticket.reopened", "2026-03-02T12:00:00Z").ticket("TIE");
        log.appendAndProject(created, resolved);
        log.appendAndProject(reopened);
        Object firstOrder = ticket("TIE").getOffsetDateTime("resolved_at");

        log.clear();
        log.appendAndProject(created, reopened);
        log.appendAndProject(resolved);
        assertEquals(firstOrder, ticket("TIE").getOffsetDateTime("resolved_at"));
    }

    @Test
    void eventsOfATicketWhoseCreationHasNotArrivedWait() {
        log.appendAndProject(event("ticket.assigned", "2026-03-02T09:05:00Z").ticket("T3").agent("A1"));
        assertNull(ticket("T3").getOffsetDateTime("created_at"));
        log.appendAndProject(event("ticket.created", "2026-03-02T09:00:00Z").ticket("T3").channel("phone"));
        assertEquals(OffsetDateTime.parse("2026-03-02T09:00:00Z"), ticket("T3").getOffsetDateTime("created_at"));
        assertEquals("A1", ticket("T3").getString("assignee"));
    }
}

package dev.supportpulse.metrics.repository;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.supportpulse.metrics.config.MetricsConfig;

/**
 * Keeps the read models in step with one partition of the event log: reads the next committed events after the
 * partition's cursor and recomputes every ticket and contact of the partition they touch from all of its events, adds
 * the quality reviews and self-service events among them, and moves the hourly and daily rollup by what those tickets
 * contribute now instead of before, in one transaction with the cursor move.
 */
@ApplicationScoped
public class TicketProjectionRepository {

    private static final Logger LOG = Logger.getLogger(TicketProjectionRepository.class);

    /** The most partitions the log may be projected in (migration V20's check). */
    public static final int MAX_PARTITIONS = 16;

    /**
     * The advisory locks of the releases with two partitions, with the partition (0 or 1) as second key: their batches
     * take their partition's exclusively, and an SLA policy change takes both.
     */
    private static final String TURN = "hashtext('supportpulse.metrics.tickets')";

    /** The advisory locks of the partitions, with the partition as second key. */
    private static final String PARTITION_TURN = "hashtext('supportpulse.metrics.tickets.partition')";

    /**
     * One replica projects a partition at a time; the others find the lock taken and skip their turn. A batch also
     * takes, shared, the two-partition turns whose events its partition holds, so that while a rolling upgrade runs the
     * previous release beside this one, a batch of either never recomputes the tickets of a batch of the other at the
     * same time. Of an even count, a partition's events are those of one two-partition turn (V20's function):
     * partitions 0, 2, 4, ... of turn 0, the others of turn 1. Of an odd count, they are of both.
     */
    private static String takeTurn(int partitions) {
        String twoPartitionTurns = partitions % 2 == 0 ? "pg_try_advisory_xact_lock_shared(" + TURN + ", $1 % 2)"
                : "pg_try_advisory_xact_lock_shared(" + TURN + ", 0) AND pg_try_advisory_xact_lock_shared(" + TURN
                        + ", 1)";
        return "SELECT " + twoPartitionTurns + " AND pg_try_advisory_xact_lock(" + PARTITION_TURN + ", $1)";
    }

    /**
     * Takes every partition's turn for the current transaction, waiting for batches in progress: both two-partition
     * turns exclusively, which every batch of either release holds one of. Batches that would start meanwhile find them
     * taken or waited for and skip their turn.
     */
    public static final String HOLD_ALL_TURNS = """
            SELECT count(*) FROM (SELECT pg_advisory_xact_lock(%s, p) FROM generate_series(0, 1) AS p) turns
            """.formatted(TURN);

    // "aligned": the server's hashtext, which picks each event's partition, gives what it gave when the cursors were
    // last aligned (migration V17 says why it may not), and they were aligned for this count of partitions. A cursor
    // that is not there (a partition beyond the recorded count) is not aligned either.
    private static final String READ_CURSOR = """
            SELECT last_txid::text, last_seq,
                   (SELECT probe_hash = metrics.projection_hash_probe() AND partitions = $2
                    FROM metrics.projection_partitioning) AS aligned
            FROM metrics.projection_cursor WHERE name = $1 FOR UPDATE
            """;

    // Under every partition's turn: if the hash or the count is still not the recorded one, every partition goes on
    // from the earliest cursor (migration V20).
    private static final String REALIGN_PARTITIONS = "SELECT * FROM metrics.realign_projection_partitions($1)";

    /**
     * The touched rows are a sliver of tables that only grow, and their statistics lag behind that growth: a planner
     * that picks a sequential scan per batch makes catch-up quadratic. The batch's sorts and aggregates get the memory
     * to stay off disk, and its statements are too short-lived to repay JIT compilation. Sorts stay off while the batch
     * is staged (until SORTS_ON): the staged batch has no statistics, so the planner expected a few hundred events and
     * sorted the batch's 170,000 ticket events to group them by ticket, where hashing them takes a third of the time.
     */
    private static final String TUNE = """
            SELECT set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true),
                   set_config('work_mem', '64MB', true), set_config('enable_sort', 'off', true)
            """;

    /** Sorts back on, once the batch and what it touches are staged: the recomputes order each ticket's events. */
    private static final String SORTS_ON = "SELECT set_config('enable_sort', 'on', true)";

    // The batch and what it touches are staged in temporary tables that live for the projection transaction only.
    // The partition's events are copied whole, so that the facts of their own (reviews, self-service, ...) and the
    // tickets and contacts new to the read models are computed from that copy instead of reading the log again.
    // Reads of the big tables by the touched tickets go through their ticket index one ticket at a time: by a lateral
    // subquery (OFFSET 0 keeps it from being flattened into a join) or by "= ANY (ARRAY(...))", an index condition.
    // A join would let the planner hash the temporary table, which has no statistics, and scan the whole index.
    private static final String CREATE_BATCH = """
            CREATE TEMP TABLE batch_events (LIKE ingest.event_log) ON COMMIT DROP
            """;

    // The window: the next events of the whole log, which the cursor passes; its size and last position are found from
    // the (txid, seq) index alone. Rows below the oldest running transaction's id are final: no row can appear before
    // them later. The bound is read once, by a subquery: pg_current_snapshot() is volatile, and taken per row it cost
    // about 3 s of each 100,000-event batch while ingest-service was writing (a snapshot costs more the more sessions
    // are running). The window's last transaction can hold events past the window's end, so its last position is the
    // highest seq among the window's own rows of that transaction.
    private static final String FIND_WINDOW = """
            WITH window_keys AS MATERIALIZED (
                SELECT txid, seq FROM ingest.event_log
                WHERE (txid, seq) > ($1::text::xid8, $2::bigint)
                  AND txid < (SELECT pg_snapshot_xmin(pg_current_snapshot()))
                ORDER BY txid, seq
                LIMIT $3),
            last_transaction AS (
                SELECT count(*) AS events, max(txid) AS txid FROM window_keys)
            SELECT l.events, l.txid::text AS last_txid,
                   (SELECT max(seq) FROM window_keys w WHERE w.txid = l.txid) AS last_seq
            FROM last_transaction l
            """;

    // The batch: the window's events of the partition, staged whole. The window is read again by its bounds, which
    // hold exactly its events: every row up to its last position lies below the transaction id bound, so it was final
    // when the window was found. Bounded on both sides, the scan can filter by partition itself (under a LIMIT, such a
    // filter led the planner to read the whole rest of the log). Copying the whole window once instead, to stage the
    // partition's part and find the bounds from the copy, cost a third more: the wide copy spilled to a temporary file
    // and was read three times.
    private static final String STAGE_BATCH = """
            INSERT INTO batch_events
            SELECT * FROM ingest.event_log
            WHERE (txid, seq) > ($1::text::xid8, $2::bigint) AND (txid, seq) <= ($3::text::xid8, $4::bigint)
              AND metrics.projection_partition(type, ticket_id, contact_id, event_id, $6) = $5
            """;

    // The batch's events that are facts of their own (reviews, customers, self-service, business, costs): an eighth of
    // the log, copied apart once so that the statements that add them, one per kind, and the batch's counts of them
    // read that copy instead of each scanning the whole batch (40 ms a scan in a window of 400,000 events).
    private static final String STAGE_BATCH_FACTS = """
            CREATE TEMP TABLE batch_facts ON COMMIT DROP AS
            SELECT * FROM batch_events WHERE type NOT LIKE 'ticket.%' AND type NOT LIKE 'contact.%'
            """;

    /** The event types the self-service metrics are computed from. */
    private static final String SELF_SERVICE_TYPES = "'kb.article_viewed', 'kb.article_voted', 'bot.conversation', "
            + "'forum.post_created', 'forum.thread_resolved', 'selfservice.session'";

    /** The event types of the offer, social and customer-base metrics. */
    private static final String BUSINESS_TYPES = "'customer.offer_granted', 'social.engagement', "
            + "'customer.churned', 'customer.revenue'";

    // The batch's counts by kind in one pass (a scan per count took 7.5 s of a million tickets' catch-up).
    private static final String BATCH_SUMMARY = """
            SELECT (SELECT count(*) FROM touched_tickets) AS tickets,
                   (SELECT count(*) FROM touched_contacts) AS contacts, kinds.*
            FROM (SELECT count(*) FILTER (WHERE type = 'qa.review') AS reviews,
                         count(*) FILTER (WHERE type = 'customer.created') AS customers,
                         count(*) FILTER (WHERE type IN (%s)) AS self_service,
                         count(*) FILTER (WHERE type IN (%s)) AS business,
                         count(*) FILTER (WHERE type = 'cost.recorded') AS costs
                  FROM batch_facts) kinds
            """.formatted(SELF_SERVICE_TYPES, BUSINESS_TYPES);

    // Each kind of ticket fact depends on a few event types only, so each is recomputed just for the tickets that
    // got one of those; the ticket row itself for every ticket with a new ticket event. "known": the ticket has a row
    // in metrics.tickets already. A ticket without one has no per-event rows and no contributions to take away either
    // (every batch that writes those writes its ticket row too), so only known tickets are cleared and read before
    // the recompute: most tickets a catch-up touches are new. No key on these tables: their rows are unique by the
    // grouping that makes them, and every statement reads them whole. Whether a ticket is known is looked up ticket by
    // ticket, by a lateral subquery: PostgreSQL plans an EXISTS in the select list as a hash of the whole primary key
    // index once it expects many tickets, which at a million tickets took 1.2 s of a batch instead of 0.35 s.
    private static final String CREATE_TOUCHED_TICKETS = """
            CREATE TEMP TABLE touched_tickets (ticket_id text, conversation boolean, assignments boolean,
                state_changes boolean, reopens boolean, known boolean) ON COMMIT DROP
            """;

    private static final String STAGE_TOUCHED_TICKETS = """
            INSERT INTO touched_tickets
            SELECT g.*, k.known IS NOT NULL
            FROM (SELECT ticket_id,
                         bool_or(type IN ('ticket.created', 'ticket.customer_replied', 'ticket.agent_replied')),
                         bool_or(type = 'ticket.assigned'),
                         bool_or(type IN ('ticket.resolved', 'ticket.reopened')),
                         bool_or(type = 'ticket.reopened')
                  FROM batch_events
                  WHERE ticket_id IS NOT NULL AND type LIKE 'ticket.%'
                  GROUP BY ticket_id) g
            LEFT JOIN LATERAL (SELECT true AS known FROM metrics.tickets t WHERE t.ticket_id = g.ticket_id LIMIT 1) k
                ON true
            """;

    private static final String CREATE_TOUCHED_CONTACTS = """
            CREATE TEMP TABLE touched_contacts (contact_id text, known boolean) ON COMMIT DROP
            """;

    private static final String STAGE_TOUCHED_CONTACTS = """
            INSERT INTO touched_contacts
            SELECT g.contact_id, k.known IS NOT NULL
            FROM (SELECT DISTINCT contact_id FROM batch_events
                  WHERE contact_id IS NOT NULL AND type LIKE 'contact.%') g
            LEFT JOIN LATERAL (SELECT true AS known FROM metrics.contacts c WHERE c.contact_id = g.contact_id LIMIT 1) k
                ON true
            """;

    // Events are taken in the order they happened, then by id for equal instants, so that the outcome does not depend
    // on the order they arrived in: each ticket's values of a kind are gathered in that order (the ticket's events
    // come sorted, and an aggregate without ORDER BY takes its rows in input order), its first value is the first of
    // them and its latest the last. Sorting every ticket's events once costs less than an ORDER BY in each aggregate,
    // which PostgreSQL before 16 sorts for each ticket and aggregate apart (a quarter of this statement's time at a
    // million tickets). The tickets are sorted by bytes (COLLATE "C"): their order does not matter, and the database's
    // linguistic collation compares more slowly. A ticket's channel, region and team are the envelope's on
    // ticket.created (attributes of those names there are unknown keys, kept and ignored) and the attributes' on
    // ticket.updated.
    private static final String RECOMPUTE_TICKETS = """
            WITH ticket_events AS (
                SELECT ticket_id COLLATE "C" AS ticket_id, type, occurred_at, agent_id, team_id, customer_id, channel,
                       region, attributes
                FROM touched_ticket_events
                ORDER BY 1, occurred_at, event_id),
            histories AS (
                SELECT ticket_id,
                       min(occurred_at) FILTER (WHERE type = 'ticket.created') AS created_at,
                       array_agg(CASE WHEN type = 'ticket.updated' THEN attributes->>'channel' ELSE channel END)
                           FILTER (WHERE (type = 'ticket.created' AND channel IS NOT NULL)
                                      OR (type = 'ticket.updated' AND attributes ? 'channel')) AS channels,
                       array_agg(CASE WHEN type = 'ticket.updated' THEN attributes->>'region' ELSE region END)
                           FILTER (WHERE (type = 'ticket.created' AND region IS NOT NULL)
                                      OR (type = 'ticket.updated' AND attributes ? 'region')) AS regions,
                       array_agg(attributes->>'type')
                           FILTER (WHERE type IN ('ticket.created', 'ticket.updated') AND attributes ? 'type') AS types,
                       array_agg(attributes->>'priority')
                           FILTER (WHERE type IN ('ticket.created', 'ticket.updated')
                                     AND attributes ? 'priority') AS priorities,
                       array_agg(CASE WHEN type = 'ticket.updated' THEN attributes->>'teamId' ELSE team_id END)
                           FILTER (WHERE (type = 'ticket.created' AND team_id IS NOT NULL)
                                      OR (type = 'ticket.updated' AND attributes ? 'teamId')) AS teams,
                       (array_agg(customer_id) FILTER (WHERE type = 'ticket.created'))[1] AS customer_id,
                       array_agg(agent_id) FILTER (WHERE type = 'ticket.assigned') AS assignees,
                       array_agg(occurred_at) FILTER (WHERE type = 'ticket.assigned') AS assigned_at,
                       min(occurred_at) FILTER (WHERE type = 'ticket.agent_replied'
                           AND coalesce(attributes->>'public', 'true') <> 'false') AS first_reply_at,
                       (array_agg(agent_id) FILTER (WHERE type = 'ticket.agent_replied'
                           AND coalesce(attributes->>'public', 'true') <> 'false'))[1] AS first_reply_agent,
                       count(*) FILTER (WHERE type = 'ticket.agent_replied'
                           AND coalesce(attributes->>'public', 'true') <> 'false') AS public_replies,
                       count(*) FILTER (WHERE type = 'ticket.customer_replied') AS customer_replies,
                       array_agg(type) FILTER (WHERE type IN ('ticket.resolved', 'ticket.reopened')) AS state_changes,
                       max(occurred_at) FILTER (WHERE type = 'ticket.resolved') AS last_resolved_at,
                       array_agg(agent_id) FILTER (WHERE type = 'ticket.resolved') AS resolvers,
                       count(*) FILTER (WHERE type = 'ticket.reopened') AS reopens,
                       bool_or(type = 'ticket.escalated') AS escalated,
                       coalesce(sum((attributes->>'seconds')::bigint) FILTER (WHERE type = 'ticket.work_logged'), 0)
                           AS work_seconds
                FROM ticket_events
                GROUP BY ticket_id),
            facts AS (
                SELECT h.ticket_id, h.created_at, h.channels[cardinality(h.channels)] AS channel,
                       h.regions[cardinality(h.regions)] AS region, h.types[cardinality(h.types)] AS type,
                       h.priorities[cardinality(h.priorities)] AS priority, h.teams[cardinality(h.teams)] AS team_id,
                       h.customer_id, h.assignees[cardinality(h.assignees)] AS assignee,
                       h.assigned_at[1] AS first_assigned_at, h.assignees[1] AS first_assignee, h.first_reply_at,
                       h.first_reply_agent, h.public_replies, h.customer_replies,
                       h.state_changes[cardinality(h.state_changes)] AS last_state_change, h.last_resolved_at,
                       h.resolvers[cardinality(h.resolvers)] AS last_resolver, h.reopens, h.escalated, h.work_seconds,
                       -- The assignee at the moment of the latest resolution, for a resolution without an agent.
                       CASE WHEN h.resolvers[cardinality(h.resolvers)] IS NULL AND h.last_resolved_at IS NOT NULL
                            THEN (SELECT a.agent_id FROM unnest(h.assignees, h.assigned_at) WITH ORDINALITY
                                      AS a (agent_id, at, n)
                                  WHERE a.at <= h.last_resolved_at
                                  ORDER BY a.n DESC LIMIT 1) END AS assignee_then
                FROM histories h),
            -- Written back as they are stored, for their new contributions (reading them again cost 6 s of a million
            -- tickets' catch-up).
            upserted AS (
                INSERT INTO metrics.tickets AS t (ticket_id, created_at, channel, region, type, priority, team_id,
                    customer_id, assignee, first_assigned_at, first_assignee, first_reply_at, first_reply_agent,
                    public_replies, customer_replies, resolved_at, resolver, reopens, escalated, work_seconds,
                    latest_resolver)
                SELECT f.ticket_id, f.created_at, f.channel, f.region, f.type, coalesce(f.priority, 'normal'),
                       f.team_id, f.customer_id, f.assignee, f.first_assigned_at, f.first_assignee, f.first_reply_at,
                       f.first_reply_agent, f.public_replies, f.customer_replies,
                       CASE WHEN f.last_state_change = 'ticket.resolved' THEN f.last_resolved_at END,
                       CASE WHEN f.last_state_change = 'ticket.resolved'
                            THEN coalesce(f.last_resolver, f.assignee_then) END,
                       f.reopens, f.escalated, f.work_seconds, coalesce(f.last_resolver, f.assignee_then)
                FROM facts f
                ON CONFLICT (ticket_id) DO UPDATE SET
                    created_at = excluded.created_at, channel = excluded.channel, region = excluded.region,
                    type = excluded.type, priority = excluded.priority, team_id = excluded.team_id,
                    customer_id = excluded.customer_id, assignee = excluded.assignee,
                    first_assigned_at = excluded.first_assigned_at, first_assignee = excluded.first_assignee,
                    first_reply_at = excluded.first_reply_at, first_reply_agent = excluded.first_reply_agent,
                    public_replies = excluded.public_replies, customer_replies = excluded.customer_replies,
                    resolved_at = excluded.resolved_at, resolver = excluded.resolver, reopens = excluded.reopens,
                    escalated = excluded.escalated, work_seconds = excluded.work_seconds,
                    latest_resolver = excluded.latest_resolver
                RETURNING t.*)
            INSERT INTO new_tickets SELECT * FROM upserted
            """;

    /** The touched tickets' rows as RECOMPUTE_TICKETS writes them, for their new contributions to the rollup. */
    private static final String CREATE_NEW_TICKETS = """
            CREATE TEMP TABLE new_tickets (LIKE metrics.tickets) ON COMMIT DROP
            """;

    // Every ticket recompute below reads the touched tickets' events from this one copy, instead of each reading the
    // log again; each row carries its ticket's flags from touched_tickets. A known ticket's events are read from the
    // log; OFFSET 0 keeps the planner from turning the lateral read into a join over the whole log: it goes through
    // the (ticket_id, occurred_at) index ticket by ticket. A new ticket has no events before the window (each batch
    // that projects one writes its row), so its events are the batch's: later ones are still to come, and the batch
    // that brings them recomputes it again. Its flags are all set: every recompute may read its events, as a kind it
    // has no event of gives it no rows either. So its events are picked by the few known tickets instead of joined
    // with touched_tickets, where the planner, blind to the staged tables' sizes, hashed the whole batch (180 ms of
    // this statement's 490 ms).
    private static final String CREATE_STAGE = """
            CREATE TEMP TABLE touched_ticket_events (LIKE ingest.event_log, conversation boolean, assignments boolean,
                state_changes boolean, reopens boolean) ON COMMIT DROP
            """;

    private static final String STAGE_TICKET_EVENTS = """
            INSERT INTO touched_ticket_events
            SELECT e.*, k.conversation, k.assignments, k.state_changes, k.reopens
            FROM touched_tickets k
            CROSS JOIN LATERAL (
                SELECT * FROM ingest.event_log e WHERE e.ticket_id = k.ticket_id AND e.type LIKE 'ticket.%'
                OFFSET 0) e
            WHERE k.known
            UNION ALL
            SELECT e.*, true, true, true, true
            FROM batch_events e
            WHERE e.ticket_id IS NOT NULL AND e.type LIKE 'ticket.%'
              AND e.ticket_id NOT IN (SELECT ticket_id FROM touched_tickets WHERE known)
            """;

    // The creation sorts first even when a reply is stamped before it: such a reply answers the creation with 0 s.
    // Each message is answered by the next public reply; "answer" numbers a reply and the messages it answers alike
    // (1 + the replies before the row), so one group per answered reply, which holds that reply only: max picks it
    // without sorting the group. This statement and the window statements below partition the tickets by their bytes
    // (COLLATE "C"), as RECOMPUTE_TICKETS groups them: the order of the tickets does not matter, and the sort takes a
    // fifth less time than under the database's linguistic collation.
    private static final String RECOMPUTE_REPLIES = """
            WITH cleared AS (
                DELETE FROM metrics.ticket_replies
                WHERE ticket_id = ANY (ARRAY(SELECT ticket_id FROM touched_tickets WHERE known AND conversation))),
            conversation AS (
                SELECT ticket_id COLLATE "C" AS ticket_id, occurred_at, type = 'ticket.agent_replied' AS is_reply,
                       agent_id, event_id,
                       type = 'ticket.created' AS is_creation
                FROM touched_ticket_events
                WHERE conversation
                  AND (type IN ('ticket.created', 'ticket.customer_replied')
                       OR (type = 'ticket.agent_replied' AND coalesce(attributes->>'public', 'true') <> 'false'))),
            numbered AS (
                SELECT * FROM (
                    SELECT *, 1 + count(*) FILTER (WHERE is_reply) OVER (PARTITION BY ticket_id
                               ORDER BY is_creation DESC, occurred_at, event_id
                               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS answer,
                           bool_or(is_creation) OVER (PARTITION BY ticket_id) AS created
                    FROM conversation) c
                WHERE created),
            answered AS (
                SELECT ticket_id, answer,
                       min(occurred_at) FILTER (WHERE NOT is_reply) AS first_message_at,
                       max(occurred_at) FILTER (WHERE is_reply) AS replied_at,
                       max(agent_id) FILTER (WHERE is_reply) AS reply_agent
                FROM numbered
                GROUP BY ticket_id, answer)
            INSERT INTO metrics.ticket_replies (ticket_id, replied_at, reply_agent, wait_seconds)
            SELECT ticket_id, replied_at, reply_agent, greatest(0, extract(epoch FROM replied_at - first_message_at))
            FROM answered
            WHERE replied_at IS NOT NULL AND first_message_at IS NOT NULL
            """;

    private static final String RECOMPUTE_REOPENS = """
            WITH cleared AS (
                DELETE FROM metrics.ticket_reopens
                WHERE ticket_id = ANY (ARRAY(SELECT ticket_id FROM touched_tickets WHERE known AND reopens)))
            INSERT INTO metrics.ticket_reopens (ticket_id, reopened_at)
            SELECT ticket_id, occurred_at FROM touched_ticket_events
            WHERE reopens AND type = 'ticket.reopened'
            """;

    private static final String RECOMPUTE_REASSIGNMENTS = """
            WITH cleared AS (
                DELETE FROM metrics.ticket_reassignments
                WHERE ticket_id = ANY (ARRAY(SELECT ticket_id FROM touched_tickets WHERE known AND assignments))),
            assignments AS (
                SELECT ticket_id COLLATE "C" AS ticket_id, occurred_at, agent_id,
                       lag(agent_id) OVER (PARTITION BY ticket_id ORDER BY occurred_at, event_id) AS previous_agent
                FROM touched_ticket_events
                WHERE assignments AND type = 'ticket.assigned')
            INSERT INTO metrics.ticket_reassignments (ticket_id, reassigned_at)
            SELECT ticket_id, occurred_at FROM assignments
            WHERE previous_agent IS NOT NULL AND previous_agent <> agent_id
            """;

    // Resolutions without a reopen between them share one span (the same next reopen), so spans never overlap and
    // each starts one resolved stretch; "resolved at x" reads the same either way.
    private static final String RECOMPUTE_RESOLVED_SPANS = """
            WITH cleared AS (
                DELETE FROM metrics.ticket_resolved_spans
                WHERE ticket_id = ANY (ARRAY(SELECT ticket_id FROM touched_tickets WHERE known AND state_changes))),
            changes AS (
                SELECT ticket_id COLLATE "C" AS ticket_id, occurred_at, event_id, type FROM touched_ticket_events
                WHERE state_changes AND type IN ('ticket.resolved', 'ticket.reopened'))
            INSERT INTO metrics.ticket_resolved_spans (ticket_id, resolved_from, resolved_until)
            SELECT ticket_id, min(occurred_at), next_reopen
            FROM (SELECT ticket_id, occurred_at, type,
                         min(occurred_at) FILTER (WHERE type = 'ticket.reopened') OVER (PARTITION BY ticket_id
                             ORDER BY occurred_at, event_id ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS next_reopen
                  FROM changes) c
            WHERE type = 'ticket.resolved'
            GROUP BY ticket_id, next_reopen
            """;

    private static final String RECOMPUTE_MESSAGES = """
            WITH cleared AS (
                DELETE FROM metrics.ticket_messages
                WHERE ticket_id = ANY (ARRAY(SELECT ticket_id FROM touched_tickets WHERE known AND conversation)))
            INSERT INTO metrics.ticket_messages (ticket_id, sent_at, from_customer)
            SELECT ticket_id, occurred_at, type = 'ticket.customer_replied' FROM touched_ticket_events
            WHERE conversation
              AND (type = 'ticket.customer_replied'
                   OR (type = 'ticket.agent_replied' AND coalesce(attributes->>'public', 'true') <> 'false'))
            """;

    // The contact's place (channel, region) comes from its first events; its team from the latest that names one.
    // Like a ticket's, a contact's events are read from the log if it is known ("known": it has a row in
    // metrics.contacts, which every batch with one of its events writes) and from the batch if it is new; and, as in
    // RECOMPUTE_TICKETS, they are sorted once, each contact's values of a kind gathered in the order the events
    // happened: the first value is the first of them, the latest the last.
    private static final String RECOMPUTE_CONTACTS = """
            WITH contact_events AS (
                SELECT e.* FROM touched_contacts k
                CROSS JOIN LATERAL (
                    SELECT * FROM ingest.event_log e
                    WHERE e.contact_id = k.contact_id AND e.type LIKE 'contact.%'
                    OFFSET 0) e
                WHERE k.known
                UNION ALL
                SELECT e.* FROM touched_contacts k
                JOIN batch_events e ON e.contact_id = k.contact_id AND e.type LIKE 'contact.%'
                WHERE NOT k.known),
            in_order AS (
                SELECT contact_id COLLATE "C" AS contact_id, type, occurred_at, agent_id, team_id, channel, region,
                       ticket_id, customer_id, attributes
                FROM contact_events
                ORDER BY 1, occurred_at, event_id),
            histories AS (
                SELECT contact_id,
                       min(occurred_at) FILTER (WHERE type = 'contact.queued') AS queued_at,
                       min(occurred_at) FILTER (WHERE type = 'contact.answered') AS answered_at,
                       min(occurred_at) FILTER (WHERE type = 'contact.abandoned') AS abandoned_at,
                       min(occurred_at) FILTER (WHERE type = 'contact.blocked') AS blocked_at,
                       max(occurred_at) FILTER (WHERE type = 'contact.ended') AS ended_at,
                       (array_agg(agent_id) FILTER (WHERE type = 'contact.answered'))[1] AS answering_agent,
                       array_agg(agent_id) FILTER (WHERE type = 'contact.ended') AS ending_agents,
                       array_agg(team_id) FILTER (WHERE team_id IS NOT NULL) AS teams,
                       (array_agg(channel) FILTER (WHERE channel IS NOT NULL))[1] AS channel,
                       (array_agg(region) FILTER (WHERE region IS NOT NULL))[1] AS region,
                       (array_agg(ticket_id) FILTER (WHERE ticket_id IS NOT NULL))[1] AS ticket_id,
                       (array_agg(customer_id) FILTER (WHERE customer_id IS NOT NULL))[1] AS customer_id,
                       array_agg(coalesce((attributes->>'talkSeconds')::bigint, 0)
                                 + coalesce((attributes->>'holdSeconds')::bigint, 0)
                                 + coalesce((attributes->>'wrapUpSeconds')::bigint, 0))
                           FILTER (WHERE type = 'contact.ended') AS handle_seconds
                FROM in_order
                GROUP BY contact_id),
            facts AS (
                SELECT contact_id, queued_at, answered_at, abandoned_at, blocked_at, ended_at, answering_agent,
                       ending_agents[cardinality(ending_agents)], teams[cardinality(teams)], channel, region, ticket_id,
                       customer_id, handle_seconds[cardinality(handle_seconds)]
                FROM histories)
            INSERT INTO metrics.contacts AS c (contact_id, queued_at, answered_at, abandoned_at, blocked_at, ended_at,
                answering_agent, ending_agent, team_id, channel, region, ticket_id, customer_id, handle_seconds)
            SELECT * FROM facts
            ON CONFLICT (contact_id) DO UPDATE SET
                queued_at = excluded.queued_at, answered_at = excluded.answered_at,
                abandoned_at = excluded.abandoned_at, blocked_at = excluded.blocked_at, ended_at = excluded.ended_at,
                answering_agent = excluded.answering_agent, ending_agent = excluded.ending_agent,
                team_id = excluded.team_id, channel = excluded.channel, region = excluded.region,
                ticket_id = excluded.ticket_id, customer_id = excluded.customer_id,
                handle_seconds = excluded.handle_seconds
            """;

    // A review is one fact of its own, inserted once by its event id: a replay or a late event changes nothing else.
    // The score is required and numeric by the event contract; a row that is not is skipped rather than stopping the
    // projection.
    private static final String INSERT_REVIEWS = """
            INSERT INTO metrics.quality_reviews (event_id, ticket_id, agent_id, team_id, channel, region, reviewed_at,
                                                 score, customer_id)
            SELECT e.event_id, e.ticket_id, e.agent_id, e.team_id, e.channel, e.region, e.occurred_at,
                   (e.attributes->>'score')::float8, e.customer_id
            FROM batch_facts e
            WHERE e.type = 'qa.review' AND jsonb_typeof(e.attributes->'score') = 'number'
            ON CONFLICT (event_id) DO NOTHING
            """;

    // A customer's segment (and channel, region, referred) is that of its latest customer.created, whatever order the
    // creations arrive in; one batch may hold several creations of a customer, so only its latest competes with the
    // stored one.
    private static final String UPSERT_CUSTOMER_SEGMENTS = """
            INSERT INTO metrics.customer_segments AS c (customer_id, segment, created_at, event_id, channel, region,
                                                        referred)
            SELECT DISTINCT ON (e.customer_id) e.customer_id, e.attributes->>'segment', e.occurred_at, e.event_id,
                   e.channel, e.region,
                   CASE WHEN jsonb_typeof(e.attributes->'referred') = 'boolean'
                        THEN (e.attributes->>'referred')::boolean END
            FROM batch_facts e
            WHERE e.type = 'customer.created' AND e.customer_id IS NOT NULL
            ORDER BY e.customer_id, e.occurred_at DESC, e.event_id DESC
            ON CONFLICT (customer_id) DO UPDATE
            SET segment = excluded.segment, created_at = excluded.created_at, event_id = excluded.event_id,
                channel = excluded.channel, region = excluded.region, referred = excluded.referred
            WHERE (excluded.created_at, excluded.event_id) > (c.created_at, c.event_id)
            """;

    // Self-service events, like reviews, are facts of their own inserted once by event id. An attribute of the wrong
    // JSON type is stored as null rather than stopping the projection.
    private static final String INSERT_SELF_SERVICE_EVENTS = """
            INSERT INTO metrics.self_service_events (event_id, type, occurred_at, channel, region, customer_id,
                                                     visitor_id, article_id, conversation_id, thread_id,
                                                     seconds_on_page, bounced, vote, outcome, question, resolved)
            SELECT e.event_id, e.type, e.occurred_at, e.channel, e.region, e.customer_id,
                   e.attributes->>'visitorId', e.attributes->>'articleId', e.attributes->>'conversationId',
                   e.attributes->>'threadId',
                   CASE WHEN jsonb_typeof(e.attributes->'secondsOnPage') = 'number'
                        THEN (e.attributes->>'secondsOnPage')::float8 END,
                   CASE WHEN jsonb_typeof(e.attributes->'bounced') = 'boolean'
                        THEN (e.attributes->>'bounced')::boolean END,
                   e.attributes->>'vote', e.attributes->>'outcome',
                   CASE WHEN jsonb_typeof(e.attributes->'question') = 'boolean'
                        THEN (e.attributes->>'question')::boolean END,
                   CASE WHEN jsonb_typeof(e.attributes->'resolved') = 'boolean'
                        THEN (e.attributes->>'resolved')::boolean END
            FROM batch_facts e
            WHERE e.type IN (%s)
            ON CONFLICT (event_id) DO NOTHING
            """.formatted(SELF_SERVICE_TYPES);

    // Offers granted, social engagement, churns and revenue: facts of their own, inserted once by event id.
    private static final String INSERT_BUSINESS_EVENTS = """
            INSERT INTO metrics.business_events (event_id, type, occurred_at, channel, region, customer_id, kind,
                                                 amount, currency)
            SELECT e.event_id, e.type, e.occurred_at, e.channel, e.region, e.customer_id, e.attributes->>'kind',
                   CASE WHEN jsonb_typeof(e.attributes->'amount') = 'number'
                        THEN (e.attributes->>'amount')::numeric END,
                   e.attributes->>'currency'
            FROM batch_facts e
            WHERE e.type IN (%s)
            ON CONFLICT (event_id) DO NOTHING
            """.formatted(BUSINESS_TYPES);

    // Costs: facts of their own, inserted once by event id; one without its dates (which ingest requires) is skipped.
    private static final String INSERT_COSTS = """
            INSERT INTO metrics.costs (event_id, category, amount, currency, period_start, period_end, occurred_at,
                                       channel, region)
            SELECT e.event_id, e.attributes->>'category',
                   CASE WHEN jsonb_typeof(e.attributes->'amount') = 'number'
                        THEN (e.attributes->>'amount')::numeric END,
                   e.attributes->>'currency', (e.attributes->>'periodStart')::date,
                   (e.attributes->>'periodEnd')::date, e.occurred_at, e.channel, e.region
            FROM batch_facts e
            WHERE e.type = 'cost.recorded' AND e.attributes->>'periodStart' ~ '^\\d{4}-\\d{2}-\\d{2}$'
              AND e.attributes->>'periodEnd' ~ '^\\d{4}-\\d{2}-\\d{2}$'
              AND (e.attributes->>'periodStart')::date <= (e.attributes->>'periodEnd')::date
            ON CONFLICT (event_id) DO NOTHING
            """;

    /** The rows of the known touched tickets and their resolved spans, as they stand before the recompute. */
    private static final String COPY_OLD_FACTS = """
            CREATE TEMP TABLE old_tickets ON COMMIT DROP AS
            SELECT t.* FROM touched_tickets k
            CROSS JOIN LATERAL (SELECT * FROM metrics.tickets t WHERE t.ticket_id = k.ticket_id OFFSET 0) t
            WHERE k.known;
            """ + copySpans("old", "k.known");

    /** The resolved spans of the touched tickets that satisfy {@code which}, as they stand now. */
    private static String copySpans(String prefix, String which) {
        return """
                CREATE TEMP TABLE %1$s_spans ON COMMIT DROP AS
                SELECT s.* FROM touched_tickets k
                CROSS JOIN LATERAL (
                    SELECT * FROM metrics.ticket_resolved_spans s WHERE s.ticket_id = k.ticket_id OFFSET 0) s
                WHERE %2$s
                """.formatted(prefix, which);
    }

    // Old and new contributions of a ticket whose anchors and dimensions did not change cancel out: most touches (a
    // reply, an assignment) leave the rollup as it was. The contributions are summed into rollup rows once, straight
    // from the tickets' old and new rows (staging them first took a twentieth of a catch-up's time), and both levels
    // add those up: summing them for each level took twice as long.
    private static final String SUM_ROLLUP_DELTA = "CREATE TEMP TABLE rollup_rows ON COMMIT DROP AS "
            + TicketContributions.rollupRows("""
                    (SELECT -1 AS sign, date_trunc('hour', c.at, 'UTC') AS hour, c.* FROM (%s) c
                     UNION ALL
                     SELECT 1, date_trunc('hour', c.at, 'UTC'), c.* FROM (%s) c)
                    """.formatted(TicketContributions.of("old_tickets", "old_spans"),
                    TicketContributions.of("new_tickets", "new_spans")));

    private static final String APPLY_ROLLUP_DELTA = TicketContributions.addToRollup("rollup_rows",
            TicketContributions.Level.HOURS);

    private static final String APPLY_DAILY_ROLLUP_DELTA = TicketContributions.addToRollup("rollup_rows",
            TicketContributions.Level.DAYS);

    private static final String MOVE_CURSOR = """
            UPDATE metrics.projection_cursor SET last_txid = $1::text::xid8, last_seq = $2, updated_at = now()
            WHERE name = $3
            """;

    private static final String WINDOW_END_IN_LOG = """
            SELECT EXISTS (SELECT 1 FROM ingest.event_log WHERE txid = $1::text::xid8 AND seq = $2)
            """;

    /** A window of the log: its size and its last position in (txid, seq) order, which an empty window lacks. */
    private record Window(long events, String lastTxid, Long lastSeq) {
    }

    /** Where a window starts (a partition's cursor) and the most events it may hold. */
    private record WindowStart(String txid, long seq, int batchEvents) {
    }

    private final Pool pool;
    private final int partitions;
    private final String takeTurn;

    /**
     * The windows found lately, by where they start, while they are being found too. A window never changes once found:
     * it ends below the oldest transaction then running, and an event written later lies after it. The partitions move
     * from window to window, mostly side by side, so each takes the windows that the first to reach them finds, waiting
     * for it if need be, instead of reading the log's (txid, seq) index again (6% of a catch-up's time). A window that
     * is not full is dropped once found, as is a failed search: more events may have come since.
     */
    private final Map<WindowStart, Uni<Window>> knownWindows;

    @Inject
    public TicketProjectionRepository(Pool pool, MetricsConfig config) {
        this(pool, config.projection().partitions());
    }

    /**
     * @throws IllegalArgumentException
     *             when {@code partitions} is not between 1 and {@link #MAX_PARTITIONS}
     */
    public TicketProjectionRepository(Pool pool, int partitions) {
        if (partitions < 1 || partitions > MAX_PARTITIONS) {
            throw new IllegalArgumentException("supportpulse.metrics.projection.partitions must be between 1 and "
                    + MAX_PARTITIONS + ", not " + partitions);
        }
        this.pool = pool;
        this.partitions = partitions;
        this.takeTurn = takeTurn(partitions);
        // Enough for every partition to find the windows the others found before it, a few windows behind.
        int knownWindowsKept = 8 * partitions;
        this.knownWindows = Collections.synchronizedMap(new LinkedHashMap<>(knownWindowsKept, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<WindowStart, Uni<Window>> eldest) {
                return size() > knownWindowsKept;
            }
        });
    }

    /** How many partitions of the event log this projection follows, numbered from 0. */
    public int partitions() {
        return partitions;
    }

    /** The cursor's name of a partition. */
    public static String cursor(int partition) {
        return "tickets/" + partition;
    }

    /**
     * Projects the partition's events among the next {@code batchEvents} committed events of the log.
     *
     * @return how many events of the log the partition's cursor went past, its own and others': 0 when there was
     *         nothing new, another replica holds the turn, or the cursors were realigned instead (the partition hash or
     *         the count changed)
     *
     * @throws IllegalArgumentException
     *             when {@code partition} is not one of this projection's
     */
    public Uni<Integer> projectNextBatch(int partition, int batchEvents) {
        if (partition < 0 || partition >= partitions) {
            throw new IllegalArgumentException("partition " + partition + " of " + partitions);
        }
        return pool
                .withTransaction(connection -> connection.preparedQuery(takeTurn).execute(Tuple.of(partition))
                        .map(rows -> rows.iterator().next().getBoolean(0))
                        .call(myTurn -> myTurn ? connection.query(TUNE).execute() : Uni.createFrom().nullItem())
                        .flatMap(myTurn -> myTurn ? projectWithLock(connection, partition, batchEvents)
                                : Uni.createFrom().item(0)))
                .onFailure(PartitionsNotAligned.class).recoverWithUni(() -> realignPartitions().replaceWith(0));
    }

    /** The partition hash changed since the cursors were last aligned: the batch's transaction rolls back. */
    private static final class PartitionsNotAligned extends RuntimeException {
        PartitionsNotAligned() {
            super("the partition hash changed since the cursors were aligned", null, false, false);
        }
    }

    /**
     * Moves every cursor back to the earliest one if the partition hash or the count is not the recorded one, under
     * every turn.
     */
    private Uni<Void> realignPartitions() {
        return pool
                .withTransaction(connection -> connection.query(HOLD_ALL_TURNS).execute()
                        .flatMap(held -> connection.preparedQuery(REALIGN_PARTITIONS).execute(Tuple.of(partitions))))
                .invoke(moved -> {
                    if (moved.size() == 0) {
                        return;
                    }
                    Row earliest = moved.iterator().next();
                    if (earliest.getLong("from_seq") == 0) {
                        // The earliest cursor at the log's start, as on a new database: not worth a warning.
                        LOG.infof("The event log is projected in %d partitions", partitions);
                    } else if (earliest.getBoolean("hash_changed")) {
                        LOG.warnf("PostgreSQL's hashtext, which picks each event's projection partition, gives other "
                                + "values than when the partitions were last aligned (a major-version upgrade, or a "
                                + "restore on another platform): the %d partitions go on from the earliest cursor "
                                + "(txid %s, seq %d)", partitions, earliest.getString("from_txid"),
                                earliest.getLong("from_seq"));
                    } else {
                        LOG.warnf("The event log was projected in %d partitions, this replica is configured for %d "
                                + "(supportpulse.metrics.projection.partitions; every replica that projects needs the "
                                + "same): the %d partitions go on from the earliest cursor (txid %s, seq %d)",
                                earliest.getInteger("partitions_before"), partitions, partitions,
                                earliest.getString("from_txid"), earliest.getLong("from_seq"));
                    }
                }).replaceWithVoid();
    }

    private Uni<Integer> projectWithLock(SqlConnection connection, int partition, int batchEvents) {
        return connection.preparedQuery(READ_CURSOR).execute(Tuple.of(cursor(partition), partitions)).map(rows -> {
            if (rows.size() == 0 || !rows.iterator().next().getBoolean("aligned")) {
                throw new PartitionsNotAligned();
            }
            return rows.iterator().next();
        }).flatMap(
                cursor -> findWindow(connection, new WindowStart(cursor.getString(0), cursor.getLong(1), batchEvents))
                        .flatMap(window -> window.events() == 0 ? Uni.createFrom().item(0)
                                : stage(connection, partition, cursor, window)));
    }

    /**
     * The window that starts after {@code start}: a known one, or the one the log holds now. A known window found by
     * another partition is taken only while its last event is still in the log: an emptied log (as a test's) can hold
     * events again at the same sequence numbers, never at the same transaction ids.
     */
    private Uni<Window> findWindow(SqlConnection connection, WindowStart start) {
        boolean[] searched = new boolean[1];
        Uni<Window> found = knownWindows.computeIfAbsent(start, key -> {
            searched[0] = true;
            return connection.preparedQuery(FIND_WINDOW)
                    .execute(Tuple.of(start.txid(), start.seq(), start.batchEvents()))
                    .map(rows -> rows.iterator().next())
                    .map(row -> new Window(row.getLong("events"), row.getString("last_txid"), row.getLong("last_seq")))
                    .invoke(window -> {
                        if (window.events() < start.batchEvents()) {
                            knownWindows.remove(start);
                        }
                    }).onFailure().invoke(() -> knownWindows.remove(start)).memoize().indefinitely();
        });
        if (searched[0]) {
            return found;
        }
        return found.flatMap(window -> connection.preparedQuery(WINDOW_END_IN_LOG)
                .execute(Tuple.of(window.lastTxid(), window.lastSeq()))
                .map(rows -> rows.iterator().next().getBoolean(0)).flatMap(inLog -> {
                    if (inLog) {
                        return Uni.createFrom().item(window);
                    }
                    knownWindows.remove(start, found);
                    return findWindow(connection, start);
                }));
    }

    /** Stages the partition's events of the window and what they touch, then recomputes it. */
    private Uni<Integer> stage(SqlConnection connection, int partition, Row cursor, Window window) {
        return run(connection, CREATE_BATCH)
                .flatMap(created -> connection.preparedQuery(STAGE_BATCH)
                        .execute(Tuple.of(cursor.getString(0), cursor.getLong(1), window.lastTxid(), window.lastSeq(),
                                partition, partitions)))
                .flatMap(staged -> run(connection, STAGE_BATCH_FACTS, CREATE_TOUCHED_TICKETS, STAGE_TOUCHED_TICKETS,
                        CREATE_TOUCHED_CONTACTS, STAGE_TOUCHED_CONTACTS, SORTS_ON))
                .flatMap(done -> connection.query(BATCH_SUMMARY).execute()).map(rows -> rows.iterator().next())
                .flatMap(batch -> apply(connection, partition, window, batch));
    }

    /**
     * Recomputes what the batch touches and moves the partition's cursor past the window.
     *
     * @param window
     *            the window's size and last position
     * @param batch
     *            the counts of the partition's events and what they touch, by kind
     */
    private Uni<Integer> apply(SqlConnection connection, int partition, Window window, Row batch) {
        boolean tickets = batch.getLong("tickets") > 0;
        Uni<Void> recompute = !tickets ? Uni.createFrom().voidItem()
                : run(connection, CREATE_STAGE, STAGE_TICKET_EVENTS, COPY_OLD_FACTS, CREATE_NEW_TICKETS,
                        RECOMPUTE_TICKETS, RECOMPUTE_REPLIES, RECOMPUTE_MESSAGES, RECOMPUTE_REASSIGNMENTS,
                        RECOMPUTE_RESOLVED_SPANS, RECOMPUTE_REOPENS, copySpans("new", "true"));
        if (batch.getLong("contacts") > 0) {
            recompute = recompute.flatMap(done -> run(connection, RECOMPUTE_CONTACTS));
        }
        if (batch.getLong("reviews") > 0) {
            recompute = recompute.flatMap(done -> run(connection, INSERT_REVIEWS));
        }
        if (batch.getLong("customers") > 0) {
            recompute = recompute.flatMap(done -> run(connection, UPSERT_CUSTOMER_SEGMENTS));
        }
        if (batch.getLong("self_service") > 0) {
            recompute = recompute.flatMap(done -> run(connection, INSERT_SELF_SERVICE_EVENTS));
        }
        if (batch.getLong("business") > 0) {
            recompute = recompute.flatMap(done -> run(connection, INSERT_BUSINESS_EVENTS));
        }
        if (batch.getLong("costs") > 0) {
            recompute = recompute.flatMap(done -> run(connection, INSERT_COSTS));
        }
        // The rollup rows last: the other partition waits for them until this transaction commits.
        if (tickets) {
            recompute = recompute
                    .flatMap(done -> run(connection, SUM_ROLLUP_DELTA, APPLY_ROLLUP_DELTA, APPLY_DAILY_ROLLUP_DELTA));
        }
        return recompute
                .flatMap(done -> connection.preparedQuery(MOVE_CURSOR)
                        .execute(Tuple.of(window.lastTxid(), window.lastSeq(), cursor(partition))))
                .replaceWith((int) window.events());
    }

    /** Runs statements without parameters one after the other. */
    private static Uni<Void> run(SqlConnection connection, String... statements) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String statement : statements) {
            chain = chain.flatMap(done -> connection.query(statement).execute().replaceWithVoid());
        }
        return chain;
    }
}

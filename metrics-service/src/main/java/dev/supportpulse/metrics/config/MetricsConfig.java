package dev.supportpulse.metrics.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** SupportPulse's own settings for metrics-service, bound from {@code SUPPORTPULSE_METRICS_*} variables. */
@ConfigMapping(prefix = "supportpulse.metrics")
public interface MetricsConfig {

    /** How the read models follow the event log and the survey change log. */
    Projection projection();

    /** SERVICE_LEVEL counts contacts answered within this wait (metrics.md default: 20 s; exactly it is within). */
    @WithDefault("20s")
    java.time.Duration serviceLevelThreshold();

    /** Longest wait for the database in one metric query before the answer is UNAVAILABLE. */
    @WithDefault("30s")
    java.time.Duration queryTimeout();

    /** How many recent metric answers are kept for reuse while no new event arrives (0 turns the cache off). */
    @WithDefault("1000")
    int cachedAnswers();

    /**
     * How long a read of the answer cache's watermark is shared by the requests that follow it (0: every request reads
     * it). It adds to the projection's delay, within the 1 s freshness promise.
     */
    @WithDefault("100ms")
    Duration watermarkMaxAge();

    /** Most points (periods × groups) one metric answer may hold; more is a BAD_USER_INPUT error. */
    @WithDefault("5000")
    int maxPoints();

    /**
     * Whether counts and rates are read from the hourly and daily rollup where it can answer exactly (off: always from
     * the per-ticket facts; the answers are the same, only slower).
     */
    @WithDefault("true")
    boolean rollupsEnabled();

    /**
     * Into how many statements, run at once on as many connections, the points of a duration by period are split (by
     * ranges of whole periods): each point's percentiles need its samples sorted, and the statements let PostgreSQL
     * spread that work over its cores. 1 keeps one statement.
     */
    @WithDefault("2")
    int durationPointStatements();

    /**
     * How often the data-quality gauge (tickets with events stamped before their creation) is counted again; a count
     * reads every ticket's row.
     */
    @WithDefault("60s")
    Duration dataQualityInterval();

    interface Projection {

        /** Pause between two reads of the event log (and of the survey change log) when the last found nothing new. */
        @WithDefault("250ms")
        Duration pollInterval();

        /**
         * Most events (or survey changes, for the survey projection) read per projection transaction. The wider the
         * window, the fewer tickets a catch-up recomputes more than once: a ticket's events lie about 50,000 positions
         * apart in the log of a million tickets (median), and a rebuild of that log took 80 s in windows of 400,000 and
         * 110 s in windows of 100,000.
         */
        @WithDefault("400000")
        int batchEvents();

        /**
         * How many partitions the projection follows the event log in: each is a database session of its own, which
         * recomputes the tickets and contacts of its part of the log. More of them use more of the database server's
         * cores, and claim a larger share of cores that ingest's sessions use too: on the benchmark's two cores, shared
         * with ingest-service and its database sessions, two partitions got about 0.7 of a core and trailed the load
         * (caught up 1.16 times the ingest time after the load began), four kept pace with it (1.02 times). On a
         * machine of their own, each extra partition re-reads the log's windows and writes rollup rows of its own: on
         * those two cores four took 12 to 19% longer than two to project the whole log (three runs). Every replica that
         * projects needs the same value: a replica configured otherwise moves every cursor back to the earliest one
         * first (projecting events again changes nothing, but costs the time). From 1 to 16.
         */
        @WithDefault("4")
        int partitions();

        /** Whether this replica runs the projection; the replicas that do take turns through a database lock. */
        @WithDefault("true")
        boolean enabled();
    }
}

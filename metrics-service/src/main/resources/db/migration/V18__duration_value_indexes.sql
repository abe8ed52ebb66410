-- Exact percentiles sort every sample. The two durations that dashboards ask for over long ranges also get an index in
-- the order of their value (the expression of Measure.durationSince, character for character: PostgreSQL matches index
-- expressions by their form), with the anchor, agent and start: a total over a year reads the samples in order from it,
-- and the percentiles' own sort finds them sorted and only checks that (first response time by agent by month over a
-- year at a million tickets: the total took 137 ms instead of 300 ms alone). Short ranges still read the anchor's index
-- and sort what little they find; the planner chooses (MetricRepository asks it for samples in order).
CREATE INDEX tickets_first_response_seconds_idx
    ON metrics.tickets ((greatest(0, date_part('epoch', first_reply_at - created_at))))
    INCLUDE (first_reply_at, first_reply_agent, created_at)
    WHERE first_reply_at IS NOT NULL;

CREATE INDEX tickets_resolution_seconds_idx
    ON metrics.tickets ((greatest(0, date_part('epoch', resolved_at - created_at))))
    INCLUDE (resolved_at, resolver, created_at)
    WHERE resolved_at IS NOT NULL;

#!/usr/bin/env bash
# Metrics benchmark (first cut): loads the demo data set through ingest-service, measures how long metrics-service's
# projection takes to catch up, then times GraphQL metric queries against the hand-written SQL over the raw events
# that a team would write without SupportPulse, in the same run. Prints a table. Not a test.
#
#   TICKETS=100000 benchmark/run-metrics-benchmark.sh
#
# Uses the scratch database supportpulse_mbench, dropped and created afresh by each run.
set -euo pipefail
cd "$(dirname "$0")/.."

TICKETS="${TICKETS:-100000}"
REPEATS="${REPEATS:-10}"
INGEST_PORT=18081
METRICS_PORT=18080
KEY=bench-key

./mvnw -q -B package -DskipTests
export SP_PG_DB=supportpulse_mbench
eval "$(bin/ensure-postgres)"
PSQL=(psql -X -q -h "$SP_PG_HOST" -p "$SP_PG_PORT" -U "$SP_PG_USER")
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $SP_PG_DB" -c "CREATE DATABASE $SP_PG_DB"
export QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://${SP_PG_HOST}:${SP_PG_PORT}/${SP_PG_DB}"
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://${SP_PG_HOST}:${SP_PG_PORT}/${SP_PG_DB}"
export QUARKUS_DATASOURCE_USERNAME="$SP_PG_USER" QUARKUS_DATASOURCE_PASSWORD="$SP_PG_PASSWORD"
mkdir -p .demo
TOKEN=$(java -cp demo-data/target/demo-data-0.1.0-SNAPSHOT.jar dev.supportpulse.demo.DemoToken --keys .demo/bench-jwt \
    --issuer https://supportpulse.bench)

pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
start() {
    local name=$1 port=$2
    QUARKUS_HTTP_PORT=$port java -jar "$name/target/quarkus-app/quarkus-run.jar" >".demo/bench-$name.log" 2>&1 &
    pids+=("$!")
    for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && return; sleep 0.5; done
    echo "$name did not start; see .demo/bench-$name.log" >&2; exit 1
}
SUPPORTPULSE_API_KEYS=$KEY start ingest-service $INGEST_PORT
MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PWD/.demo/bench-jwt/publicKey.pem" MP_JWT_VERIFY_ISSUER=https://supportpulse.bench \
    start metrics-service $METRICS_PORT
metrics_pid=${pids[-1]}

sql() { "${PSQL[@]}" -d "$SP_PG_DB" -tAc "$1"; }
now_ms() { date +%s%3N; }

echo "loading $TICKETS tickets of demo data through POST /v1/events ..."
load_start=$(now_ms)
java -jar demo-data/target/demo-data-0.1.0-SNAPSHOT.jar --url "http://127.0.0.1:$INGEST_PORT" --api-key "$KEY" \
    --tickets "$TICKETS" --batch 1000 --concurrency 4
load_end=$(now_ms)
events=$(sql "SELECT count(*) FROM ingest.events")
# Caught up: no event beyond the cursor, which orders the log by (txid, seq), not by seq alone.
until [ "$(sql "SELECT NOT EXISTS (SELECT 1 FROM ingest.event_log e, metrics.projection_cursor c
                WHERE c.name = 'tickets' AND (e.txid, e.seq) > (c.last_txid, c.last_seq))")" = t ]; do sleep 0.2; done
caught_up=$(now_ms)

# One GraphQL call, timed (ms) by curl; fails loudly on an error answer.
graphql_ms() {
    local out
    out=$(curl -s -w '\n%{time_total}' "http://127.0.0.1:$METRICS_PORT/graphql" -H "Authorization: Bearer $TOKEN" \
        -H 'Content-Type: application/json' -d "{\"query\": \"$1\"}")
    if grep -q '"errors"' <<<"$(head -n 1 <<<"$out")"; then echo "GraphQL error: $out" >&2; exit 1; fi
    awk 'END { printf "%.1f", $1 * 1000 }' <<<"$out"
}
# One SQL statement, timed (ms) by PostgreSQL itself (EXPLAIN ANALYZE's execution time, no client overhead).
sql_ms() {
    sql "EXPLAIN (ANALYZE, FORMAT JSON) $1" | python3 -c 'import json,sys; print("%.1f" % json.load(sys.stdin)[0]["Execution Time"])'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

YEAR='range: {from: \"2025-11-01T00:00:00Z\", to: \"2026-11-01T00:00:00Z\"}'
declare -A GQL RAW
GQL[frt_agent_month]="{ metric(metric: FIRST_RESPONSE_TIME, $YEAR, granularity: MONTH, groupBy: [AGENT]) { total { median } series { value { value median } } } }"
RAW[frt_agent_month]="WITH created AS (SELECT ticket_id, min(occurred_at) AS created_at FROM ingest.events
    WHERE type = 'ticket.created' GROUP BY ticket_id),
  first_reply AS (SELECT DISTINCT ON (ticket_id) ticket_id, occurred_at AS replied_at, agent_id FROM ingest.events
    WHERE type = 'ticket.agent_replied' AND coalesce(attributes->>'public', 'true') <> 'false'
    ORDER BY ticket_id, occurred_at, seq)
  SELECT agent_id, date_trunc('month', replied_at AT TIME ZONE 'UTC') AS month,
         avg(greatest(0, extract(epoch FROM replied_at - created_at))),
         percentile_cont(0.5) WITHIN GROUP (ORDER BY greatest(0, extract(epoch FROM replied_at - created_at)))
  FROM first_reply JOIN created USING (ticket_id)
  WHERE replied_at >= '2025-11-01' AND replied_at < '2026-11-01' GROUP BY 1, 2"
GQL[fcr_channel_week]="{ metric(metric: FIRST_CONTACT_RESOLUTION, $YEAR, granularity: WEEK, groupBy: [CHANNEL]) { total { value } series { value { value } } } }"
RAW[fcr_channel_week]="WITH t AS (SELECT ticket_id,
    (array_agg(channel ORDER BY occurred_at) FILTER (WHERE type = 'ticket.created'))[1] AS channel,
    count(*) FILTER (WHERE type = 'ticket.agent_replied' AND coalesce(attributes->>'public', 'true') <> 'false') AS replies,
    count(*) FILTER (WHERE type = 'ticket.reopened') AS reopens,
    max(occurred_at) FILTER (WHERE type = 'ticket.resolved') AS resolved_at,
    max(occurred_at) FILTER (WHERE type = 'ticket.reopened') AS reopened_at
    FROM ingest.events WHERE ticket_id IS NOT NULL GROUP BY ticket_id)
  SELECT channel, date_trunc('week', resolved_at AT TIME ZONE 'UTC'),
         100.0 * count(*) FILTER (WHERE replies = 1 AND reopens = 0) / count(*)
  FROM t WHERE resolved_at IS NOT NULL AND (reopened_at IS NULL OR reopened_at < resolved_at)
    AND resolved_at >= '2025-11-01' AND resolved_at < '2026-11-01' GROUP BY 1, 2"
GQL[created_region_day]="{ metric(metric: TICKETS_CREATED, range: {from: \\\"2026-08-03T00:00:00+02:00\\\", to: \\\"2026-11-01T00:00:00+01:00\\\"}, granularity: DAY, groupBy: [REGION], timezone: \\\"Europe/Stockholm\\\") { total { value } series { value { value } } } }"
RAW[created_region_day]="SELECT region, date_trunc('day', occurred_at AT TIME ZONE 'Europe/Stockholm'), count(*)
  FROM ingest.events WHERE type = 'ticket.created'
    AND occurred_at >= '2026-08-03T00:00:00+02:00' AND occurred_at < '2026-11-01T00:00:00+01:00' GROUP BY 1, 2"
GQL[open_team_week]="{ metric(metric: OPEN_TICKETS, $YEAR, granularity: WEEK, groupBy: [TEAM]) { total { value } series { value { value } } } }"
GQL[sla_priority_month]="{ metric(metric: SLA_FIRST_RESPONSE_RATE, $YEAR, granularity: MONTH, groupBy: [PRIORITY]) { total { value } series { value { value } } } }"
GQL[dashboard_8_metrics]="{ metrics(metrics: [TICKETS_CREATED, TICKETS_RESOLVED, FIRST_RESPONSE_TIME, RESOLUTION_TIME, FIRST_CONTACT_RESOLUTION, SLA_FIRST_RESPONSE_RATE, REPLY_TIME, ESCALATION_RATE], range: {from: \\\"2026-10-02T00:00:00Z\\\", to: \\\"2026-11-01T00:00:00Z\\\"}, granularity: DAY) { total { value } } }"

echo
echo "machine: $(nproc) cores; PostgreSQL ${SP_PG_SOURCE}; $TICKETS tickets, $events events"
awk -v l="$load_start" -v e="$load_end" -v c="$caught_up" 'BEGIN {
    printf "load through POST /v1/events: %.1f s; projection caught up %.1f s after the load ended (%.1f s in all)\n",
        (e - l) / 1000, (c - e) / 1000, (c - l) / 1000 }'
printf '%-22s %12s %14s %12s %10s\n' query "first (ms)" "repeated p50" "raw SQL (ms)" "raw/first"
for name in frt_agent_month fcr_channel_week created_region_day open_team_week sla_priority_month dashboard_8_metrics; do
    first=$(graphql_ms "${GQL[$name]}")
    repeated=$(for _ in $(seq 1 "$REPEATS"); do graphql_ms "${GQL[$name]}"; echo; done | median)
    if [ -n "${RAW[$name]:-}" ]; then
        raw=$(sql_ms "${RAW[$name]}")
        ratio=$(awk -v r="$raw" -v f="$first" 'BEGIN { printf "%.2f", r / f }')
    else
        raw="-"; ratio="-"
    fi
    printf '%-22s %12s %14s %12s %10s\n' "$name" "$first" "$repeated" "$raw" "$ratio"
done
echo "metrics-service RSS: $(( $(awk '/VmRSS/ {print $2}' /proc/$metrics_pid/status) / 1024 )) MiB"

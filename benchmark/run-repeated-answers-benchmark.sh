#!/usr/bin/env bash
# Repeated answers with and without metrics-service's response cache, in the same run on the same data: two instances
# on the database bin/demo loaded (or a benchmark database), one with SUPPORTPULSE_METRICS_RESPONSE_CACHE_SIZE=0 (the
# baseline: every request parsed, executed and serialised by SmallRye GraphQL, metric answers from the answer cache),
# one with the default; sequential p50/p95 of the main benchmark's six queries, then the dashboard call's throughput
# with 8 connections (wrk). Security is on, with the demo's key pair and token.
#
#   bin/demo   (once, then Ctrl-C)      then      benchmark/run-repeated-answers-benchmark.sh
#   SP_PG_DB=supportpulse_bench REPEATS=300 benchmark/run-repeated-answers-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."

export SP_PG_DB="${SP_PG_DB:-supportpulse}"
REPEATS="${REPEATS:-200}"
BASE_PORT="${BASE_PORT:-18890}"
CACHED_PORT="${CACHED_PORT:-18891}"
[ -f .demo/token ] && [ -f .demo/jwt/publicKey.pem ] || { echo "run bin/demo first (it writes .demo/token)" >&2; exit 2; }
eval "$(bin/ensure-postgres)"
[ -f metrics-service/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -pl metrics-service -am package -DskipTests

export QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://${SP_PG_HOST}:${SP_PG_PORT}/${SP_PG_DB}"
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://${SP_PG_HOST}:${SP_PG_PORT}/${SP_PG_DB}"
export QUARKUS_DATASOURCE_USERNAME="${SP_PG_USER}" QUARKUS_DATASOURCE_PASSWORD="${SP_PG_PASSWORD}"
export MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PWD/.demo/jwt/publicKey.pem" MP_JWT_VERIFY_ISSUER=https://supportpulse.local
# Only one instance follows the log; nothing is ingested during the run anyway.
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
QUARKUS_HTTP_PORT=$BASE_PORT SUPPORTPULSE_METRICS_RESPONSE_CACHE_SIZE=0 SUPPORTPULSE_METRICS_PROJECTION_ENABLED=false \
    java -jar metrics-service/target/quarkus-app/quarkus-run.jar > /tmp/sp-bench-base.log 2>&1 & pids+=($!)
QUARKUS_HTTP_PORT=$CACHED_PORT java -jar metrics-service/target/quarkus-app/quarkus-run.jar \
    > /tmp/sp-bench-cached.log 2>&1 & pids+=($!)
for port in $BASE_PORT $CACHED_PORT; do
    for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null && break; sleep 1; done
done

echo "repeated answers, $REPEATS sequential requests each (p50 / p95 ms); baseline = response cache off"
python3 benchmark/repeated_answers.py .demo/token "$REPEATS" baseline=$BASE_PORT cached=$CACHED_PORT

DASHBOARD='{ metrics(metrics: [TICKETS_CREATED, TICKETS_RESOLVED, FIRST_RESPONSE_TIME, RESOLUTION_TIME, FIRST_CONTACT_RESOLUTION, SLA_FIRST_RESPONSE_RATE, REPLY_TIME, ESCALATION_RATE], range: {from: "2026-10-02T00:00:00Z", to: "2026-11-01T00:00:00Z"}, granularity: DAY) { metric total { value sampleSize } } }'
for instance in baseline=$BASE_PORT cached=$CACHED_PORT; do
    echo -n "dashboard call, 8 connections, 15 s, ${instance%%=*}: "
    BODY="$(python3 -c 'import json, sys; print(json.dumps({"query": sys.argv[1]}))' "$DASHBOARD")" \
        TOKEN="$(cat .demo/token)" wrk -t2 -c8 -d15s -s benchmark/wrk-graphql.lua \
        "http://127.0.0.1:${instance##*=}/graphql" | tail -n 1
done
for pid in "${pids[@]}"; do
    echo "RSS of pid $pid: $(( $(ps -o rss= -p "$pid") / 1024 )) MiB"
done

#!/usr/bin/env bash
# Ingest benchmark: HTTP intake of the demo events against a plain COPY of the same rows, in one run.
# Starts its own ingest-service on a scratch database (supportpulse_bench, emptied by the run), prints the table.
#
#   EVENTS=1000000 BATCH=1000 CONCURRENCY=4 benchmark/run-ingest-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."

EVENTS="${EVENTS:-1000000}"
BATCH="${BATCH:-1000}"
CONCURRENCY="${CONCURRENCY:-4}"
PORT="${BENCH_PORT:-18081}"
KEY=bench-key

./mvnw -q -B package -DskipTests -pl ingest-service,demo-data,benchmark -am

export SP_PG_DB="${SP_PG_DB:-supportpulse_bench}"
eval "$(bin/ensure-postgres)"

mkdir -p .demo
QUARKUS_HTTP_PORT="$PORT" SUPPORTPULSE_API_KEYS="$KEY" \
QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://${SP_PG_HOST}:${SP_PG_PORT}/${SP_PG_DB}" \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://${SP_PG_HOST}:${SP_PG_PORT}/${SP_PG_DB}" \
QUARKUS_DATASOURCE_USERNAME="$SP_PG_USER" QUARKUS_DATASOURCE_PASSWORD="$SP_PG_PASSWORD" \
    java -jar ingest-service/target/quarkus-app/quarkus-run.jar >.demo/bench-ingest.log 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:${PORT}/q/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
done

echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; PostgreSQL ${SP_PG_SOURCE} at ${SP_PG_HOST}:${SP_PG_PORT}"
java -Xmx4g -jar benchmark/target/benchmark-0.1.0-SNAPSHOT.jar --url "http://127.0.0.1:${PORT}" --api-key "$KEY" \
    --jdbc "jdbc:postgresql://${SP_PG_HOST}:${SP_PG_PORT}/${SP_PG_DB}" --user "$SP_PG_USER" \
    --password "$SP_PG_PASSWORD" --events "$EVENTS" --batch "$BATCH" --concurrency "$CONCURRENCY"

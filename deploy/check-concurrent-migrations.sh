#!/usr/bin/env bash
# Checks that schema migrations are safe when several replicas start at once: on a FRESH database it starts N
# instances of each service together (JVM jars from ./mvnw install/package), waits until every one is ready, and checks
# that each schema's flyway_schema_history holds every migration exactly once and successfully.
#
#   deploy/check-concurrent-migrations.sh            # N=3, database supportpulse_migrations_check (dropped first!)
#
# Each instance gets QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=30s (ACQUISITION_TIMEOUT), as the manifests set it: with
# the default 5 s, instances starved of CPU (9 JVMs starting on 2 cores) failed to open Flyway's first connection.
# Environment: N (instances per service, default 3), DB (database name, dropped and re-created), PGHOST/PGPORT/PGUSER
# (default 127.0.0.1, 5432, postgres; trust authentication), BASE_PORT (default 18790; uses BASE_PORT .. +3N-1).
set -euo pipefail
cd "$(dirname "$0")/.."

N="${N:-3}"
DB="${DB:-supportpulse_migrations_check}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
BASE_PORT="${BASE_PORT:-18790}"
LOGS="$(mktemp -d)"

for svc in ingest-service survey-service metrics-service; do
    [ -f "$svc/target/quarkus-app/quarkus-run.jar" ] || { echo "build first: ./mvnw -B install -DskipTests" >&2; exit 2; }
done

dropdb --if-exists "$DB"
createdb "$DB"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

ports=()
port=$BASE_PORT
start=$(date +%s)
for i in $(seq 1 "$N"); do
    for svc in ingest-service survey-service metrics-service; do
        # metrics-service: no token checks and a key location that is never read, so it starts without a key pair.
        env QUARKUS_HTTP_PORT="$port" \
            QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://${PGHOST}:${PGPORT}/${DB}" \
            QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://${PGHOST}:${PGPORT}/${DB}" \
            QUARKUS_DATASOURCE_USERNAME="$PGUSER" QUARKUS_DATASOURCE_PASSWORD="" \
            QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT="${ACQUISITION_TIMEOUT:-30s}" \
            SUPPORTPULSE_API_KEYS=check-key SUPPORTPULSE_METRICS_SECURITY_ENABLED=false \
            MP_JWT_VERIFY_PUBLICKEY_LOCATION=https://login.invalid/certs MP_JWT_VERIFY_ISSUER=https://login.invalid \
            java -Xmx256m -jar "$svc/target/quarkus-app/quarkus-run.jar" >"$LOGS/$svc-$i.log" 2>&1 &
        pids+=("$!")
        ports+=("$svc-$i:$port:$!")
        port=$((port + 1))
    done
done
echo "started $((N * 3)) instances at once; logs in $LOGS"

failed=0
for entry in "${ports[@]}"; do
    IFS=: read -r name p pid <<<"$entry"
    ok=
    for _ in $(seq 1 1200); do
        if curl -fs "http://127.0.0.1:${p}/q/health/ready" >/dev/null 2>&1; then ok=1; break; fi
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    if [ -n "$ok" ]; then
        echo "ready: $name (port $p) after $(( $(date +%s) - start )) s"
    else
        echo "NOT READY: $name (port $p); log $LOGS/$name.log:" >&2
        grep -m1 -E 'ERROR|Caused by' "$LOGS/$name.log" >&2 || true
        failed=1
    fi
done

for schema in ingest survey metrics; do
    svc="${schema}-service"
    expected=$(ls "$svc/src/main/resources/db/migration/" | grep -c '^V.*\.sql$')
    read -r rows versions dupes bad < <(psql -d "$DB" -qtAF ' ' -c "
        SELECT count(*), count(DISTINCT version),
               (SELECT count(*) FROM (SELECT version FROM ${schema}.flyway_schema_history
                                      WHERE version IS NOT NULL GROUP BY version HAVING count(*) > 1) d),
               count(*) FILTER (WHERE NOT success)
        FROM ${schema}.flyway_schema_history WHERE version IS NOT NULL")
    applied=$(grep -l "Successfully applied" "$LOGS/$svc"-*.log 2>/dev/null | wc -l)
    echo "schema $schema: $rows history rows, $versions distinct versions (expected $expected), $dupes duplicated," \
         "$bad failed; instances that applied migrations: $applied of $N"
    if [ "$rows" != "$expected" ] || [ "$versions" != "$expected" ] || [ "$dupes" != 0 ] || [ "$bad" != 0 ]; then
        failed=1
    fi
done

if [ "$failed" = 0 ]; then echo "concurrent migrations: OK"; else echo "concurrent migrations: FAILED" >&2; fi
exit "$failed"

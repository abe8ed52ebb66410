#!/usr/bin/env bash
# Survey benchmark: how many answers per second POST /v1/surveys/{token}/responses stores with 50 concurrent clients,
# beside the same single-row INSERT sent straight to PostgreSQL by pgbench with 50 clients, in one run. Creates
# INVITATIONS CSAT invitations through POST /v1/invitations (batches of 1000), warms the JVM up on the first tenth of
# their tokens, then answers the rest with wrk (each request a token of its own) for DURATION; reports answers/s
# (201s / duration), p50/p99 latency, errors, the service's RSS, the CPU time of the service and of its PostgreSQL
# backends during the run (where the time goes), and checks in the database that every 201 is stored exactly once and
# nothing else beyond the answers in flight when wrk stopped (a mismatch fails the run). Prints a table. Not a test.
#
#   INVITATIONS=200000 DURATION=30s benchmark/run-survey-benchmark.sh     (needs wrk: apt-get install -y wrk)
#
# Uses the scratch database supportpulse_sbench, dropped and created afresh by each run. SKIP_BUILD=1 uses the packaged
# jar as it is; other QUARKUS_* variables reach the service (QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE=32, say).
set -euo pipefail
cd "$(dirname "$0")/.."

INVITATIONS="${INVITATIONS:-200000}"
DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-10s}"
CONNECTIONS="${CONNECTIONS:-50}"
THREADS="${THREADS:-2}"
# The baseline needs a fresh invitation per INSERT; PostgreSQL alone inserts several times faster than the service.
BASELINE_INVITATIONS="${BASELINE_INVITATIONS:-1000000}"
PORT="${BENCH_PORT:-18083}"
BATCH=1000
KEY=bench-key

seconds() {
    case "$1" in
        *[0-9]s) echo "${1%s}" ;;
        *[0-9]m) echo $(( ${1%m} * 60 )) ;;
        *[0-9]) echo "$1" ;;
        *) echo "cannot read '$1' as a duration (30, 30s, 2m)" >&2; exit 1 ;;
    esac
}
SECONDS_RUN=$(seconds "$DURATION")
SECONDS_WARMUP=$(seconds "$WARMUP")
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
PGBENCH=$(command -v pgbench || echo /usr/lib/postgresql/15/bin/pgbench)
[ -x "$PGBENCH" ] || { echo "pgbench is needed (apt-get install -y postgresql-client)" >&2; exit 1; }

[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B package -DskipTests -pl survey-service -am
export SP_PG_DB=supportpulse_sbench
eval "$(bin/ensure-postgres)"
export PGPASSWORD="$SP_PG_PASSWORD"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$SP_PG_HOST" -p "$SP_PG_PORT" -U "$SP_PG_USER")
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $SP_PG_DB" -c "CREATE DATABASE $SP_PG_DB"
sql() { "${PSQL[@]}" -d "$SP_PG_DB" -tAc "$1"; }

WORK=.demo/survey-bench
rm -rf "$WORK" && mkdir -p "$WORK"
LOG=".demo/bench-survey-service-$PORT.log"
# All load comes from 127.0.0.1, one client address: lift the per-address limit out of the way.
QUARKUS_HTTP_PORT="$PORT" SUPPORTPULSE_API_KEYS="$KEY" \
SUPPORTPULSE_SURVEY_RATE_LIMIT_REQUESTS_PER_MINUTE=1000000000 SUPPORTPULSE_SURVEY_RATE_LIMIT_BURST=1000000000 \
QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://${SP_PG_HOST}:${SP_PG_PORT}/${SP_PG_DB}" \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://${SP_PG_HOST}:${SP_PG_PORT}/${SP_PG_DB}" \
QUARKUS_DATASOURCE_USERNAME="$SP_PG_USER" QUARKUS_DATASOURCE_PASSWORD="$SP_PG_PASSWORD" \
    java -jar survey-service/target/quarkus-app/quarkus-run.jar >"$LOG" 2>&1 &
service=$!
sampler=""
trap 'kill $service $sampler 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
    kill -0 $service 2>/dev/null || { echo "survey-service exited; see $LOG" >&2; exit 1; }
    sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null \
    || { echo "survey-service is not ready; see $LOG" >&2; exit 1; }
now_ms() { date +%s%3N; }

# ---- invitations through the API, tokens to a file ------------------------------------------------------------------

# create_batch FIRST: POSTs invitations bench-FIRST .. (up to BATCH of them) and writes their tokens to tokens.FIRST.
create_batch() {
    local first=$1 n status
    n=$(( INVITATIONS - first < BATCH ? INVITATIONS - first : BATCH ))
    status=$(awk -v f="$first" -v n="$n" 'BEGIN { printf "["; for (i = 0; i < n; i++)
                 printf "%s{\"kind\":\"CSAT\",\"ticketId\":\"bench-%d\"}", (i ? "," : ""), f + i; printf "]" }' \
        | curl -s -o "$WORK/batch.$first.json" -w '%{http_code}' "http://127.0.0.1:$PORT/v1/invitations" \
            -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' --data-binary @-)
    if [ "$status" != 201 ]; then
        echo "POST /v1/invitations (batch from $first) answered $status: $(head -c 500 "$WORK/batch.$first.json")" >&2
        return 1
    fi
    jq -r '.[].token' "$WORK/batch.$first.json" >"$WORK/tokens.$first"
    rm "$WORK/batch.$first.json"
    [ "$(wc -l <"$WORK/tokens.$first")" = "$n" ] || { echo "batch from $first: not $n tokens" >&2; return 1; }
}
export -f create_batch
export INVITATIONS BATCH PORT KEY WORK

echo "creating $INVITATIONS invitations through POST /v1/invitations, $BATCH a request ..."
invite_start=$(now_ms)
seq 0 "$BATCH" $(( INVITATIONS - 1 )) | xargs -P 2 -I{} bash -c 'create_batch {}'
invite_end=$(now_ms)
cat "$WORK"/tokens.* >"$WORK/tokens" && rm "$WORK"/tokens.*
[ "$(sort -u "$WORK/tokens" | wc -l)" = "$INVITATIONS" ] \
    || { echo "expected $INVITATIONS distinct tokens" >&2; exit 1; }
# The first tenth warms the JVM up; the measured run gets the rest, so no token is answered twice.
warmup_tokens=$(( SECONDS_WARMUP > 0 ? INVITATIONS / 10 : 0 ))
head -n "$warmup_tokens" "$WORK/tokens" >"$WORK/tokens.warmup"
tail -n +"$(( warmup_tokens + 1 ))" "$WORK/tokens" >"$WORK/tokens.run"

# The baseline's invitations, made in SQL: ids 00000000-0000-0000-0000-000000000001 and up, which random (v4) ids of
# the service's invitations never are; pgbench takes them in order from a sequence.
echo "creating $BASELINE_INVITATIONS invitations for the pgbench baseline in SQL ..."
sql "CREATE SEQUENCE public.bench_baseline_seq;
     INSERT INTO survey.invitations (id, token, kind, ticket_id, sent_at, expires_at)
     SELECT lpad(to_hex(k), 32, '0')::uuid, 'baseline-' || k, 'CSAT', 'baseline-' || k, now(),
            now() + interval '30 days'
     FROM generate_series(1, $BASELINE_INVITATIONS) k" >/dev/null
sql "VACUUM ANALYZE" >/dev/null

# ---- the service under wrk ------------------------------------------------------------------------------------------

# wrk_answers NAME SECONDS: answers the surveys in tokens.NAME for that long; prints wrk's RESULT line, keeps wrk's
# report in wrk.NAME.txt and the invitation ids of its 201s in acked.NAME. The time-out is above the service's own
# database time-out (10 s), so a slow answer arrives as the service's 503 rather than as a wrk time-out.
wrk_answers() {
    THREADS="$THREADS" TOKENS="$WORK/tokens.$1" ACKED="$WORK/acked.$1" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2s" \
        --timeout 30s --latency -s benchmark/wrk-survey-answers.lua "http://127.0.0.1:$PORT" >"$WORK/wrk.$1.txt"
    grep '^RESULT ' "$WORK/wrk.$1.txt"
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }
# Waits (at most 30 s) until no answer has been stored for 2 s: answers in flight when wrk stopped are done.
settle() {
    local last=-1 now
    for _ in $(seq 1 15); do
        now=$(sql "SELECT count(*) FROM survey.responses")
        [ "$now" != "$last" ] || return 0
        last=$now
        sleep 2
    done
}
# CPU time (clock ticks, user + system) the given processes have used so far; gone ones count 0.
cpu_ticks() {
    local p t=0
    for p in "$@"; do t=$(( t + $(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0) )); done
    echo "$t"
}
# Busy CPU ticks of the whole machine so far (all but idle and iowait).
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
# The PostgreSQL backends serving the service (its connection pool), when PostgreSQL runs on this machine.
backends() {
    case "$SP_PG_HOST" in
        127.0.0.1 | localhost | ::1)
            sql "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()" ;;
    esac
}

warm201=0 warm_in_flight=0
: >"$WORK/acked.warmup"
if [ "$SECONDS_WARMUP" -gt 0 ]; then
    echo "warming up for ${SECONDS_WARMUP}s on $warmup_tokens separate tokens ..."
    warm=$(wrk_answers warmup "$SECONDS_WARMUP")
    warm201=$(field s201 "$warm")
    warm_in_flight=$(field in_flight "$warm")
fi
settle
sql "CHECKPOINT" >/dev/null

echo "answering for ${SECONDS_RUN}s with $CONNECTIONS connections (wrk) ..."
# The service's memory: sampled every second under load, and once when the load ends.
(peak=0; while kill -0 $service 2>/dev/null; do
     rss=$(ps -o rss= -p $service 2>/dev/null || echo 0); [ "${rss// /}" -le "$peak" ] || peak=${rss// /}
     echo "$peak" >"$WORK/rss.peak"; sleep 1
 done) &
sampler=$!
declare -A pg_cpu0
for p in $(backends); do pg_cpu0[$p]=$(cpu_ticks "$p"); done
service_cpu0=$(cpu_ticks $service) machine_cpu0=$(machine_ticks)
run=$(wrk_answers run "$SECONDS_RUN")
rss_end=$(ps -o rss= -p $service | tr -d ' ')
service_cpu=$(( $(cpu_ticks $service) - service_cpu0 )) machine_cpu=$(( $(machine_ticks) - machine_cpu0 ))
# Backends opened during the run count from zero; those closed during it are missed.
pg_cpu=0
for p in $(backends); do pg_cpu=$(( pg_cpu + $(cpu_ticks "$p") - ${pg_cpu0[$p]:-0} )); done
kill $sampler 2>/dev/null || true
sampler=""
rss_peak=$(cat "$WORK/rss.peak" 2>/dev/null || echo "$rss_end")
[ "$rss_end" -le "$rss_peak" ] || rss_peak=$rss_end

run201=$(field s201 "$run") run409=$(field s409 "$run") run_other=$(field sother "$run") others=$(field others "$run")
socket_errors=$(field socket_errors "$run") exhausted=$(field tokens_exhausted "$run")
in_flight=$(field in_flight "$run")
wrk_seconds=$(field duration_s "$run")
p50=$(field p50_ms "$run") p99=$(field p99_ms "$run")

# ---- every 201 stored exactly once ----------------------------------------------------------------------------------

# wrk stops with up to CONNECTIONS answers in flight (in each of its two runs): the service may store those without
# wrk hearing the 201. So the check is by invitation: each id wrk got a 201 for is stored, once; what is stored beyond
# them can only be those in flight. Any other answer stored was answered with an error (a 503 says "nothing was
# stored"), so its customer would retry and hear 409.
failures=()
settle
cat "$WORK/acked.warmup" "$WORK/acked.run" >"$WORK/acked"
if grep -qv '^[0-9a-f-]\{36\}$' "$WORK/acked"; then
    failures+=("some 201s carried no invitationId; see $WORK/acked")
    grep '^[0-9a-f-]\{36\}$' "$WORK/acked" >"$WORK/acked.ids" || true
else
    cp "$WORK/acked" "$WORK/acked.ids"
fi
sql "CREATE TABLE public.bench_acked (invitation_id uuid NOT NULL)" >/dev/null
"${PSQL[@]}" -d "$SP_PG_DB" -c "\\copy public.bench_acked FROM '$WORK/acked.ids'"
read -r acked acked_distinct stored distinct missing unacked < <(sql "SELECT
      (SELECT count(*) FROM public.bench_acked), (SELECT count(DISTINCT invitation_id) FROM public.bench_acked),
      (SELECT count(*) FROM survey.responses), (SELECT count(DISTINCT invitation_id) FROM survey.responses),
      (SELECT count(*) FROM public.bench_acked a WHERE NOT EXISTS
          (SELECT 1 FROM survey.responses r WHERE r.invitation_id = a.invitation_id)),
      (SELECT count(*) FROM survey.responses r WHERE NOT EXISTS
          (SELECT 1 FROM public.bench_acked a WHERE a.invitation_id = r.invitation_id))" | tr '|' ' ')
[ "$acked" = $(( warm201 + run201 )) ] || failures+=("wrk counted $(( warm201 + run201 )) 201s but kept $acked ids")
[ "$acked" = "$acked_distinct" ] || failures+=("$(( acked - acked_distinct )) invitations were acknowledged twice")
[ "$missing" = 0 ] || failures+=("$missing acknowledged answers (201) are not in survey.responses")
[ "$stored" = "$distinct" ] || failures+=("survey.responses: $stored rows for $distinct invitations")
[ "$unacked" -le $(( warm_in_flight + in_flight )) ] || failures+=("$unacked answers stored without a 201, but at most"
    "$(( warm_in_flight + in_flight )) were in flight when wrk stopped: the others got an error, yet were stored")
[ "$run409" = 0 ] || failures+=("$run409 answers got 409: a token was answered twice")
[ "$run_other" = 0 ] \
    || failures+=("$run_other answers got neither 201 nor 409 ($others); see $WORK/wrk.run.txt and $LOG")
[ "$socket_errors" = 0 ] || failures+=("$socket_errors socket errors or time-outs; see $WORK/wrk.run.txt")
[ "$exhausted" = 0 ] \
    || failures+=("tokens ran out before ${SECONDS_RUN}s, so the rate is understated: raise INVITATIONS")

# ---- the baseline: the service's INSERT straight to PostgreSQL ------------------------------------------------------

echo "the same INSERT with pgbench, $CONNECTIONS clients, ${SECONDS_RUN}s ..."
cat >"$WORK/answer.sql" <<'EOF'
\set score random(1, 5)
INSERT INTO survey.responses (invitation_id, score, comment, submitted_at, source)
VALUES (lpad(to_hex(nextval('public.bench_baseline_seq')), 32, '0')::uuid, :score, 'bench answer', now(), 'rest')
ON CONFLICT (invitation_id) DO NOTHING
RETURNING submitted_at;
EOF
sql "CHECKPOINT" >/dev/null
baseline_status=0
(cd "$WORK" && "$PGBENCH" -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$SECONDS_RUN" -f answer.sql -l \
    --log-prefix=pgbench -h "$SP_PG_HOST" -p "$SP_PG_PORT" -U "$SP_PG_USER" "$SP_PG_DB") >"$WORK/baseline.txt" 2>&1 \
    || baseline_status=$?
base_stored=$(sql "SELECT count(*) FROM survey.responses
                   WHERE invitation_id <= lpad(to_hex($BASELINE_INVITATIONS), 32, '0')::uuid")
base_taken=$(sql "SELECT last_value FROM public.bench_baseline_seq")
# Per-transaction log: client, transaction, latency in µs, ...
read -r base_p50 base_p99 < <(cat "$WORK"/pgbench.[0-9]* | awk '{ print $3 }' | sort -n | awk '{ v[NR] = $1 } END {
    i = int(NR * 0.50 + 0.5); j = int(NR * 0.99 + 0.5); if (i < 1) i = 1; if (j < 1) j = 1;
    printf "%.2f %.2f\n", v[i] / 1000, v[j] / 1000 }')
base_failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$WORK/baseline.txt")
base_failed=${base_failed:-0}
[ "$base_failed" = 0 ] || failures+=("$base_failed baseline transactions failed; see $WORK/baseline.txt")
[ "$baseline_status" = 0 ] || failures+=("pgbench exited with $baseline_status; see $WORK/baseline.txt")
[ "$base_taken" -lt "$BASELINE_INVITATIONS" ] \
    || failures+=("the baseline ran out of invitations; raise BASELINE_INVITATIONS")

# ---- the table ------------------------------------------------------------------------------------------------------

echo
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); PostgreSQL $SP_PG_SOURCE" \
    "$(sql 'SHOW server_version')"
awk -v n="$INVITATIONS" -v s="$invite_start" -v e="$invite_end" 'BEGIN {
    printf "invitations: %d through POST /v1/invitations in %.1f s = %.0f/s\n", n, (e - s) / 1000, n * 1000 / (e - s) }'
echo "answers: $CONNECTIONS connections, ${SECONDS_RUN}s after a ${SECONDS_WARMUP}s warm-up ($warm201 answers);" \
    "wrk measured ${wrk_seconds}s"
printf '%-34s %10s %9s %9s %9s %8s\n' "" "answers/s" "p50 ms" "p99 ms" "stored" "errors"
awk -v a="$run201" -v t="$SECONDS_RUN" -v p50="$p50" -v p99="$p99" -v e="$(( run409 + run_other + socket_errors ))" \
    'BEGIN { printf "%-34s %10.0f %9.2f %9.2f %9d %8d\n", "survey-service POST .../responses", a / t, p50, p99, a, e }'
awk -v a="$base_stored" -v t="$SECONDS_RUN" -v p50="$base_p50" -v p99="$base_p99" -v f="$base_failed" \
    -v st="$baseline_status" 'BEGIN { printf "%-34s %10.0f %9.2f %9.2f %9d %8s\n", "pgbench INSERT (baseline)", a / t,
        p50, p99, a, st == 0 ? f : f " exit " st }'
awk -v a="$run201" -v b="$base_stored" 'BEGIN { printf "service / baseline: %.2f\n", b ? a / b : 0 }'
awk -v s="$service_cpu" -v p="$pg_cpu" -v m="$machine_cpu" -v hz="$(getconf CLK_TCK)" -v t="$SECONDS_RUN" \
    -v n="$(nproc)" -v a="$run201" 'BEGIN { printf "CPU during the measured run: machine busy %.0f of %d core-s; " \
        "survey-service %.1f core-s (%.2f ms an answer), its PostgreSQL backends %.2f core-s; " \
        "the rest (wrk, other work) %.1f core-s\n",
        m / hz, n * t, s / hz, a ? s / hz * 1000 / a : 0, p / hz, (m - s - p) / hz }'
echo "survey-service RSS: $(( rss_end / 1024 )) MiB when the load ended, $(( rss_peak / 1024 )) MiB at most under load"
echo "database: $stored answers for $distinct invitations = the $acked that got a 201 ($missing of them missing) +" \
    "$unacked without one (at most $(( warm_in_flight + in_flight )) were in flight when wrk stopped);" \
    "measured run: $run201 201s, $run409 409s, $run_other other ($others)"

if [ ${#failures[@]} -gt 0 ]; then
    echo >&2
    for f in "${failures[@]}"; do echo "MISMATCH: $f" >&2; done
    exit 1
fi
echo "check: every acknowledged answer is stored exactly once"

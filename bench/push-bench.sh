#!/usr/bin/env bash
# Push benchmark: the BFF's dispatcher through the real Firebase Admin SDK to a fake FCM on loopback
# (bench/FakeFcmServer.java, reached through HCC_FIREBASE_ENDPOINT with a service account it makes).
# Both services in their `prod` profile on this machine's PostgreSQL and Redis (see lib.sh).
#   - throughput: THROUGHPUT dossiers (two phones each) made ready while the dispatcher is off, then one
#     replica started and timed from the first to the last message at the fake FCM;
#   - latency: LATENCY dossiers made ready one at a time at RATE/s through the gateway, and for each
#     message the time from the event's 201 to its arrival at the fake FCM.
# Each figure is the median of RUNS runs (default 3). Results go to target/bench/ and docs/BENCHMARKS.md.
#
#   bench/push-bench.sh        (needs psql, redis-cli and openssl; builds the jars if absent)
set -Eeuo pipefail
source "$(dirname "$0")/lib.sh"
THROUGHPUT=${THROUGHPUT:-3000}
LATENCY=${LATENCY:-300}
RATE=${RATE:-10}
LATENCY_MS=${FCM_LATENCY_MS:-20}
BASE=http://127.0.0.1:8080
PER_RUN=$((THROUGHPUT + LATENCY))
PUSH=(java -Xmx256m bench/PushBench.java)

start_fcm() { start_fake_fcm "$LATENCY_MS"; }

ensure_jars
fresh_database
start_fcm
start_bff push-off --hcc.bff.push.enabled=false
start_gateway

KEY=$(make_api_key bench-system system system)
pending() { psql -h 127.0.0.1 -U "$PG_USER" -d "$DB" -Atc "SELECT count(*) FROM push_message WHERE state = 'pending'"; }

echo "filing $((RUNS * PER_RUN)) dossiers and registering two phones for each owner..."
java -Xmx512m bench/LoadGenerator.java file "$BASE" "$KEY" $((RUNS * PER_RUN)) 16 "$OUT/push-dossiers.csv"
"${PUSH[@]}" devices http://127.0.0.1:8081 $((RUNS * PER_RUN))

: >"$OUT/push-drain.txt"
: >"$OUT/push-latency.txt"
for run in $(seq 0 $((RUNS - 1))); do
  from=$((run * PER_RUN))
  "${PUSH[@]}" finish "$BASE" "$KEY" "$OUT/push-dossiers.csv" "$from" $((from + THROUGHPUT))
  QUEUED=$(pending) # what this run's status-9 events queued, with the dispatcher off
  stop_all
  start_fcm
  start_bff "push-on-$run"
  "${PUSH[@]}" drain "$FCM" "$QUEUED" 300 | tee -a "$OUT/push-drain.txt"
  start_gateway
  "${PUSH[@]}" latency "$BASE" "$KEY" "$OUT/push-dossiers.csv" $((from + THROUGHPUT)) $((from + PER_RUN)) "$RATE" "$FCM" \
    | tee -a "$OUT/push-latency.txt"
  stop_all
  if ((run < RUNS - 1)); then
    start_fcm
    start_bff push-off --hcc.bff.push.enabled=false
    start_gateway
  fi
done

field() { # file key (a run whose figure is missing, -1, is left out)
  grep -o "$2=[0-9.-]*" "$1" | cut -d= -f2 | grep -v '^-' | median
}
total() { # key
  cat "$OUT/push-drain.txt" "$OUT/push-latency.txt" | grep -o "$1=[0-9]*" | cut -d= -f2 | awk '{s+=$1} END {print s+0}'
}
RATE_MEDIAN=$(field "$OUT/push-drain.txt" msgs_per_s)
P50=$(field "$OUT/push-latency.txt" p50_ms)
P99=$(field "$OUT/push-latency.txt" p99_ms)
MAX=$(field "$OUT/push-latency.txt" max_ms)
LOST=$(total lost)
DUPLICATES=$(grep -o 'duplicates=[0-9]*' "$OUT/push-drain.txt" | cut -d= -f2 | awk '{s+=$1} END {print s+0}')

SECTION=$(cat <<EOF2
<!-- bench:push -->
## Pushes: dispatch throughput and latency (\`bench/push-bench.sh\`)

$(date -u +%Y-%m-%d). $(machine). Gateway and one BFF replica in the \`prod\` profile (batches of 500,
poll every 500 ms) on this machine's PostgreSQL and Redis; the real Firebase Admin SDK sends to a
fake FCM on loopback (\`bench/FakeFcmServer.java\`, ${LATENCY_MS} ms per answer); load on the same 2
cores; median of $RUNS runs; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg).

| what | figure |
|---|---|
| one replica draining the ~$((2 * THROUGHPUT)) messages queued by $THROUGHPUT status-9 events (first to last at FCM) | $RATE_MEDIAN messages/s |
| status 9 accepted → message at FCM, $RATE dossiers/s, two phones each: p50 / p99 / max | $P50 / $P99 / $MAX ms |
| messages lost (queued but never at FCM), over all runs | $LOST |
| status-9 events refused or unanswered in the latency runs (not retried there) | $(total failed) |
| messages received twice, over all runs | $DUPLICATES |

The drain starts as the replica starts, so it includes a cold JIT, and so does the latency run
that follows it (each run's p99 fell as the replica warmed: see target/bench/push-latency.txt). A
message waits up to one poll interval (500 ms when the outbox was found empty, 250 ms on average)
before it is claimed, then the SDK's call and the fake FCM's 20 ms answer.
<!-- /bench:push -->
EOF2
)
write_section push "$SECTION"

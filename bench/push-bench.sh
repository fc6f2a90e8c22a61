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
THROUGHPUT=${THROUGHPUT:-5000}
LATENCY=${LATENCY:-600}
RATE=${RATE:-20}
FCM_PORT=${FCM_PORT:-18089}
export LATENCY_MS=${FCM_LATENCY_MS:-20}
FCM=http://127.0.0.1:$FCM_PORT
BASE=http://127.0.0.1:8080
PER_RUN=$((THROUGHPUT + LATENCY))
PUSH=(java -Xmx256m bench/PushBench.java)

start_fcm() {
  rm -f "$OUT/fcm/service-account.json"
  java -Xmx256m bench/FakeFcmServer.java "$FCM_PORT" "$OUT/fcm" >>"$OUT/fcm.log" 2>&1 &
  PIDS+=("$!")
  for _ in $(seq 1 60); do curl -sf "$FCM/stats" >/dev/null && return 0; sleep 0.5; done
  echo "fake FCM did not start" >&2
  exit 1
}
export HCC_FIREBASE_CREDENTIALS_FILE=$OUT/fcm/service-account.json HCC_FIREBASE_ENDPOINT=$FCM

ensure_jars
fresh_database
start_fcm
start_bff push-off --hcc.bff.push.enabled=false
start_gateway

KEY="hcc_bench_$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
HASH=$(printf '%s' "$KEY" | openssl dgst -sha256 -hmac "$HCC_API_KEY_PEPPER" -r | cut -d' ' -f1)
psql -h 127.0.0.1 -U "$PG_USER" -d "$DB" -q -c "INSERT INTO api_key (client_id, kind, scopes, rate_tier, key_hash, key_hint)
  VALUES ('bench-system', 'system', '{dossiers:read,dossiers:write}', 'system', '$HASH', 'hcc_benc')"

echo "filing $((RUNS * PER_RUN)) dossiers and registering two phones for each owner..."
java -Xmx512m bench/LoadGenerator.java file "$BASE" "$KEY" $((RUNS * PER_RUN)) 16 "$OUT/push-dossiers.csv"
"${PUSH[@]}" devices http://127.0.0.1:8081 $((RUNS * PER_RUN))

: >"$OUT/push-drain.txt"
: >"$OUT/push-latency.txt"
for run in $(seq 0 $((RUNS - 1))); do
  from=$((run * PER_RUN))
  "${PUSH[@]}" finish "$BASE" "$KEY" "$OUT/push-dossiers.csv" "$from" $((from + THROUGHPUT))
  stop_all
  start_fcm
  start_bff "push-on-$run"
  "${PUSH[@]}" drain "$FCM" $((2 * THROUGHPUT)) 300 | tee -a "$OUT/push-drain.txt"
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

field() { # file key
  grep -o "$2=[0-9.-]*" "$1" | cut -d= -f2 | median
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
| one replica draining $((2 * THROUGHPUT)) queued messages (first to last at FCM) | $RATE_MEDIAN messages/s |
| status 9 accepted → message at FCM, $RATE dossiers/s, two phones each: p50 / p99 / max | $P50 / $P99 / $MAX ms |
| messages lost, over all runs | $LOST |
| messages received twice, over all runs | $DUPLICATES |

The drain starts as the replica starts, so it includes a cold JIT. The latency is bounded below by
the poll interval (500 ms when the outbox was found empty) and the fake FCM's answer time.
<!-- /bench:push -->
EOF2
)
write_section push "$SECTION"

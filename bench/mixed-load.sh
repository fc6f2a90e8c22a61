#!/usr/bin/env bash
# Mixed realistic load for MINUTES (5) minutes through the gateway, both services in the `prod` profile
# on this machine's PostgreSQL and Redis: citizens looking up receipts, asking for the nearest points
# and reading their dossiers and inbox; the city system posting status events 4, 9, 10 for DOSSIERS
# dossiers (bench/drills/Ingest.java, retrying with the same event ids); and the result-ready pushes
# going out through the real Firebase Admin SDK to a fake FCM on loopback. Reports throughput and
# p50/p99 per route, errors (target 0), every push delivered, and the largest RSS of each JVM (target
# 512 MiB each), sampled every 5 s. Results in target/drills/mixed-load/ and docs/BENCHMARKS.md.
#
#   bench/mixed-load.sh        (about 9 min; RATE reads/s, default 100)
set -Eeuo pipefail
source "$(dirname "$0")/drills/lib.sh"
watchdog 1500
MINUTES=${MINUTES:-5}
RATE=${RATE:-100}
DOSSIERS=${DOSSIERS:-2000}
SECONDS_RUN=$((MINUTES * 60))
# events 4, 9, 10 of every dossier spread over the run: 4 dossiers at a time, one event every PACE_MS
PACE_MS=$((SECONDS_RUN * 1000 * 4 / (DOSSIERS * 3)))

ensure_jars
fresh_database
start_fake_fcm 20
start_jwks
start_bff bff
BFF_PID=${PIDS[-1]}
start_gateway
GATEWAY_PID=${PIDS[-1]}
KEY=$(make_api_key bench-system system system)
java -Xmx256m bench/LoadGenerator.java file http://127.0.0.1:8080 "$KEY" "$DOSSIERS" 8 "$OUT/receipts.csv" >/dev/null
java -Xmx256m bench/PushBench.java devices http://127.0.0.1:8081 "$DOSSIERS" >"$OUT/devices.txt"

G=http://127.0.0.1:8080/api/v1
{
  for i in $(seq 0 19); do # origins over Hanoi
    printf 'nearest\tGET\t%s\t-\t-\n' "$G/points/nearest?lat=$(awk -v i="$i" 'BEGIN {printf "%.5f", 20.95 + (i * 7 % 20) * 0.01}')&lon=$(awk -v i="$i" 'BEGIN {printf "%.5f", 105.75 + (i * 11 % 20) * 0.01}')&limit=5"
  done
  while IFS=, read -r code secret; do
    printf 'lookup\tPOST\t%s\tContent-Type: application/json\t{"code":"%s","secret":"%s"}\n' "$G/dossiers/lookup" "$code" "$secret"
  done < <(shuf -n 20 --random-source=<(yes) "$OUT/receipts.csv")
  for i in 1 2 3 4 5; do
    TOKEN=$(person_token "$(printf '0010%08d' "$i")" '["citizen"]' 1800)
    printf 'me-dossiers\tGET\t%s\tAuthorization: Bearer %s\t-\n' "$G/me/dossiers" "$TOKEN"
    printf 'me-notifications\tGET\t%s\tAuthorization: Bearer %s\t-\n' "$G/me/notifications" "$TOKEN"
  done
} >"$OUT/requests.tsv"

warm_up "$OUT/requests.tsv" "$RATE" 60
rss() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo 0; }
(while true; do echo "$(rss "$BFF_PID") $(rss "$GATEWAY_PID")"; sleep 5; done) >"$OUT/rss.txt" &
SAMPLER=$!
CLEANUPS+=("kill $SAMPLER 2>/dev/null")
T_START=$(now_ms)
java -Xmx256m bench/drills/Ingest.java http://127.0.0.1:8080 "$KEY" "$OUT/receipts.csv" 4 "$PACE_MS" $((SECONDS_RUN + 120)) \
  "$OUT/events.csv" >"$OUT/ingest.txt" &
INGEST=$!
CLEANUPS+=("kill $INGEST 2>/dev/null")
java -Xmx256m bench/drills/Probe.java "$OUT/requests.tsv" "$RATE" "$SECONDS_RUN" "$OUT/stop" "$OUT/probe.csv" >"$OUT/probe.txt"
wait "$INGEST"
kill "$SAMPLER"
T_END=$(now_ms)
java -Xmx256m bench/PushBench.java drain "$FCM" $((2 * DOSSIERS)) 120 >"$OUT/drain.txt"

# per route: count, req/s over the run, p50, p99, non-2xx
routes() {
  awk -F, -v secs="$SECONDS_RUN" '{n[$2]++; if ($3 < 200 || $3 > 299) bad[$2]++; print $2, $4 > "/dev/stderr"}
    END {for (r in n) printf "%s %d %.1f %d\n", r, n[r], n[r] / secs, bad[r] + 0}' "$OUT/probe.csv" 2>"$OUT/latencies.txt" | sort
}
percentile() { # route, p
  awk -v r="$1" '$1 == r {print $2}' "$OUT/latencies.txt" | sort -n | awk -v p="$2" '{a[NR] = $1} END {i = int(NR * p / 100 + 0.999); print a[i < 1 ? 1 : i]}'
}
TABLE=$(routes | while read -r route count rate bad; do
  printf '| %s | %s | %s | %s ms | %s ms | %s |\n' "$route" "$count" "$rate" "$(percentile "$route" 50)" "$(percentile "$route" 99)" "$bad"
done)
EVENTS=$(wc -l <"$OUT/events.csv")
EVENT_ERRORS=$(awk -F, '$4 != 200' "$OUT/events.csv" | wc -l)
EVENT_P50=$(awk -F, '{print $7 - $6}' "$OUT/events.csv" | sort -n | awk '{a[NR] = $1} END {print a[int(NR / 2) + 1]}')
EVENT_P99=$(awk -F, '{print $7 - $6}' "$OUT/events.csv" | sort -n | awk '{a[NR] = $1} END {i = int(NR * 0.99 + 0.999); print a[i]}')
READ_ERRORS=$(awk -F, '$3 < 200 || $3 > 299' "$OUT/probe.csv" | wc -l)
READS=$(wc -l <"$OUT/probe.csv")
number() { sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p" <<<"$2"; }
STATS=$(curl -s "$FCM/stats")
RSS_BFF=$(awk '{print $1}' "$OUT/rss.txt" | sort -n | tail -1)
RSS_GATEWAY=$(awk '{print $2}' "$OUT/rss.txt" | sort -n | tail -1)

check "read errors (non-2xx) of $READS" "$READ_ERRORS" "==" 0
check "events not applied in the end, of $EVENTS" "$EVENT_ERRORS" "==" 0
check "pushes delivered (two phones per dossier)" "$(number distinct "$STATS")" "==" $((2 * DOSSIERS))
check "largest RSS of the BFF (MiB)" "$RSS_BFF" "<=" 512
check "largest RSS of the gateway (MiB)" "$RSS_GATEWAY" "<=" 512

SECTION=$(cat <<DOC
<!-- bench:mixed-load -->
## Mixed load for $MINUTES minutes (\`bench/mixed-load.sh\`): $( ((FAILED == 0)) && echo PASS || echo FAIL)

$(date -u +%Y-%m-%d). $(machine). Load average $LOAD_START at the start, $(loadavg) at the end (a shared
machine). Both services in the \`prod\` profile (\`-Xmx512m\`) on this machine's PostgreSQL and Redis, a
60 s warm-up first. Through the gateway: $RATE reads/s open loop (\`bench/drills/Probe.java\`: nearest
points from 20 origins, lookups of 20 receipts, 5 citizens' dossiers and inboxes with RS256 tokens);
at the same time the city system's events 4, 9, 10 for $DOSSIERS dossiers, 4 at a time every $PACE_MS ms
(\`bench/drills/Ingest.java\`, $EVENTS events, p50 $EVENT_P50 ms, p99 $EVENT_P99 ms), and
$(number distinct "$STATS") result-ready pushes to two phones per dossier through the real Firebase
Admin SDK to \`bench/FakeFcmServer.java\` ($(number duplicates "$STATS") repeats).

| route | requests | req/s | p50 | p99 | non-2xx |
|---|---|---|---|---|---|
$TABLE

| check | figure | target | result |
|---|---|---|---|
$(printf '%s\n' "${CHECKS[@]}")

RSS sampled every 5 s (\`target/drills/mixed-load/rss.txt\`, "BFF gateway" in MiB).
<!-- /bench:mixed-load -->
DOC
)
write_section mixed-load "$SECTION" >/dev/null
echo "$SECTION"
((FAILED == 0))

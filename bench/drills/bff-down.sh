#!/usr/bin/env bash
# The BFF down: under a steady load through the gateway (RATE req/s, default 25: nearest, points,
# one point, a lookup, the change feed; after a 40 s warm-up), the BFF is killed (kill -9), left down
# DOWN_SECONDS (20), then started again. Passes when every request sent while it was down is answered 503
# application/problem+json within the gateway's response timeout (10 s), and when, once the BFF is
# ready again, the gateway is back to 200s by itself within 30 s.
#
#   bench/drills/bff-down.sh        (about 3 min; needs psql, openssl)
set -Eeuo pipefail
source "$(dirname "$0")/lib.sh"
watchdog 600
RATE=${RATE:-25}
DOWN_SECONDS=${DOWN_SECONDS:-20}
TIMEOUT_MS=10000

ensure_jars
fresh_database
start_bff bff
start_gateway
KEY=$(make_api_key drill-system system system)
java -Xmx256m bench/LoadGenerator.java file http://127.0.0.1:8080 "$KEY" 5 2 "$OUT/receipts.csv" >/dev/null
IFS=, read -r CODE SECRET <"$OUT/receipts.csv"
G=http://127.0.0.1:8080/api/v1
{
  printf 'nearest\tGET\t%s\t-\t-\n' "$G/points/nearest?lat=21.0285&lon=105.8542&limit=5"
  printf 'points\tGET\t%s\t-\t-\n' "$G/points?type=RECEPTION"
  printf 'point\tGET\t%s\t-\t-\n' "$G/points/W00070"
  printf 'lookup\tPOST\t%s\tContent-Type: application/json\t{"code":"%s","secret":"%s"}\n' "$G/dossiers/lookup" "$CODE" "$SECRET"
  printf 'feed\tGET\t%s\tX-Api-Key: %s\t-\n' "$G/agent/dossiers?limit=10" "$KEY"
} >"$OUT/requests.tsv"

warm_up "$OUT/requests.tsv" "$RATE" 40
java -Xmx256m bench/drills/Probe.java "$OUT/requests.tsv" "$RATE" 300 "$OUT/stop" "$OUT/probe.csv" >"$OUT/probe.txt" &
PROBE=$!
CLEANUPS+=("kill $PROBE 2>/dev/null")
sleep 15
BFF=${PIDS[0]}
kill -9 "$BFF"
wait "$BFF" 2>/dev/null || true
T_DOWN=$(now_ms)
echo "BFF killed"
sleep "$DOWN_SECONDS"
T_START=$(now_ms)
start_bff bff-restarted
T_READY=$(now_ms)
echo "BFF ready again after $((T_READY - T_START)) ms"
sleep 40
T_END=$(now_ms)
touch "$OUT/stop"
wait "$PROBE"

P=$OUT/probe.csv
DOWN_N=$(window "$P" "$T_DOWN" "$T_START" | wc -l)
DOWN_503=$(window "$P" "$T_DOWN" "$T_START" '$3 == 503 && $6 == 1' | wc -l)
DOWN_P99=$(window "$P" "$T_DOWN" "$T_START" | cut -d, -f4 | sort -n | awk '{a[NR] = $1} END {i = int(NR * 0.99 + 0.999); print a[i < 1 ? 1 : i] + 0}')
DOWN_MAX=$(window "$P" "$T_DOWN" "$T_START" | cut -d, -f4 | sort -n | tail -1)
window "$P" "$T_DOWN" "$T_READY" | cut -d, -f3,6 | sort | uniq -c >"$OUT/answers-while-down.txt"
STARTUP_OTHER=$(window "$P" "$T_START" "$T_READY" '!($3 == 503 && $6 == 1) && $3 != 200' | wc -l)
# recovery: from the BFF's readiness to the first answer after which every answer was 200
LAST_BAD=$(window "$P" "$T_READY" "$T_END" '$3 != 200' | cut -d, -f1 | sort -n | tail -1)
RECOVERY_MS=$(( ${LAST_BAD:-$T_READY} - T_READY ))
AFTER_N=$(window "$P" "$T_READY" "$T_END" | wc -l)
AFTER_OK=$(window "$P" $((T_READY + 30000)) "$T_END" '$3 == 200' | wc -l)
AFTER_ALL=$(window "$P" $((T_READY + 30000)) "$T_END" | wc -l)

check "requests sent while the BFF was down ($DOWN_N) answered 503 problem+json" "$DOWN_503" "==" "$DOWN_N"
check "slowest of them, ms (the gateway's response timeout)" "${DOWN_MAX:-0}" "<=" "$TIMEOUT_MS"
check "answers neither 200 nor 503 problem+json while the BFF was starting" "$STARTUP_OTHER" "==" 0
check "recovery: last non-200 after the BFF was ready, ms" "$RECOVERY_MS" "<=" 30000
check "answers 200 from 30 s after the BFF was ready ($AFTER_ALL)" "$AFTER_OK" "==" "$AFTER_ALL"

finish "the BFF down" "$(cat <<DOC
Command: \`bench/drills/bff-down.sh\`. \`bench/drills/Probe.java\` sent $RATE req/s open loop through the
gateway (nearest, points, one point, a lookup, the change feed with an API key, in turn); after 15 s
the BFF was killed (\`kill -9\`), left down $DOWN_SECONDS s, then started again (ready after
$((T_READY - T_START)) ms). While it was down the answers' p99 was $DOWN_P99 ms, the slowest ${DOWN_MAX:-0} ms.
Answers from the kill to the BFF's readiness (count, status, problem+json):
\`$(tr -s ' \n' ' ' <"$OUT/answers-while-down.txt")\`. After readiness: $AFTER_N requests, the last non-200 at
+$RECOVERY_MS ms (the circuit breakers stay open 10 s, then let 5 calls through).
DOC
)"

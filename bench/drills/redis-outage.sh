#!/usr/bin/env bash
# Redis stopped for OUTAGE_SECONDS (30) under a steady read load through the gateway (RATE req/s,
# default 25, what this shared 2-core machine sustains: nearest, points, one point, lookups, a
# citizen's dossiers, the agents' change feed), then started again. After a 40 s warm-up. Passes when
# no read answers 5xx (or anything but 200) during the outage, the rate limiter fails open (no 429,
# its fail-open counter moves), no request takes more than 100 ms beyond the baseline's p99, and
# once Redis is back every answer is 200 and metering resumes within 5 s.
#
# Redis: by default a Redis server of the drill's own (Debian's redis-server, port 6390, no
# persistence, as the machine's runs), so that stopping it disturbs no one else on this shared
# machine; REDIS_TARGET=machine stops the machine's Redis on 6379 instead (and starts it again).
#
#   bench/drills/redis-outage.sh        (about 2.5 min; needs redis-server, psql, openssl, python3)
set -Eeuo pipefail
REDIS_TARGET=${REDIS_TARGET:-own}
[[ $REDIS_TARGET == machine ]] || export BENCH_REDIS_PORT=${BENCH_REDIS_PORT:-6390}
source "$(dirname "$0")/lib.sh"
watchdog 600
OUTAGE_SECONDS=${OUTAGE_SECONDS:-30}
RATE=${RATE:-25}

redis_up() {
  if [[ $REDIS_TARGET == machine ]]; then
    ensure_machine_redis
  else
    redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
      --dir "$OUT" --pidfile "$OUT/redis.pid" --logfile "$OUT/redis.log"
  fi
  for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "Redis did not start on $REDIS_PORT" >&2
  exit 1
}
redis_down() { redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true; }
if [[ $REDIS_TARGET == machine ]]; then
  CLEANUPS+=("ensure_machine_redis")
else
  CLEANUPS+=("redis_down")
fi

ensure_jars
redis_up
fresh_database
start_jwks
start_bff bff
start_gateway
KEY=$(make_api_key drill-system system system)
java -Xmx256m bench/LoadGenerator.java file http://127.0.0.1:8080 "$KEY" 20 4 "$OUT/receipts.csv" >/dev/null
CITIZEN=$(person_token 001000000001 '["citizen"]' 900)

G=http://127.0.0.1:8080/api/v1
{
  printf 'nearest\tGET\t%s\t-\t-\n' "$G/points/nearest?lat=21.0285&lon=105.8542&limit=5"
  printf 'points\tGET\t%s\t-\t-\n' "$G/points?type=RECEPTION"
  printf 'point\tGET\t%s\t-\t-\n' "$G/points/W00070"
  while IFS=, read -r code secret; do
    printf 'lookup\tPOST\t%s\tContent-Type: application/json\t{"code":"%s","secret":"%s"}\n' "$G/dossiers/lookup" "$code" "$secret"
  done < <(head -5 "$OUT/receipts.csv")
  printf 'me\tGET\t%s\tAuthorization: Bearer %s\t-\n' "$G/me/dossiers" "$CITIZEN"
  printf 'feed\tGET\t%s\tX-Api-Key: %s\t-\n' "$G/agent/dossiers?limit=10" "$KEY"
} >"$OUT/requests.tsv"

fail_open() { curl -s http://127.0.0.1:9080/actuator/prometheus | awk '/^hcc_gateway_rate_limit_total/ && /outcome="fail-open"/ {s += $NF} END {printf "%d", s}'; }
warm_up "$OUT/requests.tsv" "$RATE" 40
FAIL_OPEN_BEFORE=$(fail_open)
java -Xmx256m bench/drills/Probe.java "$OUT/requests.tsv" "$RATE" $((OUTAGE_SECONDS + 120)) "$OUT/stop" "$OUT/probe.csv" >"$OUT/probe.txt" &
PROBE=$!
CLEANUPS+=("kill $PROBE 2>/dev/null")
sleep 25
T_DOWN=$(now_ms)
redis_down
echo "Redis stopped"
sleep 2
BFF_READY_DURING=$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:9081/actuator/health/readiness)
GATEWAY_READY_DURING=$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:9080/actuator/health/readiness)
sleep $((OUTAGE_SECONDS - 2))
T_UP=$(now_ms)
redis_up
echo "Redis started again"
sleep 45
T_END=$(now_ms)
touch "$OUT/stop"
wait "$PROBE"
FAIL_OPEN_AFTER=$(fail_open)
BFF_READY_AFTER=$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:9081/actuator/health/readiness)

P=$OUT/probe.csv
stats() { # rows on stdin: count, 5xx or none, not 200, 429, p99, max, unmetered
  sort -t, -k4 -n | awk -F, '{n++; l[n] = $4; if ($3 >= 500 || $3 == 0) e++; if ($3 != 200) b++; if ($3 == 429) r++; if (!$5) u++}
    END {i = int(n * 0.99 + 0.999); if (i < 1) i = 1; printf "%d %d %d %d %.1f %.1f %d\n", n, e, b, r, l[i], l[n], u}'
}
T_START=$(awk -F, 'NR == 1 || $1 < m {m = $1} END {print m}' "$P")
read -r B_N B_5XX B_BAD B_429 B_P99 B_MAX B_UNM < <(window "$P" $((T_START + 5000)) "$T_DOWN" | stats)
read -r O_N O_5XX O_BAD O_429 O_P99 O_MAX O_UNM < <(window "$P" "$T_DOWN" "$T_UP" | stats)
read -r R_N R_5XX R_BAD R_429 R_P99 R_MAX R_UNM < <(window "$P" $((T_UP + 10000)) "$T_END" | stats)
read -r A_N A_5XX A_BAD A_429 A_P99 A_MAX A_UNM < <(window "$P" "$T_UP" "$T_END" | stats)
# when metering resumed: the first answer after Redis's return that carried RateLimit-Limit
RESUMED_MS=$(window "$P" "$T_UP" "$T_END" '$5 == 1' | awk -F, -v up="$T_UP" 'NR == 1 || $1 < m {m = $1} END {printf "%d", (m ? m - up : 999999)}')
# the gateway's reconnection attempts, in seconds after the stop (Lettuce's own backoff once connected)
RECONNECTS=$(grep 'Reconnecting, last destination' "$OUT/gateway.log" | python3 -c '
import datetime, json, sys
down = int(sys.argv[1]) / 1000
for line in sys.stdin:
    t = datetime.datetime.fromisoformat(json.loads(line)["@timestamp"][:26]).replace(tzinfo=datetime.timezone.utc).timestamp()
    print(f"+{t - down:.1f}", end=" ")' "$T_DOWN")
window "$P" "$T_DOWN" "$T_UP" '$3 != 200' | cut -d, -f2,3 | sort | uniq -c >"$OUT/outage-not-200.txt"

check "reads answered 5xx or not at all while Redis was down ($O_N requests)" "$O_5XX" "==" 0
check "reads answered anything but 200 while Redis was down" "$O_BAD" "==" 0
check "429 while Redis was down (the limiter fails open)" "$O_429" "==" 0
check "gateway's fail-open counter during the drill" "$((FAIL_OPEN_AFTER - FAIL_OPEN_BEFORE))" ">=" 1
check "slowest request while Redis was down, ms (baseline p99 $B_P99 ms + 100)" "$O_MAX" "<=" "$(awk -v p="$B_P99" 'BEGIN {print p + 100}')"
check "5xx or no answer after Redis returned ($A_N requests)" "$A_5XX" "==" 0
check "answers not 200 from 10 s after Redis returned" "$R_BAD" "==" 0
check "metering resumed after Redis returned, ms" "$RESUMED_MS" "<=" 5000
check "BFF readiness after Redis returned (HTTP status)" "$BFF_READY_AFTER" "==" 200

finish "Redis stopped for ${OUTAGE_SECONDS} s under load" "$(cat <<DOC
Command: \`bench/drills/redis-outage.sh\` (REDIS_TARGET=$REDIS_TARGET: $([[ $REDIS_TARGET == machine ]] && echo "the machine's Redis on 6379" || echo "a Redis server of the drill's own on port $REDIS_PORT, so that the machine's, which other engineers use, stays up")).
\`bench/drills/Probe.java\` sent $RATE req/s open loop through the gateway (nearest, points, one point,
5 receipts' lookups, a citizen's dossiers, the change feed in turn); Redis was stopped
(\`SHUTDOWN NOSAVE\`) after 25 s and started again $OUTAGE_SECONDS s later, empty. The probe: \`$(cat "$OUT/probe.txt")\`
(skipped: not sent because 512 were already in flight).

| window | requests | 5xx/none | not 200 | 429 | p99 | max | unmetered |
|---|---|---|---|---|---|---|---|
| baseline (before the outage, first 5 s left out) | $B_N | $B_5XX | $B_BAD | $B_429 | $B_P99 ms | $B_MAX ms | $B_UNM |
| Redis down | $O_N | $O_5XX | $O_BAD | $O_429 | $O_P99 ms | $O_MAX ms | $O_UNM |
| after Redis returned (all) | $A_N | $A_5XX | $A_BAD | $A_429 | $A_P99 ms | $A_MAX ms | $A_UNM |
| from 10 s after Redis returned | $R_N | $R_5XX | $R_BAD | $R_429 | $R_P99 ms | $R_MAX ms | $R_UNM |

Metering resumed $RESUMED_MS ms after Redis was started again ($OUTAGE_SECONDS s after the stop). The
gateway's reconnection attempts, in seconds after the stop: $RECONNECTS. Once its connection has been
open, Lettuce reconnects with its default exponential backoff (up to 30 s between attempts), so how
long metering and idempotent POSTs take to come back depends on where that backoff stands when
Redis returns: \`hcc.gateway.redis.reconnect-interval\` (1 s) governs only the first connection. Readiness 2 s into the outage: BFF
$BFF_READY_DURING, gateway $GATEWAY_READY_DURING (the BFF's readiness includes Redis; the gateway's does not).
DOC
)"

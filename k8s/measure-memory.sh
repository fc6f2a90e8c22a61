#!/usr/bin/env bash
# Measures what the two services need in memory, to size the pods' requests and limits and the
# JVM's heap share (k8s/README.md, "Sizing"). Both services run their `prod` profile, with the JVM
# flags of their images and a container of the given size simulated by -XX:MaxRAM, against this
# machine's PostgreSQL (127.0.0.1:5432, a fresh database hcc_k8s, dropped at the end) and Redis
# (127.0.0.1:6379, db 3, flushed), on ports of their own (gateway 28080/29080, BFF 28081/29081).
# Under load (wrk on the public GETs through the gateway and directly at the BFF, then dossier
# filing, events:batch ingest and lookups with bench/LoadGenerator.java) a sampler reads every
# second each process's RSS and, from /actuator/prometheus, heap, non-heap, direct buffers and
# threads; the peaks are printed as a table.
#
#   k8s/measure-memory.sh            (needs psql, redis-cli, openssl, wrk; builds the jars if absent)
set -Eeuo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
OUT=$ROOT/k8s/target/memory
DB=hcc_k8s
SECONDS_PER_LOAD=${SECONDS_PER_LOAD:-40}
# the containers' memory limits the JVMs believe they have (the same as k8s/base)
BFF_CONTAINER=${BFF_CONTAINER:-1024m}
GATEWAY_CONTAINER=${GATEWAY_CONTAINER:-768m}
# the images' JVM flags (jib's <jvmFlags> in mobile-bff/pom.xml and gateway/pom.xml)
JVM_FLAGS=(-XX:InitialRAMPercentage=50 -XX:MaxRAMPercentage=60 -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError)
mkdir -p "$OUT"
PIDS=()

stop_all() {
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
}
cleanup() {
  stop_all
  psql -h 127.0.0.1 -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true
  redis-cli -n 3 flushdb >/dev/null || true
}
trap cleanup EXIT

await_ready() { # management port
  for _ in $(seq 1 360); do
    curl -sf "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null && return 0
    sleep 0.5
  done
  echo "not ready on $1" >&2
  exit 1
}

[[ -f mobile-bff/target/mobile-bff.jar && -f gateway/target/gateway.jar ]] || ./mvnw -q -B -DskipTests package
psql -h 127.0.0.1 -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
redis-cli -n 3 flushdb >/dev/null

secret() { head -c 32 /dev/urandom | base64 | tr -d '\n'; }
export HCC_INTERNAL_TOKEN_SECRET HCC_API_KEY_PEPPER HCC_PII_PEPPER HCC_IDEMPOTENCY_SECRET
HCC_INTERNAL_TOKEN_SECRET=$(secret) HCC_API_KEY_PEPPER=$(secret) HCC_PII_PEPPER=$(secret) HCC_IDEMPOTENCY_SECRET=$(secret)
export HCC_DB_HOST=127.0.0.1 HCC_DB_PORT=5432 HCC_DB_NAME=$DB HCC_DB_USER=postgres
export HCC_REDIS_URL=redis://127.0.0.1:6379/3
# the gateway accepts an http JWKS only on loopback, and only when told so
export HCC_OIDC_ISSUER=https://id.k8s.invalid HCC_OIDC_JWKS_URI=http://127.0.0.1:9/jwks HCC_OIDC_JWKS_HTTP_LOOPBACK_ALLOWED=true
export HCC_BFF_URI=http://127.0.0.1:28081 HCC_TRUSTED_PROXIES=0

java -XX:MaxRAM="$BFF_CONTAINER" "${JVM_FLAGS[@]}" -jar mobile-bff/target/mobile-bff.jar \
  --spring.profiles.active=prod --spring.config.additional-location="file:$ROOT/config/mobile-bff/" \
  --server.port=28081 --management.server.port=29081 >"$OUT/mobile-bff.log" 2>&1 &
BFF_PID=$!
PIDS+=("$BFF_PID")
await_ready 29081
LIFTED=100000000
java -XX:MaxRAM="$GATEWAY_CONTAINER" "${JVM_FLAGS[@]}" -jar gateway/target/gateway.jar \
  --spring.profiles.active=prod --spring.config.additional-location="file:$ROOT/config/gateway/" \
  --server.port=28080 --management.server.port=29080 \
  --hcc.gateway.rate-limit.anonymous.capacity=$LIFTED --hcc.gateway.rate-limit.anonymous.refill-per-second=$LIFTED \
  --hcc.gateway.rate-limit.strict.capacity=$LIFTED --hcc.gateway.rate-limit.strict.refill-per-second=$LIFTED \
  --hcc.gateway.rate-limit.tiers.system.capacity=$LIFTED \
  --hcc.gateway.rate-limit.tiers.system.refill-per-second=$LIFTED >"$OUT/gateway.log" 2>&1 &
GATEWAY_PID=$!
PIDS+=("$GATEWAY_PID")
await_ready 29080

metric_sum() { # prometheus text, metric name, label filter regex
  grep "^$2{" <<<"$1" | grep -E "$3" | awk '{s += $NF} END {printf "%.0f", s / 1048576}'
}
sample() { # name pid management-port -> one CSV line: name,rss,heap_used,heap_committed,nonheap_used,direct,threads
  local text rss
  text=$(curl -sf "http://127.0.0.1:$3/actuator/prometheus") || return 0
  rss=$(($(ps -o rss= -p "$2") / 1024))
  echo "$1,$rss,$(metric_sum "$text" jvm_memory_used_bytes 'area="heap"'),$(metric_sum "$text" jvm_memory_committed_bytes 'area="heap"'),$(metric_sum "$text" jvm_memory_used_bytes 'area="nonheap"'),$(metric_sum "$text" jvm_buffer_memory_used_bytes 'id="direct"'),$(grep '^jvm_threads_live_threads' <<<"$text" | awk '{print $NF}')"
}
sample mobile-bff "$BFF_PID" 29081 >"$OUT/idle.csv"
sample gateway "$GATEWAY_PID" 29080 >>"$OUT/idle.csv"
( while true; do
    sample mobile-bff "$BFF_PID" 29081
    sample gateway "$GATEWAY_PID" 29080
    sleep 1
  done ) >"$OUT/load.csv" &
SAMPLER=$!
PIDS+=("$SAMPLER")

# public GETs through the gateway (both JVMs busy), then at the BFF alone (its own peak)
wrk -t2 -c64 -d"${SECONDS_PER_LOAD}s" -s bench/nearest.lua http://127.0.0.1:28080 >"$OUT/wrk-gateway.txt"
IDENTITY=$(
  b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
  now=$(date +%s)
  body=$(printf '{"iss":"hcc-gateway","aud":"hcc-mobile-bff","kind":"anonymous","cip":"127.0.0.1","iat":%d,"exp":%d}' \
    "$now" "$((now + 3600))" | b64url)
  head=$(printf '{"alg":"HS256"}' | b64url)
  key=$(printf '%s' "$HCC_INTERNAL_TOKEN_SECRET" | base64 -d | od -An -tx1 | tr -d ' \n')
  printf '%s.%s.%s' "$head" "$body" "$(printf '%s.%s' "$head" "$body" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key" -binary | b64url)"
)
HCC_IDENTITY=$IDENTITY wrk -t2 -c64 -d"${SECONDS_PER_LOAD}s" -s bench/nearest.lua http://127.0.0.1:28081 >"$OUT/wrk-bff.txt"
for mode in walk motorbike car; do curl -sf "http://127.0.0.1:28080/api/v1/coverage/map.svg?mode=$mode" >/dev/null; done

# writes: a system key as the Center's endpoint would store it, filing, events:batch, lookups
KEY="hcc_k8s_$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
HASH=$(printf '%s' "$KEY" | openssl dgst -sha256 -hmac "$HCC_API_KEY_PEPPER" -r | cut -d' ' -f1)
psql -h 127.0.0.1 -U postgres -d "$DB" -q -c "INSERT INTO api_key (client_id, kind, scopes, rate_tier, key_hash, key_hint)
  VALUES ('k8s-system', 'system', '{dossiers:read,dossiers:write,webhooks:write}', 'system', '$HASH', 'hcc_k8s_')"
GEN=(java -Xmx256m bench/LoadGenerator.java)
"${GEN[@]}" file http://127.0.0.1:28080 "$KEY" 3000 16 "$OUT/dossiers.csv" | tee "$OUT/writes.txt"
"${GEN[@]}" ingest http://127.0.0.1:28080 "$KEY" "$OUT/dossiers.csv" 4 | tee -a "$OUT/writes.txt"
"${GEN[@]}" lookup http://127.0.0.1:28080 "$OUT/dossiers.csv" 32 "$SECONDS_PER_LOAD" | tee -a "$OUT/writes.txt"
kill "$SAMPLER"
wait "$SAMPLER" 2>/dev/null || true

peaks() { # service
  grep "^$1," "$OUT/load.csv" | awk -F, '{for (i = 2; i <= 7; i++) if ($i > m[i]) m[i] = $i}
    END {printf "%d | %d | %d | %d | %d | %d", m[2], m[3], m[4], m[5], m[6], m[7]}'
}
idle() { grep "^$1," "$OUT/idle.csv" | awk -F, '{printf "%d | %d | %d | %d | %d | %d", $2, $3, $4, $5, $6, $7}'; }
echo
echo "| service | when | RSS MiB | heap used MiB | heap committed MiB | non-heap used MiB | direct buffers MiB | threads |"
echo "|---|---|---|---|---|---|---|---|"
echo "| mobile-bff (MaxRAM $BFF_CONTAINER) | idle | $(idle mobile-bff) |"
echo "| mobile-bff (MaxRAM $BFF_CONTAINER) | peak under load | $(peaks mobile-bff) |"
echo "| gateway (MaxRAM $GATEWAY_CONTAINER) | idle | $(idle gateway) |"
echo "| gateway (MaxRAM $GATEWAY_CONTAINER) | peak under load | $(peaks gateway) |"
grep 'Requests/sec' "$OUT"/wrk-*.txt

#!/usr/bin/env bash
# Throughput of GET /api/v1/points/nearest with wrk, directly at the BFF (with an identity token
# signed as the gateway would) and through the gateway, side by side. Both services run their
# `prod` profile on this machine's PostgreSQL and Redis; the gateway's rate limits are lifted.
# Each figure is the median of RUNS runs (default 3) of RUN_SECONDS seconds (default 20) after a
# warm-up. Results go to target/bench/wrk-*.txt and docs/BENCHMARKS.md.
#
#   bench/nearest-wrk.sh        (needs wrk: apt-get install wrk)
set -Eeuo pipefail
source "$(dirname "$0")/lib.sh"
SECONDS_PER_RUN=${RUN_SECONDS:-20}
CONNECTIONS=${CONNECTIONS:-64}
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 1; }

ensure_jars
fresh_database
start_bff bff
start_gateway
export HCC_IDENTITY
HCC_IDENTITY=$(mint_internal_token anonymous 3600)

run_wrk() { # label, base URL, identity token or empty, seconds
  HCC_IDENTITY=$3 wrk -t2 -c"$CONNECTIONS" -d"$4s" --latency -s bench/nearest.lua "$2"
}

echo "warming up..."
run_wrk bff http://127.0.0.1:8081 "$HCC_IDENTITY" 10 >/dev/null
run_wrk gateway http://127.0.0.1:8080 "" 10 >/dev/null
: >"$OUT/wrk-bff.txt"
: >"$OUT/wrk-gateway.txt"
for _ in $(seq 1 "$RUNS"); do
  run_wrk bff http://127.0.0.1:8081 "$HCC_IDENTITY" "$SECONDS_PER_RUN" | tee -a "$OUT/wrk-bff.txt"
  run_wrk gateway http://127.0.0.1:8080 "" "$SECONDS_PER_RUN" | tee -a "$OUT/wrk-gateway.txt"
done
stop_all

rate() { grep 'Requests/sec' "$1" | awk '{print $2}' | median; }
percentile() { # file, 50% or 99%
  grep -E "^ +$2 " "$1" | awk '{v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} \
    else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}' | median
}
failures() { { grep -o 'Non-2xx or 3xx responses: [0-9]*' "$1" || true; } | awk '{s+=$NF} END {print s+0}'; }

SECTION=$(cat <<EOF
<!-- bench:nearest-wrk -->
## Nearest point over HTTP, wrk (\`bench/nearest-wrk.sh\`)

$(date -u +%Y-%m-%d). $(machine). Both services in the \`prod\` profile; wrk (2 threads, $CONNECTIONS
connections, random origins over Hanoi, \`limit=5\`) on the same 2 cores as both JVMs, so every
figure is a floor. Median of $RUNS runs of ${SECONDS_PER_RUN} s after a 10 s warm-up of each.

| path | requests/s | p50 | p99 | non-2xx |
|---|---|---|---|---|
| directly at the BFF (:8081, identity token signed as the gateway does) | $(rate "$OUT/wrk-bff.txt") | $(percentile "$OUT/wrk-bff.txt" 50%) ms | $(percentile "$OUT/wrk-bff.txt" 99%) ms | $(failures "$OUT/wrk-bff.txt") |
| through the gateway (:8080: request id, rate limit in Redis, identity token, circuit breaker) | $(rate "$OUT/wrk-gateway.txt") | $(percentile "$OUT/wrk-gateway.txt" 50%) ms | $(percentile "$OUT/wrk-gateway.txt" 99%) ms | $(failures "$OUT/wrk-gateway.txt") |

Raw output: \`target/bench/wrk-{bff,gateway}.txt\`.
<!-- /bench:nearest-wrk -->
EOF
)
write_section nearest-wrk "$SECTION"

#!/usr/bin/env bash
# Dossier benchmarks: events:batch ingest into PostgreSQL, and public lookups through the gateway
# with the Redis cache on and off. Both services run their `prod` profile against this machine's
# PostgreSQL (127.0.0.1:5432, a fresh database hcc_bench) and Redis (127.0.0.1:6379, db 2); the
# gateway's rate limits are lifted so that they do not cap the figures. Each figure is the median
# of RUNS runs (default 3). Results go to target/bench/ and docs/BENCHMARKS.md.
#
#   bench/dossier-bench.sh            (needs psql, redis-cli and openssl; builds the jars if absent)
set -Eeuo pipefail
source "$(dirname "$0")/lib.sh"
DOSSIERS=${DOSSIERS:-3000}
LOOKUP_SECONDS=${LOOKUP_SECONDS:-20}
CONCURRENCY=${CONCURRENCY:-32}

ensure_jars
fresh_database

start_bff bff-cache-true --hcc.bff.cache.enabled=true
start_gateway

# A key for the city system, registered the way the Center's endpoint would (only its HMAC is stored).
KEY="hcc_bench_$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
HASH=$(printf '%s' "$KEY" | openssl dgst -sha256 -hmac "$HCC_API_KEY_PEPPER" -r | cut -d' ' -f1)
psql -h 127.0.0.1 -U "$PG_USER" -d "$DB" -q -c "INSERT INTO api_key (client_id, kind, scopes, rate_tier, key_hash, key_hint)
  VALUES ('bench-system', 'system', '{dossiers:read,dossiers:write,webhooks:write}', 'system', '$HASH', 'hcc_benc')"

GEN=(java -Xmx512m bench/LoadGenerator.java)
BASE=http://127.0.0.1:8080
echo "warming up..."
"${GEN[@]}" file "$BASE" "$KEY" 600 16 "$OUT/warmup.csv" >/dev/null
"${GEN[@]}" ingest "$BASE" "$KEY" "$OUT/warmup.csv" 4 >/dev/null
"${GEN[@]}" lookup "$BASE" "$OUT/warmup.csv" "$CONCURRENCY" 10 >/dev/null

: >"$OUT/ingest.txt"
for run in $(seq 1 "$RUNS"); do
  "${GEN[@]}" file "$BASE" "$KEY" "$DOSSIERS" 16 "$OUT/dossiers-$run.csv" | tee -a "$OUT/filing.txt"
  "${GEN[@]}" ingest "$BASE" "$KEY" "$OUT/dossiers-$run.csv" 4 | tee -a "$OUT/ingest.txt"
done

lookups() { # label
  : >"$OUT/lookup-$1.txt"
  for _ in $(seq 1 "$RUNS"); do
    "${GEN[@]}" lookup "$BASE" "$OUT/dossiers-1.csv" "$CONCURRENCY" "$LOOKUP_SECONDS" | tee -a "$OUT/lookup-$1.txt"
  done
}
lookups cache

stop_all
start_bff bff-cache-false --hcc.bff.cache.enabled=false
start_gateway
"${GEN[@]}" lookup "$BASE" "$OUT/dossiers-1.csv" "$CONCURRENCY" 10 >/dev/null
lookups nocache
stop_all

field() { # file key=value-regex
  grep -o "$2" "$1" | cut -d= -f2 | median
}
FILING=$(awk '{print $2}' "$OUT/filing.txt" | median)
INGEST=$(awk '{print $2}' "$OUT/ingest.txt" | median)
INGEST_P99=$(field "$OUT/ingest.txt" 'p99_ms=[0-9.]*')
CACHE=$(awk '{print $2}' "$OUT/lookup-cache.txt" | median)
CACHE_P50=$(field "$OUT/lookup-cache.txt" 'p50_ms=[0-9.]*')
CACHE_P99=$(field "$OUT/lookup-cache.txt" 'p99_ms=[0-9.]*')
NOCACHE=$(awk '{print $2}' "$OUT/lookup-nocache.txt" | median)
NOCACHE_P50=$(field "$OUT/lookup-nocache.txt" 'p50_ms=[0-9.]*')
NOCACHE_P99=$(field "$OUT/lookup-nocache.txt" 'p99_ms=[0-9.]*')
ERRORS=$(cat "$OUT"/ingest.txt "$OUT"/lookup-*.txt | grep -o 'errors=[0-9]*' | cut -d= -f2 | awk '{s+=$1} END {print s+0}')

MACHINE=$(machine)

SECTION=$(cat <<EOF
<!-- bench:dossiers -->
## Dossiers: ingest and lookup (\`bench/dossier-bench.sh\`)

$(date -u +%Y-%m-%d). $MACHINE. Gateway and BFF in the \`prod\` profile on this machine's PostgreSQL and
Redis, the load generator (\`bench/LoadGenerator.java\`, JDK HTTP client) on the same 2 cores;
median of $RUNS runs after a warm-up; errors over all runs: $ERRORS.

| what | figure |
|---|---|
| filing dossiers (\`POST /api/v1/agent/dossiers\`, 16 in flight, through the gateway) | $FILING dossiers/s |
| \`events:batch\` ingest (batches of 500, 4 in flight, status events 4 → 9 → 10, through the gateway) | $INGEST events/s applied (batch p99 $INGEST_P99 ms) |
| lookup through the gateway, Redis cache on ($CONCURRENCY in flight, ${LOOKUP_SECONDS} s) | $CACHE req/s, p50 $CACHE_P50 ms, p99 $CACHE_P99 ms |
| lookup through the gateway, cache off (every read from PostgreSQL) | $NOCACHE req/s, p50 $NOCACHE_P50 ms, p99 $NOCACHE_P99 ms |

Raw lines: \`target/bench/{filing,ingest,lookup-cache,lookup-nocache}.txt\`.
<!-- /bench:dossiers -->
EOF
)
write_section dossiers "$SECTION"

#!/usr/bin/env bash
# Idempotency flood: one machine client sends FLOOD (100) POSTs of a 5 MB batch at once, each with its
# own Idempotency-Key, through the gateway (-Xmx512m, as bench/lib.sh starts it: the 500 MB of bodies
# would not fit if it held them). The body is the largest valid batch of 500 events (every text at its
# longest, 3-byte UTF-8) padded with JSON whitespace to exactly the agent-batch limit, 5,242,880 bytes.
# Meanwhile another client files one small batch, and the gateway's heap is sampled. Then five of the
# accepted requests are sent again (replayed) and one with another body under a used key (422).
# Passes when every request got an HTTP answer (no dropped connection), none a 5xx but a deliberate
# 503, each 429 is the per-client cap's problem+json with Retry-After, the other client was served,
# the replays and the 422 came, the gateway's old generation stayed under 192 MiB and both services
# are healthy afterwards.
#
#   bench/drills/idempotency-flood.sh   (about 3 min; needs curl, psql, openssl, python3)
set -Eeuo pipefail
source "$(dirname "$0")/lib.sh"
watchdog 900
export HCC_WEBHOOKS_ENABLED=false
FLOOD=${FLOOD:-100}
LIMIT=5242880
G=http://127.0.0.1:8080/api/v1/agent/events:batch

ensure_jars
fresh_database
start_jwks
start_bff bff
start_gateway
GATEWAY_PID=${PIDS[-1]}
KEY=$(make_api_key drill-flood system system)
OTHER=$(make_api_key drill-bystander system system)

# The largest valid batch (as mobile-bff's LargestBatchTest builds it), padded to the limit; a copy
# that differs in one padding byte; and a one-event batch for the other client.
python3 - "$OUT" "$LIMIT" <<'PY'
import sys
out, limit = sys.argv[1], int(sys.argv[2])
agency, note, reason = "ệ" * 100, "ệ" * 2000, "ệ" * 1000
def event(i):
    return ('{"code":"H26.99' + "A" * 14 + "-251122-%06d" % i + '","eventId":"' + "%03d" % i + '\\"' * 97
            + '","status":10,"occurredAt":"2025-11-22T10:15:30.123456789Z","agency":"' + agency + '","note":"'
            + note + '","dueAt":"2025-12-22T10:15:30.123456789Z","reason":"' + reason + '"}')
batch = ('{"events":[' + ",".join(event(i) for i in range(500)) + "]}").encode()
padded = batch[:-1] + b" " * (limit - len(batch)) + b"}"
assert len(padded) == limit
open(out + "/batch.json", "wb").write(padded)
open(out + "/other.json", "wb").write(padded[:-2] + b"\n}")
open(out + "/small.json", "wb").write(('{"events":[' + event(0) + "]}").encode())
print(len(batch), file=open(out + "/largest-valid.txt", "w"))
PY

post() { # n, key, body file, api key -> "n curl-exit http-code seconds replayed" (headers in $OUT/h/n)
  local answer rc=0
  answer=$(curl -sS -o "$OUT/b/$1" -D "$OUT/h/$1" -w '%{http_code} %{time_total}' --max-time 120 -X POST "$G" \
    -H "X-Api-Key: $4" -H "Idempotency-Key: $2" -H 'Content-Type: application/json' --data-binary "@$3" \
    2>>"$OUT/curl-errors.txt") || rc=$?
  printf '%s %s %s %s\n' "$1" "$rc" "${answer:-000 0}" "$(grep -ci '^idempotent-replayed: true' "$OUT/h/$1" 2>/dev/null || true)"
}
export -f post
export G OUT
mkdir -p "$OUT/b" "$OUT/h"

sample() { # the gateway's heap (used, old generation) and resident memory, every 200 ms
  while [[ ! -f $OUT/sample.stop ]]; do
    curl -s http://127.0.0.1:9080/actuator/prometheus | awk -v rss="$(awk '/VmRSS/ {print $2 * 1024}' /proc/"$GATEWAY_PID"/status)" '
      /^jvm_memory_used_bytes/ && /area="heap"/ {heap += $NF}
      /^jvm_memory_used_bytes/ && /id="(G1 Old Gen|Tenured Gen)"/ {old = $NF}
      /^jvm_gc_pause_seconds_count/ {gcs += $NF}
      END {printf "%d %d %d %d\n", heap, old, rss, gcs}'
    sleep 0.2
  done >"$OUT/heap.txt"
}
sample &
SAMPLER=$!
CLEANUPS+=("touch $OUT/sample.stop; kill $SAMPLER 2>/dev/null")
sleep 1

RUN=$(date +%s)
# Warm-up: the BFF answers a first batch, and the gateway has the client's key from the key store
# (remembered 5 s), so that the flood meets the idempotency filter, not a cold key lookup.
post warmup "warmup-$RUN" "$OUT/small.json" "$KEY" >"$OUT/warmup.txt"
T0=$(now_ms)
seq 1 "$FLOOD" | xargs -P "$FLOOD" -I{} bash -c "post {} flood-$RUN-{} $OUT/batch.json $KEY" >"$OUT/flood.txt" &
FLOODING=$!
sleep 0.5
# The other client behaves as agents are told to: on a 503 or 429 it waits Retry-After and tries again
# (at most 3 times, the same Idempotency-Key); its first answer is reported, its last must be a 200.
: >"$OUT/bystander.txt"
for attempt in 1 2 3; do
  post "bystander-$attempt" "bystander-$RUN" "$OUT/small.json" "$OTHER" >>"$OUT/bystander.txt"
  [[ $(awk 'END {print $3}' "$OUT/bystander.txt") =~ ^(503|429)$ ]] || break
  sleep "$(awk 'tolower($1) == "retry-after:" {print $2 + 0}' "$OUT/h/bystander-$attempt")"
done
wait "$FLOODING"
T1=$(now_ms)

# five accepted requests again, the same key and body: replayed; one key with another body: 422
ACCEPTED=$(awk '$3 == 200 {print $1}' "$OUT/flood.txt" | head -5)
for n in $ACCEPTED; do post "replay-$n" "flood-$RUN-$n" "$OUT/batch.json" "$KEY"; done >"$OUT/replays.txt"
FIRST=$(head -1 <<<"$ACCEPTED")
post reused "flood-$RUN-${FIRST:-1}" "$OUT/other.json" "$KEY" >"$OUT/reused.txt"
touch "$OUT/sample.stop"
wait "$SAMPLER" 2>/dev/null || true

GATEWAY_HEALTH=$(curl -s http://127.0.0.1:9080/actuator/health | python3 -c 'import json, sys; print(json.load(sys.stdin)["status"])')
BFF_READY=$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:9081/actuator/health/readiness)
F=$OUT/flood.txt
ANSWERED=$(awk '$3 != "000"' "$F" | wc -l)
CURL_ERRORS=$(awk '$2 != 0' "$F" | wc -l)
OK=$(awk '$3 == 200' "$F" | wc -l)
CAPPED=$(awk '$3 == 429' "$F" | wc -l)
UNAVAILABLE=$(awk '$3 == 503' "$F" | wc -l)
OTHER_5XX=$(awk '$3 >= 500 && $3 != 503' "$F" | wc -l)
CAPPED_RIGHT=0
for n in $(awk '$3 == 429 {print $1}' "$F"); do
  grep -qi '^retry-after: 1' "$OUT/h/$n" && grep -q 'too-many-in-flight' "$OUT/b/$n" && CAPPED_RIGHT=$((CAPPED_RIGHT + 1))
done
KEY_STORE_503=$(for n in $(awk '$3 == 503 {print $1}' "$F"); do grep -l 'Credentials cannot be checked' "$OUT/b/$n"; done | wc -l)
SLOWEST=$(awk '{print $4}' "$F" | sort -n | tail -1)
CAPPED_SLOWEST=$(awk '$3 == 429 {print $4}' "$F" | sort -n | tail -1)
REPLAYED=$(awk '$3 == 200 && $5 == 1' "$OUT/replays.txt" | wc -l)
read -r HEAP_PEAK OLD_PEAK RSS_PEAK GCS SAMPLES < <(awk 'NR == 1 {g0 = $4} $1 > h {h = $1} $2 > l {l = $2} $3 > r {r = $3}
  END {printf "%d %d %d %d %d\n", h, l, r, $4 - g0, NR}' "$OUT/heap.txt")
mib() { awk -v b="$1" 'BEGIN {printf "%.0f", b / 1048576}'; }
OOM=$(grep -c 'OutOfMemoryError' "$OUT/gateway.log" || true)

check "requests answered with an HTTP status (of $FLOOD)" "$ANSWERED" "==" "$FLOOD"
check "requests whose connection failed (curl exit code not 0)" "$CURL_ERRORS" "==" 0
check "5xx other than a deliberate 503" "$OTHER_5XX" "==" 0
check "accepted and answered 200 (at most 8 at a time)" "$OK" ">=" 1
check "429 problem+json too-many-in-flight with Retry-After: 1 (of $CAPPED 429)" "$CAPPED_RIGHT" "==" "$CAPPED"
check "another client's batch during the flood, after honouring Retry-After (HTTP status; first answer $(awk 'NR == 1 {print $3}' "$OUT/bystander.txt"), $(wc -l <"$OUT/bystander.txt") attempts)" \
  "$(awk 'END {print $3}' "$OUT/bystander.txt")" "==" 200
check "retries of accepted requests replayed (of $(wc -w <<<"$ACCEPTED"))" "$REPLAYED" "==" "$(wc -w <<<"$ACCEPTED")"
check "a used key with another 5 MB body (HTTP status)" "$(awk '{print $3}' "$OUT/reused.txt")" "==" 422
check "samples of the gateway's heap (every 200 ms)" "$SAMPLES" ">=" 5
check "warm-up batch before the flood (HTTP status)" "$(awk '{print $3}' "$OUT/warmup.txt")" "==" 200
check "gateway old generation (where G1 puts 5 MB arrays), peak MiB (-Xmx512m; $GCS collections meanwhile)" "$(mib "$OLD_PEAK")" "<=" 192
check "gateway old generation sampled (MiB, > 0)" "$(mib "$OLD_PEAK")" ">=" 1
check "OutOfMemoryError in the gateway's log" "$OOM" "==" 0
check "gateway health afterwards" "$GATEWAY_HEALTH" "==" UP
check "BFF readiness afterwards (HTTP status)" "$BFF_READY" "==" 200

finish "$FLOOD concurrent idempotent 5 MB POSTs from one client" "$(cat <<DOC
Command: \`bench/drills/idempotency-flood.sh\` (FLOOD=$FLOOD). One system client sent $FLOOD POSTs to
\`/api/v1/agent/events:batch\` at once (curl through \`xargs -P $FLOOD\`), each with its own
\`Idempotency-Key\` and the same body: the largest valid batch of 500 events ($(cat "$OUT/largest-valid.txt") bytes, every text
at its longest in 3-byte UTF-8) padded with JSON whitespace to the route's limit, $LIMIT bytes; together
$(awk -v n="$FLOOD" -v b="$LIMIT" 'BEGIN {printf "%.0f", n * b / 1048576}') MiB against a gateway heap of at most 512 MiB. Half a second in, another client filed a
one-event batch (its first answer $(awk 'NR == 1 {print $3}' "$OUT/bystander.txt"), served after $(wc -l <"$OUT/bystander.txt") attempt(s), each after the
Retry-After of the one before: with 100 uploads saturating both cores, a key the gateway has not seen
for 5 s may not be looked up within its 2 s, and that answer is a 503 with Retry-After, never a 401).
The flood took $((T1 - T0)) ms.

| answers | count |
|---|---|
| 200 (accepted: the events refused one by one, their dossiers unknown) | $OK |
| 429 \`too-many-in-flight\` (the per-client cap, 8 per replica, before the body was read) | $CAPPED |
| 503 (of which the API-key lookup could not answer in time: $KEY_STORE_503) | $UNAVAILABLE |
| other 5xx | $OTHER_5XX |
| no HTTP answer | $((FLOOD - ANSWERED)) |

Slowest answer $SLOWEST s, slowest 429 ${CAPPED_SLOWEST:-none} s. Gateway memory while the bodies
streamed through (sampled every 200 ms from \`/actuator/prometheus\` and \`/proc\`): heap used at most
$(mib "$HEAP_PEAK") MiB, old generation at most $(mib "$OLD_PEAK") MiB ($GCS collections), resident set at
most $(mib "$RSS_PEAK") MiB. The five retries of accepted requests were replayed after their 5 MB bodies were
hashed in passing; the sixth, one byte different, was a 422.
DOC
)"

# Shared by the fault drills (sourced, not run). On top of bench/lib.sh: a database of their own
# (hcc_drill) and Redis db 3, so that a drill never touches the benchmarks' or another engineer's
# data; a bound on the whole drill; checks that end in PASS or FAIL; a JWKS of the drill's own so the
# gateway accepts the people's tokens it signs; a checksum of every table; and cleanup that puts the
# machine's PostgreSQL and Redis back if a drill stopped them.
BENCH_DB=${BENCH_DB:-hcc_drill}
BENCH_REDIS_DB=${BENCH_REDIS_DB:-3}
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
DRILL=$(basename "$0" .sh)
OUT=$ROOT/target/drills/$DRILL
rm -rf "$OUT.previous"
[[ ! -d $OUT ]] || mv "$OUT" "$OUT.previous" # the last run, kept for comparison
mkdir -p "$OUT"
CHECKS=()
FAILED=0
CLEANUPS=()
DRILL_STARTED=$(date +%s)
LOAD_START=$(loadavg)

drill_cleanup() {
  local code=$?
  stop_all
  for step in "${CLEANUPS[@]}"; do eval "$step" || true; done
  ensure_machine_postgres
  return $code
}
trap drill_cleanup EXIT
trap 'echo "$DRILL: stopped (time bound or signal)" >&2; exit 124' TERM INT

# The whole drill is bounded: past DRILL_TIMEOUT seconds it is stopped, and cleans up.
watchdog() { # seconds
  local top=$$
  (
    sleep "$1"
    kill -TERM "$top"
    sleep 2 # the trap runs once the foreground command ends: end the drill's own children by id
    for child in $(ps -o pid= --ppid "$top"); do [[ $child == "$BASHPID" ]] || kill -TERM "$child"; done
  ) >/dev/null 2>&1 &
  CLEANUPS+=("kill $! 2>/dev/null")
}

now_ms() { date +%s%3N; }

ensure_machine_postgres() {
  pg_isready -q -h 127.0.0.1 -p 5432 && return 0
  echo "starting the machine's PostgreSQL again" >&2
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
}

ensure_machine_redis() {
  redis-cli -p 6379 ping >/dev/null 2>&1 && return 0
  echo "starting the machine's Redis again" >&2
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
}

check() { # what, figure, comparison (<=, >=, ==), target
  local ok
  ok=$(awk -v a="$2" -v op="$3" -v b="$4" 'BEGIN {
    r = (op == "<=") ? (a + 0 <= b + 0) : (op == ">=") ? (a + 0 >= b + 0) : (a "" == b "")
    print r ? "PASS" : "FAIL" }')
  [[ $ok == PASS ]] || FAILED=1
  CHECKS+=("| $1 | $2 | $3 $4 | $ok |")
  printf '%s  %s: %s (target %s %s)\n' "$ok" "$1" "$2" "$3" "$4"
}

# Ends the drill: prints PASS or FAIL with its figures, writes its section of docs/BENCHMARKS.md,
# and exits non-zero on FAIL.
finish() { # title, what was done (markdown)
  local verdict=PASS table
  ((FAILED == 0)) || verdict=FAIL
  table=$(printf '%s\n' "${CHECKS[@]}")
  write_section "drill-$DRILL" "$(cat <<DOC
<!-- bench:drill-$DRILL -->
## Drill: $1 (\`bench/drills/$DRILL.sh\`): $verdict

$(date -u +%Y-%m-%d), $(($(date +%s) - DRILL_STARTED)) s. $(machine). Load average $LOAD_START at the start,
$(loadavg) at the end (a shared machine). Both services in the \`prod\` profile on this machine's
PostgreSQL (database $DB) and Redis.

$2

| check | figure | target | result |
|---|---|---|---|
$table

Raw data: \`target/drills/$DRILL/\`.
<!-- /bench:drill-$DRILL -->
DOC
)" >/dev/null
  echo "$DRILL: $verdict"
  ((FAILED == 0))
}

# The people's identity provider, as the gateway sees it: an RSA key of the drill's own, its JWKS
# served on a free loopback port, and tokens signed with it (RS256).
start_jwks() {
  local port
  port=$(free_port)
  mkdir -p "$OUT/jwks"
  openssl genrsa -out "$OUT/jwks/key.pem" 2048 2>/dev/null
  openssl rsa -in "$OUT/jwks/key.pem" -noout -modulus | cut -d= -f2 | python3 -c '
import base64, json, sys
n = bytes.fromhex(sys.stdin.read().strip())
b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
print(json.dumps({"keys": [{"kty": "RSA", "kid": "drill", "use": "sig", "alg": "RS256", "n": b64(n), "e": b64((65537).to_bytes(3, "big"))}]}))' \
    >"$OUT/jwks/jwks.json"
  python3 -m http.server --bind 127.0.0.1 "$port" --directory "$OUT/jwks" >"$OUT/jwks.log" 2>&1 &
  CLEANUPS+=("kill $! 2>/dev/null")
  export HCC_OIDC_JWKS_URI=http://127.0.0.1:$port/jwks.json HCC_OIDC_JWKS_HTTP_LOOPBACK_ALLOWED=true
  for _ in $(seq 1 50); do curl -sf -o /dev/null "$HCC_OIDC_JWKS_URI" && return 0; sleep 0.1; done
  echo "JWKS server did not start" >&2
  exit 1
}

person_token() { # sub, roles as a JSON array, validity seconds
  local now header payload b64url='base64 -w0 | tr "+/" "-_" | tr -d "="'
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT","kid":"drill"}' | eval "$b64url")
  payload=$(printf '{"iss":"%s","aud":"hcc-mobile-api","sub":"%s","roles":%s,"iat":%d,"exp":%d}' \
    "$HCC_OIDC_ISSUER" "$1" "$2" "$now" "$(($now + $3))" | eval "$b64url")
  printf '%s.%s.%s' "$header" "$payload" \
    "$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$OUT/jwks/key.pem" -binary | eval "$b64url")"
}

# Every table's row count and an md5 of its rows in a stable order (Flyway's history aside).
data_checksum() {
  local t
  for t in $(psql -h 127.0.0.1 -U "$PG_USER" -d "$DB" -Atc \
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history' ORDER BY 1"); do
    psql -h 127.0.0.1 -U "$PG_USER" -d "$DB" -Atc \
      "SELECT '$t', count(*), md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM $t x"
  done
}

# Netty's leak reports in the services' logs so far. A leaked buffer is reported only once it has
# been garbage-collected and the detector next looks, so every running JVM collects its garbage
# first (jcmd GC.run) and answers a few requests; paranoid detection (NETTY_LEAK_DETECTION) sees
# every buffer, the default only 1 %.
leak_reports() { # log files...
  local pid
  for pid in "${PIDS[@]}"; do jcmd "$pid" GC.run >/dev/null 2>&1 || true; done
  sleep 1
  for _ in 1 2 3; do curl -s -o /dev/null http://127.0.0.1:8080/api/v1/points/W00070 || true; done
  cat "$@" | grep -c 'LEAK: ' || true
}

# Probe answers (bench/drills/Probe.java lines) between two times: count, non-2xx, 5xx, p99 and max ms.
# Columns: sent,label,status,latency,metered,problem
window() { # file, from ms, to ms, awk condition on the row (default 1)
  awk -F, -v from="$2" -v to="$3" "\$1 >= from && \$1 < to && (${4:-1}) {print}" "$1"
}

# Load before the measured part: a fresh JVM on this machine is several times slower for its first
# minute (JIT), which would otherwise pass for the drill's fault.
warm_up() { # requests file, rate, seconds
  java -Xmx256m bench/drills/Probe.java "$1" "$2" "$3" "$OUT/warmup.stop" "$OUT/warmup.csv" >"$OUT/warmup.txt"
}

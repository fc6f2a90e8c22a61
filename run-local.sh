#!/usr/bin/env bash
# Runs the whole HCC mobile backend on this machine with nothing but a JDK 17:
#   - builds the jars through the Maven Wrapper (skip with --no-build),
#   - starts an embedded PostgreSQL and an embedded Redis on free ports, keeping their data under
#     .local/ (git-ignored), unless HCC_REDIS_URL points at an external Redis; the database is always
#     the embedded one, which LocalInfrastructure marks: the local profile seeds the published demo
#     API keys and demo dossiers, and the BFF refuses that profile on any other database,
#   - starts the BFF (:8081) and the gateway (:8080) with the `local` profile and waits until both
#     are ready, then prints the URLs and the demo credentials,
#   - on Ctrl-C or SIGTERM stops the gateway, the BFF and the embedded servers, in that order, and
#     checks that no process or port is left behind.
#
#   HCC_REDIS_URL=redis://[:password@]host[:port]                  an external Redis
#   HCC_LOCAL_STATE=dir                                            where state is kept (.local)
#   JAVA_OPTS="..."                                                extra JVM options for both services
set -Eeuo pipefail
# Each background job in its own process group: Ctrl-C reaches this script only, which then
# stops the services in order instead of all of them at once.
set -m

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
STATE="${HCC_LOCAL_STATE:-$ROOT/.local}"
RUN_DIR="$STATE/run"
LOG_DIR="$STATE/logs"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
GATEWAY_PORT=8080 GATEWAY_MANAGEMENT_PORT=9080
BFF_PORT=8081 BFF_MANAGEMENT_PORT=9081
STARTUP_TIMEOUT=180
BUILD=true
[[ "${1:-}" == "--no-build" ]] && BUILD=false

PIDS=()    # started processes, in start order
NAMES=()
PORTS=("$GATEWAY_PORT" "$GATEWAY_MANAGEMENT_PORT" "$BFF_PORT" "$BFF_MANAGEMENT_PORT")
STOPPING=false

say() { printf '%s\n' "$*"; }
elapsed() { printf '%ds' $((SECONDS - $1)); }
# progress on one line when a person watches, one line every 10 s in a log
if [[ -t 1 ]]; then TTY=true; else TTY=false; fi
progress() { # text: shows what is going on while something starts
  if $TTY; then printf '\r\033[K  %s' "${1:0:$((${COLUMNS:-100} - 3))}"; else say "  $1"; fi
}
progress_done() { $TTY && printf '\r\033[K' || true; }

latest_log_message() { # logfile -> the message of the newest JSON log line, shortened
  local line
  line=$(tail -n 1 "$1" 2>/dev/null) || return 0
  line=${line#*\"message\":\"}
  [[ "$line" == "$(tail -n 1 "$1" 2>/dev/null)" ]] && return 0 # not a JSON log line
  printf '%s' "${line%%\"*}" | cut -c1-70
}
fail() { printf 'run-local: %s\n' "$*" >&2; exit 1; }

listening() { # port -> true when something accepts connections on 127.0.0.1:port
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

http_status() { # port path -> the HTTP status code, or nothing
  local status=""
  if { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null; then
    printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$2" >&3
    read -r _ status _ <&3 || true
    exec 3<&- 3>&-
  fi
  printf '%s' "$status"
}

start() { # name logfile command... -> runs in the background, remembered for the stop
  local name=$1 log=$2
  shift 2
  "$@" >"$log" 2>&1 &
  PIDS+=("$!")
  NAMES+=("$name")
}

stop_process() { # pid name
  local pid=$1 name=$2
  kill -0 "$pid" 2>/dev/null || return 0
  say "Stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  say "$name did not stop within 30 s: killing it"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

stop_all() {
  $STOPPING && return
  STOPPING=true
  # a second Ctrl-C (or a TERM) must not cut the stop short and orphan what is still running;
  # every step below is bounded (30 s per process, then KILL)
  trap '' INT TERM
  local i
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    stop_process "${PIDS[$i]}" "${NAMES[$i]}"
  done
  local port left=()
  for port in "${PORTS[@]}"; do
    listening "$port" && left+=("$port")
  done
  if ((${#left[@]})); then
    say "Still listening after the stop: ${left[*]} (not started by this run?)"
  elif ((${#PIDS[@]})); then
    say "Everything stopped; no process or port left behind. Data kept in $STATE."
  fi
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

await_ready() { # name pid management-port: waits, showing the time and the service's latest log message
  local name=$1 pid=$2 port=$3 waited=0 began=$SECONDS
  until [[ "$(http_status "$port" /actuator/health/readiness)" == "200" ]]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      progress_done
      say "$name exited during startup; the end of its log:"
      tail -n 30 "$LOG_DIR/$name.log" >&2 || true
      exit 1
    fi
    ((waited++ < STARTUP_TIMEOUT * 2)) || { progress_done; fail "$name not ready after ${STARTUP_TIMEOUT}s; see $LOG_DIR/$name.log"; }
    if $TTY || ((waited % 20 == 0)); then
      progress "$name starting, $(elapsed "$began"): $(latest_log_message "$LOG_DIR/$name.log")"
    fi
    sleep 0.5
  done
  progress_done
  say "  $name ready in $(elapsed "$began")"
}

command -v "$JAVA" >/dev/null || fail "no java on the PATH (a JDK 17 is needed)"
[[ -z "${HCC_DB_URL:-}" ]] || fail "HCC_DB_URL is not supported: the local profile seeds the published demo API keys \
and demo dossiers, so it runs only on its embedded PostgreSQL (an external Redis, HCC_REDIS_URL, is fine)"
for port in "${PORTS[@]}"; do
  listening "$port" && fail "port $port is already in use (another run still up?)"
done
mkdir -p "$RUN_DIR" "$LOG_DIR"

# The services' secrets (the internal token key, the API-key and PII peppers, the gateway's key for
# sealing idempotency records): made once and kept, so that the hashes stored in the local database
# and the sealed records in Redis stay valid across runs. A file from an older run gets the ones it lacks.
SECRETS="$STATE/secrets.env"
if [[ ! -f "$SECRETS" ]]; then
  (umask 077 && : >"$SECRETS")
fi
for secret in HCC_INTERNAL_TOKEN_SECRET HCC_API_KEY_PEPPER HCC_PII_PEPPER HCC_IDEMPOTENCY_SECRET; do
  grep -q "^$secret=" "$SECRETS" ||
    printf '%s=%s\n' "$secret" "$(head -c 32 /dev/urandom | base64 | tr -d '\n')" >>"$SECRETS"
done
set -a
# shellcheck disable=SC1090
source "$SECRETS"
set +a

if $BUILD; then
  say "Building (./mvnw package, tests skipped; the first run downloads dependencies; log: $LOG_DIR/build.log)..."
  began=$SECONDS
  # each module as Maven reaches it, with the time so far; the whole output goes to the log
  ./mvnw -B -DskipTests package 2>&1 | tee "$LOG_DIR/build.log" | while IFS= read -r line; do
    case "$line" in
      "[INFO] Building "*" ["*"/"*"]") progress "building ${line#\[INFO\] Building }, $(elapsed "$began")" ;;
      "[ERROR]"*) progress_done; say "  ${line}" ;;
    esac
  done || { progress_done; fail "the build failed: see $LOG_DIR/build.log"; }
  progress_done
  say "  built in $(elapsed "$began")"
fi
for jar in mobile-bff/target/mobile-bff.jar gateway/target/gateway.jar test-support/target/infra-classpath.txt; do
  [[ -f "$jar" ]] || fail "$jar is missing: run without --no-build"
done

infra_flags=(--postgres)
[[ -z "${HCC_REDIS_URL:-}" ]] && infra_flags+=(--redis)
if ((${#infra_flags[@]})); then
  say "Starting embedded ${infra_flags[*]/--/} (data in $STATE)..."
  began=$SECONDS
  rm -f "$RUN_DIR/infra.env"
  # the tests' embedded servers (test-support), with test-support's own classpath
  start infrastructure "$LOG_DIR/infrastructure.log" "$JAVA" -Xmx128m \
    -cp "test-support/target/classes:$(cat test-support/target/infra-classpath.txt)" \
    vn.hanoi.hcc.testsupport.embedded.LocalInfrastructure \
    --state-dir "$STATE" --env-file "$RUN_DIR/infra.env" "${infra_flags[@]}"
  waited=0
  until [[ -f "$RUN_DIR/infra.env" ]]; do
    kill -0 "${PIDS[0]}" 2>/dev/null || { tail -n 30 "$LOG_DIR/infrastructure.log" >&2; fail "embedded servers failed"; }
    ((waited++ < STARTUP_TIMEOUT * 2)) || fail "embedded servers not up after ${STARTUP_TIMEOUT}s"
    ($TTY || ((waited % 20 == 0))) && progress "embedded servers starting, $(elapsed "$began")"
    sleep 0.5
  done
  progress_done
  say "  embedded servers up in $(elapsed "$began")"
  set -a
  # shellcheck disable=SC1091
  source "$RUN_DIR/infra.env"
  set +a
  PORTS+=("${HCC_DB_PORT:-}" "${HCC_REDIS_URL##*:}")
fi
export HCC_REDIS_URL="${HCC_REDIS_URL}"
# the road graph, built from the shipped OpenStreetMap extract at the first start
export HCC_GRAPH_DIR="${HCC_GRAPH_DIR:-$STATE/road-graph}"

common=(-Dfile.encoding=UTF-8 -Xmx384m ${JAVA_OPTS:-} -Dspring.profiles.active=local)

say "Starting the BFF..."
start mobile-bff "$LOG_DIR/mobile-bff.log" env HCC_BFF_PORT=$BFF_PORT HCC_BFF_MANAGEMENT_PORT=$BFF_MANAGEMENT_PORT \
  "$JAVA" "${common[@]}" -jar mobile-bff/target/mobile-bff.jar \
  --spring.config.additional-location="file:$ROOT/config/mobile-bff/"
await_ready mobile-bff "${PIDS[-1]}" "$BFF_MANAGEMENT_PORT"

say "Starting the gateway..."
start gateway "$LOG_DIR/gateway.log" env HCC_GATEWAY_PORT=$GATEWAY_PORT HCC_GATEWAY_MANAGEMENT_PORT=$GATEWAY_MANAGEMENT_PORT \
  HCC_BFF_URI="http://127.0.0.1:$BFF_PORT" \
  "$JAVA" "${common[@]}" -jar gateway/target/gateway.jar \
  --spring.config.additional-location="file:$ROOT/config/gateway/"
await_ready gateway "${PIDS[-1]}" "$GATEWAY_MANAGEMENT_PORT"

DEMO_CODE=$(grep -o 'Demo dossier to look up: [^"]*' "$LOG_DIR/mobile-bff.log" | tail -n 1 | sed 's/.*: //')

cat <<EOF

HCC mobile backend is running.
  API, through the gateway   http://localhost:$GATEWAY_PORT/api/v1/points?type=WARD_POINT
                             http://localhost:$GATEWAY_PORT/api/v1/points?q=hoan%20kiem
  OpenAPI (BFF)              http://localhost:$BFF_PORT/v3/api-docs   (UI: http://localhost:$BFF_PORT/swagger-ui.html)
  Health and metrics         http://localhost:$GATEWAY_MANAGEMENT_PORT/actuator/health   http://localhost:$BFF_MANAGEMENT_PORT/actuator/prometheus
  PostgreSQL                 postgresql://${HCC_DB_USER}@${HCC_DB_HOST}:${HCC_DB_PORT}/${HCC_DB_NAME}
  Redis                      ${HCC_REDIS_URL}
  Logs (JSON)                $LOG_DIR/

Demo credentials (local profile only; a few hundred demo dossiers are seeded)
  API keys                   dev-system-key (the city system)   dev-agent-key (an agent)
                             curl -H 'X-Api-Key: dev-system-key' localhost:$GATEWAY_PORT/api/v1/agent/dossiers
  Bearer tokens              curl -s -X POST localhost:$GATEWAY_PORT/dev/tokens -H 'Content-Type: application/json' \\
                                  -d '{"sub":"001099012345","roles":["citizen"]}'     (roles: citizen, ops)
                             the demo citizen 001099012345 owns a dozen dossiers: GET /api/v1/me/dossiers
  A receipt to look up       code ${DEMO_CODE:-(see the BFF log)}   secret HANG2345
                             curl -s -X POST localhost:$GATEWAY_PORT/api/v1/dossiers/lookup -H 'Content-Type: application/json' \\
                                  -d '{"code":"${DEMO_CODE:-CODE}","secret":"HANG2345"}'

Press Ctrl-C to stop everything.
EOF

# Wait until told to stop, or until a service dies on its own.
while true; do
  for i in "${!PIDS[@]}"; do
    if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
      say "${NAMES[$i]} stopped unexpectedly; the end of its log:"
      tail -n 20 "$LOG_DIR/${NAMES[$i]}.log" >&2 || true
      exit 1
    fi
  done
  sleep 1 &
  wait $! 2>/dev/null || true
done

# Shared by the benchmark scripts (sourced, not run): both services in their `prod` profile on this
# machine's PostgreSQL (127.0.0.1:5432, database hcc_bench) and Redis (127.0.0.1:6379, db 2), the
# gateway's rate limits lifted so that they do not cap the figures, medians, and the writing of a
# section of docs/BENCHMARKS.md.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
RUNS=${RUNS:-3}
OUT=$ROOT/target/bench
PG_USER=${PG_USER:-postgres}
DB=${BENCH_DB:-hcc_bench}
REDIS_PORT=${BENCH_REDIS_PORT:-6379}
REDIS_DB=${BENCH_REDIS_DB:-2}
mkdir -p "$OUT"
PIDS=()
# SERVER_CPUS (a taskset list, e.g. 0) pins the JVMs started below; LOADGEN_CPUS is for the
# load generator (see pinned). Unset: nothing is pinned.
SERVER_CPUS=${SERVER_CPUS:-}
LOADGEN_CPUS=${LOADGEN_CPUS:-}
pinned() { # cpu list or empty, command... (foreground; background servers use SERVER_PIN)
  local cpus=$1
  shift
  if [[ -n $cpus ]]; then taskset -c "$cpus" "$@"; else "$@"; fi
}
SERVER_PIN=()
[[ -z $SERVER_CPUS ]] || SERVER_PIN=(taskset -c "$SERVER_CPUS") # taskset execs, so $! stays the server's pid
# NETTY_LEAK_DETECTION (disabled, simple, advanced or paranoid) sets Netty's leak detector in both
# JVMs started below; paranoid tracks every buffer (slower), so that a drill can count the leak
# reports in their logs (leak_reports). Unset: Netty's default, simple (1 % of buffers).
SERVER_JVM_FLAGS=()
[[ -z ${NETTY_LEAK_DETECTION:-} ]] || SERVER_JVM_FLAGS=("-Dio.netty.leakDetection.level=$NETTY_LEAK_DETECTION")

BENCH_START=$SECONDS
step() { # what the script is doing now, with the time and the seconds since it began (stderr)
  printf '[%s +%ds] %s\n' "$(date +%T)" $((SECONDS - BENCH_START)) "$*" >&2
}

stop_all() {
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
}
trap stop_all EXIT

await_ready() { # management port, name
  local began=$SECONDS
  step "starting ${2:-the service on $1}..."
  for _ in $(seq 1 240); do
    if curl -sf "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null; then
      step "${2:-the service on $1} ready in $((SECONDS - began)) s"
      return 0
    fi
    sleep 0.5
  done
  echo "not ready on $1" >&2
  exit 1
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

ensure_jars() {
  [[ -f mobile-bff/target/mobile-bff.jar && -f gateway/target/gateway.jar ]] && return 0
  step "building the jars (./mvnw package, tests skipped)..."
  ./mvnw -q -B -DskipTests package
}

fresh_database() {
  step "a fresh database $DB and Redis db $REDIS_DB"
  psql -h 127.0.0.1 -U "$PG_USER" -d postgres -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
  redis-cli -p "$REDIS_PORT" -n "$REDIS_DB" flushdb >/dev/null
}

export HCC_INTERNAL_TOKEN_SECRET HCC_API_KEY_PEPPER HCC_PII_PEPPER HCC_IDEMPOTENCY_SECRET
HCC_INTERNAL_TOKEN_SECRET=${HCC_INTERNAL_TOKEN_SECRET:-$(head -c 32 /dev/urandom | base64 | tr -d "\n")}
HCC_API_KEY_PEPPER=${HCC_API_KEY_PEPPER:-$(head -c 32 /dev/urandom | base64 | tr -d "\n")}
HCC_PII_PEPPER=${HCC_PII_PEPPER:-$(head -c 32 /dev/urandom | base64 | tr -d "\n")}
HCC_IDEMPOTENCY_SECRET=${HCC_IDEMPOTENCY_SECRET:-$(head -c 32 /dev/urandom | base64 | tr -d "\n")}
export HCC_DB_HOST=127.0.0.1 HCC_DB_PORT=5432 HCC_DB_NAME=$DB HCC_DB_USER=$PG_USER
export HCC_REDIS_URL=redis://127.0.0.1:$REDIS_PORT/$REDIS_DB
# the gateway accepts an http JWKS only on loopback, and only when told so
export HCC_OIDC_ISSUER=https://id.bench.invalid HCC_OIDC_JWKS_URI=http://127.0.0.1:9/jwks HCC_OIDC_JWKS_HTTP_LOOPBACK_ALLOWED=true
export HCC_BFF_URI=http://127.0.0.1:8081 HCC_TRUSTED_PROXIES=0

# The BFF's profile: prod, or bench (prod's settings) once start_fake_fcm points it at the fake FCM,
# which the BFF refuses beside prod.
BFF_PROFILE=prod
# The BFF's own throttle of receipt lookups is lifted, like the gateway's rate limits in start_gateway:
# benchmarks look up receipts from one address many at a time (it counts a lookup in flight until it
# matches), and the throttle has tests of its own.
start_bff() { # log name, then extra arguments
  local name=$1
  shift
  "${SERVER_PIN[@]}" java -Xmx512m "${SERVER_JVM_FLAGS[@]}" -jar mobile-bff/target/mobile-bff.jar --spring.profiles.active="$BFF_PROFILE" \
    --spring.config.additional-location="file:$ROOT/config/mobile-bff/" \
    --hcc.bff.lookup-throttle.per-client=1000000000 --hcc.bff.lookup-throttle.per-code=1000000000 \
    "$@" >"$OUT/$name.log" 2>&1 &
  BFF_PID=$!
  PIDS+=("$BFF_PID")
  await_ready 9081 "the BFF ($name)"
}


# The JVM options of both gateways (ours and the stock one of gateway-cost.sh): the same for both.
GATEWAY_JVM_OPTS=${GATEWAY_JVM_OPTS:--Xmx512m}

start_gateway() { # extra arguments
  # GATEWAY_JAR, GATEWAY_PORT and GATEWAY_MANAGEMENT_PORT start another build of it beside this one
  local port=${GATEWAY_PORT:-8080} management=${GATEWAY_MANAGEMENT_PORT:-9080}
  # shellcheck disable=SC2086 # GATEWAY_JVM_OPTS is a list of options
  HCC_GATEWAY_PORT=$port HCC_GATEWAY_MANAGEMENT_PORT=$management \
  "${SERVER_PIN[@]}" java $GATEWAY_JVM_OPTS "${SERVER_JVM_FLAGS[@]}" -jar "${GATEWAY_JAR:-gateway/target/gateway.jar}" --spring.profiles.active=prod \
    --spring.config.additional-location="file:$ROOT/config/gateway/" \
    --hcc.gateway.rate-limit.strict.capacity=100000000 --hcc.gateway.rate-limit.strict.refill-per-second=100000000 \
    --hcc.gateway.rate-limit.anonymous.capacity=100000000 --hcc.gateway.rate-limit.anonymous.refill-per-second=100000000 \
    --hcc.gateway.rate-limit.tiers.system.capacity=100000000 \
    --hcc.gateway.rate-limit.tiers.system.refill-per-second=100000000 "$@" >"$OUT/gateway${GATEWAY_PORT:+-$port}.log" 2>&1 &
  GATEWAY_PID=$!
  PIDS+=("$GATEWAY_PID")
  await_ready "$management" "the gateway${GATEWAY_PORT:+ on $port}"
}

# A stock Spring Cloud Gateway (bench/stock-gateway) in front of the BFF, on a free port: STOCK_PORT, STOCK_PID.
start_stock_gateway() {
  STOCK_PORT=$(free_port)
  # shellcheck disable=SC2086
  STOCK_GATEWAY_PORT=$STOCK_PORT "${SERVER_PIN[@]}" java $GATEWAY_JVM_OPTS -jar bench/stock-gateway/target/stock-gateway.jar \
    --spring.config.location=classpath:/ >"$OUT/stock-gateway.log" 2>&1 & # never ./config/*/ of the repository
  STOCK_PID=$!
  PIDS+=("$STOCK_PID")
  for _ in $(seq 1 240); do # it has no actuator: any answer from its port means it is up
    curl -s -o /dev/null "http://127.0.0.1:$STOCK_PORT/" && return 0
    sleep 0.5
  done
  echo "stock gateway not up on $STOCK_PORT" >&2
  exit 1
}

# nginx (Debian) as a plain reverse proxy to the BFF, one worker, keep-alive upstream connections,
# nothing else, on a free port: NGINX_PORT, NGINX_WORKER_PID.
start_nginx() {
  NGINX_PORT=$(free_port)
  local ngx=$OUT/nginx
  mkdir -p "$ngx/logs" "$ngx/tmp"
  chmod 777 "$ngx/tmp"
  cat >"$ngx/nginx.conf" <<CONF
worker_processes 1;
error_log $ngx/logs/error.log warn;
pid $ngx/nginx.pid;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $ngx/tmp/body;
  proxy_temp_path $ngx/tmp/proxy;
  fastcgi_temp_path $ngx/tmp/fastcgi;
  uwsgi_temp_path $ngx/tmp/uwsgi;
  scgi_temp_path $ngx/tmp/scgi;
  upstream bff { server 127.0.0.1:8081; keepalive 128; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://bff;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
CONF
  "${SERVER_PIN[@]}" nginx -p "$ngx" -c "$ngx/nginx.conf" -g 'daemon off;' &
  local master=$!
  PIDS+=("$master")
  for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/" && break; sleep 0.1; done
  NGINX_WORKER_PID=$(pgrep -P "$master" | head -1)
}

# CPU time a process has used so far, in clock ticks (utime + stime, /proc/PID/stat fields 14 and 15).
cpu_ticks() { # pid
  awk '{print $14 + $15}' "/proc/$1/stat"
}

machine() {
  echo "$(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p' | head -1)), $(free -g | awk '/Mem:/ {print $2}') GiB, \
$(java -version 2>&1 | head -1), PostgreSQL $(psql -h 127.0.0.1 -U "$PG_USER" -d postgres -Atc 'SHOW server_version'), \
Redis $(redis-cli info server | sed -n 's/^redis_version://p' | tr -d '\r')"
}

# The load average when a figure is taken: the machine is shared, so every figure carries it.
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

ensure_debian() { # command, package: installs the package if the command is missing
  command -v "$1" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }
  command -v "$1" >/dev/null || { echo "$1 missing (apt-get install $2)" >&2; exit 1; }
}

# An API key registered the way the Center's endpoint would (only its HMAC is stored); prints the key.
make_api_key() { # client id, kind (agent|system), rate tier
  local key hash
  key="hcc_${1//-/}_$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
  hash=$(printf '%s' "$key" | openssl dgst -sha256 -hmac "$HCC_API_KEY_PEPPER" -r | cut -d' ' -f1)
  psql -h 127.0.0.1 -U "$PG_USER" -d "$DB" -q -c "INSERT INTO api_key (client_id, kind, scopes, rate_tier, key_hash, key_hint)
    VALUES ('$1', '$2', '{dossiers:read,dossiers:write,webhooks:write}', '$3', '$hash', '${key:0:8}')"
  printf '%s' "$key"
}

write_section() { # marker name, section text (which starts and ends with the markers)
  local doc=docs/BENCHMARKS.md
  mkdir -p docs
  [[ -f $doc ]] || printf '# Benchmarks\n\nEvery figure below comes from a committed script; the command is in each section.\n\n' >"$doc"
  python3 - "$doc" "$1" "$2" <<'PY'
import re, sys
path, name, section = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(path, encoding="utf-8").read()
pattern = re.compile(r"<!-- bench:%s -->.*?<!-- /bench:%s -->" % (name, name), re.S)
text = pattern.sub(lambda _: section, text) if pattern.search(text) else text.rstrip() + "\n\n" + section + "\n"
open(path, "w", encoding="utf-8").write(text)
PY
  echo "$2"
}

# An internal identity token as the gateway would sign it (HS256 with HCC_INTERNAL_TOKEN_SECRET),
# for calling the BFF directly; valid for the given seconds.
mint_internal_token() { # kind, validity seconds
  local now header payload key signature
  now=$(date +%s)
  b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
  header=$(printf '{"alg":"HS256"}' | b64url)
  payload=$(printf '{"iss":"hcc-gateway","aud":"hcc-mobile-bff","kind":"%s","cip":"127.0.0.1","iat":%d,"exp":%d}' \
    "$1" "$now" "$((now + $2))" | b64url)
  key=$(printf '%s' "$HCC_INTERNAL_TOKEN_SECRET" | base64 -d | od -An -tx1 | tr -d ' \n')
  signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key" -binary | b64url)
  printf '%s.%s.%s' "$header" "$payload" "$signature"
}

# The BFF's schema and seed in the benchmark database: start it once, let Flyway migrate, stop it.
migrate_database() {
  start_bff bff-migrate
  stop_all
}

# A fake FCM on loopback (bench/FakeFcmServer.java), and the BFF pointed at it: the real Firebase
# Admin SDK signs its token grant with the service account the fake writes, and sends to it.
FCM_PORT=${FCM_PORT:-18089}
FCM=http://127.0.0.1:$FCM_PORT
start_fake_fcm() { # answer delay in ms (default 20)
  rm -f "$OUT/fcm/service-account.json"
  LATENCY_MS=${1:-20} java -Xmx256m bench/FakeFcmServer.java "$FCM_PORT" "$OUT/fcm" >>"$OUT/fcm.log" 2>&1 &
  PIDS+=("$!")
  for _ in $(seq 1 60); do curl -sf "$FCM/stats" >/dev/null && break; sleep 0.5; done
  curl -sf "$FCM/stats" >/dev/null || { echo "fake FCM did not start" >&2; exit 1; }
  export HCC_FIREBASE_CREDENTIALS_FILE=$OUT/fcm/service-account.json HCC_FIREBASE_ENDPOINT=$FCM
  BFF_PROFILE=bench
}

# For the benchmarks that run mobile-bff's test classes in a JVM of their own (no services): builds
# them, sets CLASSPATH, and writes $1/logback.xml, which sends their log to $1/java.log.
build_test_classes() { # work directory
  mkdir -p "$1"
  cat >"$1/logback.xml" <<XML
<configuration>
  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
    <file>$1/java.log</file>
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} %msg%n</pattern></encoder>
  </appender>
  <root level="INFO"><appender-ref ref="FILE"/></root>
</configuration>
XML
  ./mvnw -q -B -pl mobile-bff -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt >"$1/build.log" 2>&1 || { cat "$1/build.log" >&2; exit 1; }
  CLASSPATH="mobile-bff/target/test-classes:mobile-bff/target/classes:$(cat mobile-bff/target/bench-classpath.txt)"
}

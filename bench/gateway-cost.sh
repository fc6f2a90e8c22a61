#!/usr/bin/env bash
# The gateway's cost: the same requests (nearest point, dossier lookup) directly at the BFF, through
# nginx as a plain reverse proxy, through a stock Spring Cloud Gateway (bench/stock-gateway: the
# product's versions, one route, no filters) and through our gateway, side by side in one run.
#
# Per path and request: throughput at saturation (wrk, CONNECTIONS connections, SAT_SECONDS), the CPU
# each process spent per answer meanwhile (utime + stime from /proc/PID/stat over wrk's answers), and
# p50/p99 at a fixed rate every path sustains (hey, RATE req/s). Both services in their `prod` profile
# on this machine's PostgreSQL and Redis, our gateway's rate limits lifted (every other protection on).
# On 2+ cores the servers (the JVMs, nginx) are pinned to SERVER_CPUS (0) and the load generators to
# LOADGEN_CPUS (1); PostgreSQL and Redis stay unpinned.
#
# Warm-up: each JVM path is driven in WARMUP_SLICE-second slices until two slices in a row are within
# WARMUP_TOLERANCE % of each other, after at least WARMUP_MIN seconds (two early slices of a JVM still
# compiling can agree by chance: our gateway's did after 30 s, at half its warm rate) and at most
# WARMUP_MAX seconds; the time it took is reported. Then RUNS
# runs, each path once per run and request in an order rotated from run to run; every figure is reported
# as the median and the spread (min-max) over the runs, with the load average at each measurement.
#
#   bench/gateway-cost.sh        (installs nginx, wrk and hey from Debian if missing; about 25 min)
#   GATEWAY_JVM_OPTS='...'       JVM options of both gateways (ours and stock), default: lib.sh's
#   TARGETS='stock gateway' KINDS=nearest RUNS=2   a part of the comparison, e.g. to measure one cut
#                                against stock: printed, BENCHMARKS.md left alone
#   VARIANTS='before=a.jar tokens=b.jar'   other builds of our gateway, each one more path (with TARGETS: the
#                                before/after of each cut, side by side in one run)
#   GATEWAY_ARGS='--a.b=c'       arguments for our gateway only (not the variants): a configuration trim's A/B
#   VARIANT_ARGS_<name>='--a.b=c'  arguments for one variant: e.g. VARIANTS='nolog=gateway/target/gateway.jar'
#                                VARIANT_ARGS_nolog='--logging.level.vn.hanoi.hcc.gateway.access=off' (an ablation)
#   JFR=1                        also records a Flight Recorder profile of our gateway under wrk after
#                                the runs (target/bench/gateway-<kind>.jfr; read with `jfr print`)
set -Eeuo pipefail
if (( $(nproc) >= 2 )); then
  : "${SERVER_CPUS:=0}" "${LOADGEN_CPUS:=1}"
  export SERVER_CPUS LOADGEN_CPUS
fi
source "$(dirname "$0")/lib.sh"
RATE=${RATE:-500}
WORKERS=${WORKERS:-50}
FIXED_SECONDS=${FIXED_SECONDS:-15}
SAT_SECONDS=${SAT_SECONDS:-15}
CONNECTIONS=${CONNECTIONS:-64}
WARMUP_SLICE=${WARMUP_SLICE:-10}
WARMUP_TOLERANCE=${WARMUP_TOLERANCE:-3}
WARMUP_MAX=${WARMUP_MAX:-150}
WARMUP_MIN=${WARMUP_MIN:-60}
ensure_debian nginx nginx
ensure_debian wrk wrk
ensure_debian hey hey

ensure_jars
[[ -f bench/stock-gateway/target/stock-gateway.jar ]] || ./mvnw -q -B -f bench/stock-gateway/pom.xml -DskipTests package
fresh_database
start_bff bff
# shellcheck disable=SC2086 # GATEWAY_ARGS: arguments of our gateway only (a configuration trim against a variant without it)
start_gateway ${GATEWAY_ARGS:-}
OUR_PID=$GATEWAY_PID
KINDS=(${KINDS:-nearest lookup})
TARGETS=(${TARGETS:-bff nginx stock gateway})
PARTIAL=$([[ ${#TARGETS[@]} -lt 4 || ${#KINDS[@]} -lt 2 ]] && echo 1 || echo 0)
[[ " ${TARGETS[*]} " != *" stock "* ]] || start_stock_gateway
[[ " ${TARGETS[*]} " != *" nginx "* ]] || start_nginx

# Receipts to look up, filed through the gateway by a city-system key.
KEY=$(make_api_key bench-system system system)
pinned "$LOADGEN_CPUS" java -Xmx256m bench/LoadGenerator.java file http://127.0.0.1:8080 "$KEY" 200 8 "$OUT/cost-receipts.csv"
export RECEIPTS=$OUT/cost-receipts.csv
IFS=, read -r CODE SECRET <"$RECEIPTS"
LOOKUP_BODY="{\"code\":\"$CODE\",\"secret\":\"$SECRET\"}"
NEAREST_PATH='/api/v1/points/nearest?lat=21.02850&lon=105.85420&limit=5'
IDENTITY=$(mint_internal_token anonymous 7200)

declare -A VARIANT_PORT=() VARIANT_PID=()
# VARIANT_NOTES (optional): what each of VARIANTS is, for the report
for variant in ${VARIANTS:-}; do
  VARIANT_PORT[${variant%%=*}]=$(free_port)
  variant_args=VARIANT_ARGS_${variant%%=*}
  # shellcheck disable=SC2086 # a list of arguments
  GATEWAY_JAR=${variant#*=} GATEWAY_PORT=${VARIANT_PORT[${variant%%=*}]} GATEWAY_MANAGEMENT_PORT=$(free_port) \
    start_gateway ${!variant_args:-}
  VARIANT_PID[${variant%%=*}]=$GATEWAY_PID
done
GATEWAY_PID=$OUR_PID
declare -A BASE=([bff]=http://127.0.0.1:8081 [nginx]=http://127.0.0.1:${NGINX_PORT:-0}
  [stock]=http://127.0.0.1:${STOCK_PORT:-0} [gateway]=http://127.0.0.1:8080)
# The process whose CPU is the path's own cost (the BFF's is counted on every path too).
declare -A PROXY_PID=([bff]="" [nginx]=${NGINX_WORKER_PID:-} [stock]=${STOCK_PID:-} [gateway]=$GATEWAY_PID)
for variant in "${!VARIANT_PORT[@]}"; do
  BASE[$variant]=http://127.0.0.1:${VARIANT_PORT[$variant]}
  PROXY_PID[$variant]=${VARIANT_PID[$variant]}
  TARGETS+=("$variant")
done
# Only our gateway signs the identity token: the others pass the client's, signed as ours would.
token_for() { [[ $1 == gateway || -n ${VARIANT_PORT[$1]:-} ]] && echo "" || echo "$IDENTITY"; }

fixed_rate() { # kind, path, seconds
  local token args=()
  token=$(token_for "$2")
  [[ -z $token ]] || args+=(-H "X-Hcc-Identity: $token")
  if [[ $1 == lookup ]]; then
    args+=(-m POST -T application/json -d "$LOOKUP_BODY" "${BASE[$2]}/api/v1/dossiers/lookup")
  else
    args+=("${BASE[$2]}$NEAREST_PATH")
  fi
  pinned "$LOADGEN_CPUS" hey -z "${3}s" -c "$WORKERS" -q $((RATE / WORKERS)) "${args[@]}"
}
saturate() { # kind, path, seconds
  HCC_IDENTITY=$(token_for "$2") pinned "$LOADGEN_CPUS" wrk -t1 -c"$CONNECTIONS" -d"${3}s" --latency \
    -s "bench/$([[ $1 == lookup ]] && echo lookup || echo nearest).lua" "${BASE[$2]}"
}
wrk_rate_of() { awk '/Requests\/sec/ {print $2}'; }
wrk_answers_of() { awk '/requests in/ {print $1}'; }

# Saturation with CPU accounting: appends "req/s answers proxy_ticks bff_ticks" to cost-cpu-<kind>-<path>.txt
measured_saturation() { # kind, path
  local proxy=${PROXY_PID[$2]} p0=0 p1=0 b0 b1 out
  [[ -z $proxy ]] || p0=$(cpu_ticks "$proxy")
  b0=$(cpu_ticks "$BFF_PID")
  out=$(saturate "$1" "$2" "$SAT_SECONDS")
  [[ -z $proxy ]] || p1=$(cpu_ticks "$proxy")
  b1=$(cpu_ticks "$BFF_PID")
  printf '%s\n' "$out" >>"$OUT/cost-sat-$1-$2.txt"
  echo "$(wrk_rate_of <<<"$out") $(wrk_answers_of <<<"$out") $((p1 - p0)) $((b1 - b0))" >>"$OUT/cost-cpu-$1-$2.txt"
}

rm -f "$OUT"/cost-*.txt
echo "warming up (slices of ${WARMUP_SLICE} s until two agree within ${WARMUP_TOLERANCE} %, ${WARMUP_MIN} to ${WARMUP_MAX} s)..."
for target in "${TARGETS[@]}"; do
  for kind in "${KINDS[@]}"; do
    elapsed=0 previous=0
    while (( elapsed < WARMUP_MAX )); do
      rate=$(saturate "$kind" "$target" "$WARMUP_SLICE" | wrk_rate_of)
      elapsed=$((elapsed + WARMUP_SLICE))
      stable=$(awk -v a="$rate" -v b="$previous" -v t="$WARMUP_TOLERANCE" 'BEGIN {print (b > 0 && (a > b ? a - b : b - a) <= b * t / 100) ? 1 : 0}')
      (( stable && elapsed >= WARMUP_MIN )) && break
      previous=$rate
    done
    echo "$kind $target $elapsed $rate" | tee -a "$OUT/cost-warmup.txt"
  done
done

for run in $(seq 1 "$RUNS"); do
  for kind in "${KINDS[@]}"; do
    # rotate the order from run to run, so that no path always follows the same one
    order=("${TARGETS[@]:$(( (run - 1) % ${#TARGETS[@]} ))}" "${TARGETS[@]:0:$(( (run - 1) % ${#TARGETS[@]} ))}")
    for target in "${order[@]}"; do
      echo "run $run: $kind via $target, load $(loadavg)" | tee -a "$OUT/cost-load.txt"
      measured_saturation "$kind" "$target"
      fixed_rate "$kind" "$target" "$FIXED_SECONDS" >>"$OUT/cost-fixed-$kind-$target.txt"
    done
  done
done
LOAD_END=$(loadavg)
if [[ ${JFR:-0} == 1 ]]; then
  for kind in "${KINDS[@]}"; do
    jcmd "$GATEWAY_PID" JFR.start name=cost settings=profile >/dev/null
    saturate "$kind" gateway "$SAT_SECONDS" >/dev/null
    jcmd "$GATEWAY_PID" JFR.stop name=cost filename="$OUT/gateway-$kind.jfr" >/dev/null
  done
fi
stop_all

# hey: "Requests/sec: N", "  99% in 0.0031 secs"; wrk: "     99%    3.10ms"
hey_p() { awk -v p="$2%" '$1 == p && $2 == "in" {print $3 * 1000}' "$1"; }
hey_rate() { awk '/Requests\/sec/ {print $2}' "$1"; }
hey_bad() { # non-200 answers and transport errors, over all runs
  awk '/^Status code distribution/ {sec = "s"; next} /^Error distribution/ {sec = "e"; next} /^[A-Z]/ {sec = ""}
    sec == "s" && $1 ~ /^\[/ && $1 != "[200]" {s += $2}
    sec == "e" && $1 ~ /^\[/ {x = $1; gsub(/[][]/, "", x); s += x} END {print s + 0}' "$1"
}
wrk_p99() { grep -E '^ +99% ' "$1" | awk '{v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} \
  else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}'; }
wrk_bad() {
  awk '/Non-2xx or 3xx responses:/ {s += $NF}
    /Socket errors:/ {for (i = 3; i <= NF; i++) {v = $i; gsub(/,/, "", v); if (v ~ /^[0-9]+$/) s += v}} END {print s + 0}' "$1"
}
sat_rates() { awk '{print $1}' "$OUT/cost-cpu-$1-$2.txt"; }
# CPU microseconds per answer of the proxy (column 3) or the BFF (column 4), one figure per run
cpu_us() { awk -v c="$3" -v hz="$(getconf CLK_TCK)" '{printf "%.0f\n", $c * 1e6 / hz / $2}' "$OUT/cost-cpu-$1-$2.txt"; }
spread() { sort -n | awk '{a[NR]=$1} END {printf "%s (%s–%s)", a[int((NR+1)/2)], a[1], a[NR]}'; }
med() { median; }
share() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f", 100 * a / b}'; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN {print (v >= t) ? "met" : "**missed**"}'; }

ROWS="" SUMMARY="" WARMUP=""
for kind in "${KINDS[@]}"; do
  for target in "${TARGETS[@]}"; do
    f=$OUT/cost-fixed-$kind-$target.txt
    s=$OUT/cost-sat-$kind-$target.txt
    proxy_cpu="–"
    [[ -z ${PROXY_PID[$target]} ]] || proxy_cpu="$(cpu_us "$kind" "$target" 3 | spread) µs"
    ROWS+="| $kind | $target | $(sat_rates "$kind" "$target" | spread) | $(wrk_p99 "$s" | med) ms | $(wrk_bad "$s") | $proxy_cpu | $(cpu_us "$kind" "$target" 4 | spread) µs | $(hey_rate "$f" | spread) | $(hey_p "$f" 50 | med) ms | $(hey_p "$f" 99 | spread) ms | $(hey_bad "$f") |"$'\n'
  done
  (( PARTIAL )) && continue
  nginx=$(sat_rates "$kind" nginx | med)
  stock=$(sat_rates "$kind" stock | med)
  ours=$(sat_rates "$kind" gateway | med)
  p99_added=$(awk -v g="$(hey_p "$OUT/cost-fixed-$kind-gateway.txt" 99 | med)" -v n="$(hey_p "$OUT/cost-fixed-$kind-nginx.txt" 99 | med)" 'BEGIN {printf "%.1f", g - n}')
  SUMMARY+="| $kind | $(share "$stock" "$nginx") % | $(share "$ours" "$stock") % ($(verdict "$(share "$ours" "$stock")" 90)) | $(share "$ours" "$nginx") % ($(verdict "$(share "$ours" "$nginx")" 50); stretch 80 %: $(verdict "$(share "$ours" "$nginx")" 80)) | $p99_added ms ($(awk -v a="$p99_added" 'BEGIN {print (a <= 5) ? "met" : "**missed**"}')) |"$'\n'
done
if (( PARTIAL )); then
  cat "$OUT/cost-warmup.txt"
  printf '| request | path | saturation req/s | saturation p99 | non-2xx/errors | proxy CPU per answer | BFF CPU per answer | fixed: achieved req/s | fixed p50 | fixed p99 | non-200/errors |\n%s' "$ROWS"
  exit 0
fi
while read -r kind target seconds rate; do WARMUP+="$kind via $target ${seconds} s ($rate req/s); "; done <"$OUT/cost-warmup.txt"

SECTION=$(cat <<DOC
<!-- bench:gateway-cost -->
## The gateway's cost: direct, nginx, stock Spring Cloud Gateway, ours (\`bench/gateway-cost.sh\`)

$(date -u +%Y-%m-%d). $(machine). Load average $(head -1 "$OUT/cost-load.txt" | sed 's/.*load //') at the start, $LOAD_END at the end
(the machine is shared: per-measurement loads in \`target/bench/cost-load.txt\`). Both services in the
\`prod\` profile on this machine's PostgreSQL and Redis; our gateway with every protection on and its rate
limits lifted; the stock gateway is \`bench/stock-gateway\` (the product's Boot and Spring Cloud versions,
one route \`Path=/api/v1/**\`, no filters, nothing else configured); both gateways with the JVM options
\`$GATEWAY_JVM_OPTS\`; nginx $(nginx -v 2>&1 | sed 's/.*nginx\///') (Debian) as a plain reverse proxy (1 worker,
keep-alive upstream). Pinning: $( [[ -n $SERVER_CPUS ]] && echo "the JVMs and nginx on CPU $SERVER_CPUS, hey and wrk on CPU $LOADGEN_CPUS (\`taskset\`); PostgreSQL and Redis unpinned" || echo "none (fewer than 2 cores)").
Requests to the BFF, nginx and the stock gateway carry an identity token signed as our gateway would sign it.

- Warm-up until two ${WARMUP_SLICE} s slices agree within ${WARMUP_TOLERANCE} %, at least ${WARMUP_MIN} s and at most ${WARMUP_MAX} s: ${WARMUP}
- Saturation: wrk, 1 thread, $CONNECTIONS connections, ${SAT_SECONDS} s, random origins over Hanoi
  (\`bench/nearest.lua\`) and random lookups of 200 receipts (\`bench/lookup.lua\`). CPU per answer: the
  process's utime + stime over the run (\`/proc/PID/stat\`) divided by wrk's answers; for nginx its worker.
- Fixed rate: hey $(dpkg-query -W -f='${Version}' hey 2>/dev/null), $WORKERS workers × $((RATE / WORKERS)) req/s = $RATE req/s for ${FIXED_SECONDS} s, one
  request repeated (closed loop: the achieved rate shows whether the path kept up).
- $RUNS runs, each path once per run and request, the order rotated from run to run; median (min–max).$( [[ -z ${VARIANTS:-} ]] || printf '\n- Other builds of our gateway, each a path of its own in the same run (the before/after of each cut): %s.' "${VARIANT_NOTES:-$VARIANTS}")

| request | path | saturation req/s | saturation p99 | non-2xx/errors | proxy CPU per answer | BFF CPU per answer | fixed: achieved req/s | fixed p50 | fixed p99 | non-200/errors |
|---|---|---|---|---|---|---|---|---|---|---|
${ROWS}
| request | stock ÷ nginx | ours ÷ stock (target ≥ 90 %) | ours ÷ nginx (target ≥ 50 %) | ours' p99 − nginx's at $RATE req/s (target ≤ 5 ms) |
|---|---|---|---|---|
${SUMMARY}
Raw output: \`target/bench/cost-{sat,fixed,cpu}-<request>-<path>.txt\`, \`cost-warmup.txt\`, \`cost-load.txt\`.
<!-- /bench:gateway-cost -->
DOC
)
write_section gateway-cost "$SECTION"

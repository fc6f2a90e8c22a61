#!/usr/bin/env bash
# The gateway's cost: the same requests (nearest point, dossier lookup) directly at the BFF, through
# nginx as a plain reverse proxy, and through the gateway, side by side in one run. Per path: p99 at a
# fixed rate (RATE, default 1,000 req/s, with hey: `-q` per worker × `-c` workers) and throughput at
# saturation (wrk, CONNECTIONS connections). Both services in their `prod` profile on this machine's
# PostgreSQL and Redis, rate limits lifted; nginx (Debian) in the foreground with a config generated
# into target/bench/nginx, on a free loopback port. On 2+ cores the servers (both JVMs, nginx) are
# pinned to SERVER_CPUS (0) and the load generators to LOADGEN_CPUS (1); PostgreSQL and Redis are the
# machine's and stay unpinned. Median of RUNS runs (3), the paths interleaved in each run.
#
#   bench/gateway-cost.sh        (installs nginx, wrk and hey from Debian if missing; about 12 min)
set -Eeuo pipefail
if (( $(nproc) >= 2 )); then
  : "${SERVER_CPUS:=0}" "${LOADGEN_CPUS:=1}"
  export SERVER_CPUS LOADGEN_CPUS
fi
source "$(dirname "$0")/lib.sh"
RATE=${RATE:-1000}
WORKERS=${WORKERS:-50}
FIXED_SECONDS=${FIXED_SECONDS:-20}
SAT_SECONDS=${SAT_SECONDS:-15}
CONNECTIONS=${CONNECTIONS:-64}
WARMUP_SECONDS=${WARMUP_SECONDS:-15}
ensure_debian nginx nginx
ensure_debian wrk wrk
ensure_debian hey hey

ensure_jars
fresh_database
start_bff bff
start_gateway

# nginx as a plain reverse proxy to the BFF: keep-alive upstream connections, nothing else.
NGINX_PORT=$(free_port)
NGX=$OUT/nginx
mkdir -p "$NGX/logs" "$NGX/tmp"
chmod 777 "$NGX/tmp"
cat >"$NGX/nginx.conf" <<CONF
worker_processes 1;
error_log $NGX/logs/error.log warn;
pid $NGX/nginx.pid;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $NGX/tmp/body;
  proxy_temp_path $NGX/tmp/proxy;
  fastcgi_temp_path $NGX/tmp/fastcgi;
  uwsgi_temp_path $NGX/tmp/uwsgi;
  scgi_temp_path $NGX/tmp/scgi;
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
"${SERVER_PIN[@]}" nginx -p "$NGX" -c "$NGX/nginx.conf" -g 'daemon off;' &
PIDS+=("$!")
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/" && break; sleep 0.1; done

# Receipts to look up, filed through the gateway by a city-system key.
KEY=$(make_api_key bench-system system system)
pinned "$LOADGEN_CPUS" java -Xmx256m bench/LoadGenerator.java file http://127.0.0.1:8080 "$KEY" 200 8 "$OUT/cost-receipts.csv"
export RECEIPTS=$OUT/cost-receipts.csv
IFS=, read -r CODE SECRET <"$RECEIPTS"
LOOKUP_BODY="{\"code\":\"$CODE\",\"secret\":\"$SECRET\"}"
NEAREST_PATH='/api/v1/points/nearest?lat=21.02850&lon=105.85420&limit=5'
IDENTITY=$(mint_internal_token anonymous 7200)

declare -A BASE=([bff]=http://127.0.0.1:8081 [nginx]=http://127.0.0.1:$NGINX_PORT [gateway]=http://127.0.0.1:8080)
token_for() { [[ $1 == gateway ]] && echo "" || echo "$IDENTITY"; }

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

KINDS=(nearest lookup)
TARGETS=(bff nginx gateway)
echo "warming up..."
for kind in "${KINDS[@]}"; do
  for target in "${TARGETS[@]}"; do saturate "$kind" "$target" "$WARMUP_SECONDS" >/dev/null; done
done
rm -f "$OUT"/cost-*.txt
for run in $(seq 1 "$RUNS"); do
  for kind in "${KINDS[@]}"; do
    for target in "${TARGETS[@]}"; do
      echo "run $run: $kind via $target, load $(loadavg)" | tee -a "$OUT/cost-load.txt"
      fixed_rate "$kind" "$target" "$FIXED_SECONDS" >>"$OUT/cost-fixed-$kind-$target.txt"
      saturate "$kind" "$target" "$SAT_SECONDS" >>"$OUT/cost-sat-$kind-$target.txt"
    done
  done
done
LOAD_END=$(loadavg)
stop_all

# hey: "Requests/sec: N", "  99% in 0.0031 secs"; wrk: "Requests/sec: N", "     99%    3.10ms"
hey_rate() { awk '/Requests\/sec/ {print $2}' "$1" | median; }
hey_p() { awk -v p="$2%" '$1 == p && $2 == "in" {print $3 * 1000}' "$1" | median; }
hey_bad() { # non-200 answers and transport errors, over all runs
  awk '/^Status code distribution/ {sec = "s"; next} /^Error distribution/ {sec = "e"; next} /^[A-Z]/ {sec = ""}
    sec == "s" && $1 ~ /^\[/ && $1 != "[200]" {s += $2}
    sec == "e" && $1 ~ /^\[/ {x = $1; gsub(/[][]/, "", x); s += x} END {print s + 0}' "$1"
}
wrk_rate() { awk '/Requests\/sec/ {print $2}' "$1" | median; }
wrk_p99() { grep -E '^ +99% ' "$1" | awk '{v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} \
  else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}' | median; }
wrk_bad() {
  awk '/Non-2xx or 3xx responses:/ {s += $NF}
    /Socket errors:/ {for (i = 3; i <= NF; i++) {v = $i; gsub(/,/, "", v); if (v ~ /^[0-9]+$/) s += v}} END {print s + 0}' "$1"
}
verdict() { awk -v a="$1" -v b="$2" 'BEGIN {print (a <= b) ? "met" : "**missed**"}'; }

ROWS=""
SUMMARY=""
for kind in "${KINDS[@]}"; do
  for target in "${TARGETS[@]}"; do
    f=$OUT/cost-fixed-$kind-$target.txt
    s=$OUT/cost-sat-$kind-$target.txt
    ROWS+="| $kind | $target | $(hey_rate "$f") | $(hey_p "$f" 50) ms | $(hey_p "$f" 99) ms | $(hey_bad "$f") | $(wrk_rate "$s") | $(wrk_p99 "$s") ms | $(wrk_bad "$s") |"$'\n'
  done
  added=$(awk -v g="$(hey_p "$OUT/cost-fixed-$kind-gateway.txt" 99)" -v b="$(hey_p "$OUT/cost-fixed-$kind-bff.txt" 99)" 'BEGIN {printf "%.2f", g - b}')
  nginx_added=$(awk -v g="$(hey_p "$OUT/cost-fixed-$kind-nginx.txt" 99)" -v b="$(hey_p "$OUT/cost-fixed-$kind-bff.txt" 99)" 'BEGIN {printf "%.2f", g - b}')
  share=$(awk -v g="$(wrk_rate "$OUT/cost-sat-$kind-gateway.txt")" -v n="$(wrk_rate "$OUT/cost-sat-$kind-nginx.txt")" 'BEGIN {printf "%.0f", 100 * g / n}')
  SUMMARY+="| $kind | $added ms (nginx: $nginx_added ms) | ≤ 3 ms: $(verdict "$added" 3) | $share % | ≥ 80 %: $(awk -v s="$share" 'BEGIN {print (s >= 80) ? "met" : "**missed**"}') |"$'\n'
done

SECTION=$(cat <<DOC
<!-- bench:gateway-cost -->
## The gateway's cost: direct, nginx, gateway (\`bench/gateway-cost.sh\`)

$(date -u +%Y-%m-%d). $(machine). Load average $(head -1 "$OUT/cost-load.txt" | sed 's/.*load //') at the start, $LOAD_END at the end
(the machine is shared: other engineers' builds may have run meanwhile; per-run loads in
\`target/bench/cost-load.txt\`). Both services in the \`prod\` profile on this machine's PostgreSQL and
Redis, the gateway's rate limits lifted; nginx $(nginx -v 2>&1 | sed 's/.*nginx\///') (Debian) as a plain reverse proxy
(1 worker, keep-alive upstream). Pinning: $( [[ -n $SERVER_CPUS ]] && echo "both JVMs and nginx on CPU $SERVER_CPUS, hey and wrk on CPU $LOADGEN_CPUS (\`taskset\`); PostgreSQL and Redis unpinned, so they share both cores" || echo "none (fewer than 2 cores)").
Direct and nginx requests carry an identity token signed as the gateway would sign it.

- Fixed rate: hey $(dpkg-query -W -f='${Version}' hey 2>/dev/null) (Debian has no wrk2), $WORKERS workers × $((RATE / WORKERS)) req/s = $RATE req/s for ${FIXED_SECONDS} s,
  one request repeated (\`$NEAREST_PATH\`; one receipt's lookup). hey paces each worker
  (closed loop): a slow answer delays that worker's next request, so the achieved rate shows whether
  the path kept up, and the p99 is a floor when it did not.
- Saturation: wrk, 1 thread, $CONNECTIONS connections, ${SAT_SECONDS} s, random origins over Hanoi (\`bench/nearest.lua\`)
  and random lookups of 200 receipts (\`bench/lookup.lua\`).
- Median of $RUNS runs after a ${WARMUP_SECONDS} s warm-up of each path and kind; the paths interleaved in each run.

| request | path | fixed: achieved req/s | fixed p50 | fixed p99 | fixed non-200/errors | saturation req/s | saturation p99 | saturation non-2xx/errors |
|---|---|---|---|---|---|---|---|---|
${ROWS}
| request | gateway's added p99 at $RATE req/s (vs direct) | target | gateway's share of nginx's throughput | target |
|---|---|---|---|---|
${SUMMARY}
Raw output: \`target/bench/cost-{fixed,sat}-<request>-<path>.txt\`.
<!-- /bench:gateway-cost -->
DOC
)
write_section gateway-cost "$SECTION"

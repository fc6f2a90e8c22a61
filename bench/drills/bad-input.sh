#!/usr/bin/env bash
# Bad input: thousands of malformed requests over every endpoint of the published OpenAPI document,
# through the gateway (bench/drills/Fuzz.java, raw sockets: path tricks, query abuse, header abuse,
# odd methods, broken framing; for endpoints with a body also broken JSON, wrong types, invalid
# Unicode, huge and deeply nested bodies). Passes when at least 2,000 were sent, none was answered
# 5xx, every error answer was application/problem+json (with its status, type and title), every
# request got an answer (except where the framing itself was broken), and no table of the database
# changed (row counts and an md5 of every row, before and after).
#
#   bench/drills/bad-input.sh       (about 3 min; needs psql, openssl, python3)
#   NETTY_LEAK_DETECTION=paranoid bench/drills/bad-input.sh   (every buffer tracked: no leak reported)
set -Eeuo pipefail
source "$(dirname "$0")/lib.sh"
watchdog 900
# No outbound calls whatever a request did: webhooks off (pushes have no credentials: logged only).
export HCC_WEBHOOKS_ENABLED=false

ensure_jars
fresh_database
start_jwks
start_bff bff
# people's tokens are metered per person (10/s) and failed authentications per address (50/min):
# lifted too (start_bff lifts the BFF's lookup throttle), so that every malformed request reaches the
# code it aims at instead of a 429 (the throttles have tests of their own)
start_gateway --hcc.gateway.rate-limit.user.capacity=100000000 --hcc.gateway.rate-limit.user.refill-per-second=100000000 \
  --hcc.gateway.rate-limit.auth-failures.max-failures=100000000
KEY=$(make_api_key drill-system system system)
java -Xmx256m bench/LoadGenerator.java file http://127.0.0.1:8080 "$KEY" 3 1 "$OUT/receipts.csv" >/dev/null
CITIZEN=$(person_token 001000000001 '["citizen"]' 3600)
OPS=$(person_token staff-drill '["ops"]' 3600)
curl -sf -o /dev/null -X POST http://127.0.0.1:8080/api/v1/me/devices -H "Authorization: Bearer $CITIZEN" \
  -H 'Content-Type: application/json' -d '{"token":"drill-seed-device-token-0001","platform":"android","locale":"vi"}'
printf 'citizen=Bearer %s\nops=Bearer %s\napikey=%s\ncode=%s\n' "$CITIZEN" "$OPS" "$KEY" "$(head -1 "$OUT/receipts.csv" | cut -d, -f1)" \
  >"$OUT/auth.txt"

curl -sf http://127.0.0.1:8081/v3/api-docs -o "$OUT/api-docs.json"
python3 - "$OUT/api-docs.json" >"$OUT/operations.txt" <<'PY'
import json, sys
spec = json.load(open(sys.argv[1]))
for path, ops in sorted(spec["paths"].items()):
    for method, op in ops.items():
        query = [p["name"] for p in op.get("parameters", []) if p.get("in") == "query"]
        print(method.upper(), path, ",".join(query), "body" if "requestBody" in op else "-")
PY
ENDPOINTS=$(wc -l <"$OUT/operations.txt")

sleep 2 # anything the seeding set off has settled
data_checksum >"$OUT/checksum-before.txt"
java -Xmx1g bench/drills/Fuzz.java 127.0.0.1 8080 "$OUT/operations.txt" "$OUT/auth.txt" "$OUT/fuzz.tsv"
sleep 2
data_checksum >"$OUT/checksum-after.txt"
CHANGED=$(diff "$OUT/checksum-before.txt" "$OUT/checksum-after.txt" | grep -c '^>' || true)
LEAKS=$(leak_reports "$OUT/bff.log" "$OUT/gateway.log")
diff "$OUT/checksum-before.txt" "$OUT/checksum-after.txt" >"$OUT/checksum-diff.txt" || true
if grep -q '"level":"ERROR"\|ERROR' "$OUT/bff.log" "$OUT/gateway.log"; then
  grep -h '"level":"ERROR"\|ERROR' "$OUT/bff.log" "$OUT/gateway.log" >"$OUT/errors-in-logs.txt" || true
fi

F=$OUT/fuzz.tsv
TOTAL=$(wc -l <"$F")
COVERED=$(cut -f2 "$F" | sort -u | wc -l)
FIVE=$(awk -F'\t' '$4 >= 500' "$F" | wc -l)
NOT_PROBLEM=$(awk -F'\t' '$4 > 0 && $5 == 0' "$F" | wc -l)
NO_ANSWER=$(awk -F'\t' '$4 == 0 && $7 == 0' "$F" | wc -l)
NO_ANSWER_FRAMING=$(awk -F'\t' '$4 == 0 && $7 == 1' "$F" | wc -l)
awk -F'\t' '$4 >= 500 || ($4 > 0 && $5 == 0) || ($4 == 0 && $7 == 0)' "$F" >"$OUT/findings.tsv"
FAMILIES=$(awk -F'\t' '{n[$1]++; if ($4 >= 200 && $4 < 300) ok[$1]++; if ($4 >= 400 && $4 < 500) c4[$1]++; if ($4 >= 500) c5[$1]++;
  if ($4 > 0 && $5 == 0) np[$1]++; if ($4 == 0) na[$1]++}
  END {for (f in n) printf "| %s | %d | %d | %d | %d | %d | %d |\n", f, n[f], ok[f], c4[f], c5[f], np[f], na[f]}' "$F" | sort)
STATUSES=$(cut -f4 "$F" | sort -n | uniq -c | awk '{printf "%s×%s ", $2, $1}')
# the error answers that were not problem+json, by what they looked like
NOT_PROBLEM_KINDS=$(awk -F'\t' '$4 > 0 && $5 == 0 {print $4 "\t" $8}' "$F" | sed -E 's/ \| (content-length|connection|vary|cache-control|pragma|expires|x-content-type-options|x-frame-options|referrer-policy|content-security-policy): [^|]*//Ig' |
  sort | uniq -c | sort -rn | awk -F'\t' 'n++ < 12 {sub(/^ +/, "", $1); split($1, a, " "); d = substr($2, 1, 160); gsub(/\|/, "¦", d); printf "| %s | %s | `%s` |\n", a[1], a[2], d}')

check "malformed requests sent" "$TOTAL" ">=" 2000
check "endpoints of the OpenAPI document fuzzed" "$COVERED" "==" "$ENDPOINTS"
check "answers 5xx" "$FIVE" "==" 0
check "error answers not problem+json" "$NOT_PROBLEM" "==" 0
check "requests without an answer (framing intact)" "$NO_ANSWER" "==" 0
check "tables whose rows changed" "$CHANGED" "==" 0
check "Netty buffer leak reports (detection ${NETTY_LEAK_DETECTION:-simple})" "$LEAKS" "==" 0

finish "bad input" "$(cat <<DOC
Command: \`${NETTY_LEAK_DETECTION:+NETTY_LEAK_DETECTION=$NETTY_LEAK_DETECTION }bench/drills/bad-input.sh\`. \`bench/drills/Fuzz.java\` wrote $TOTAL malformed requests byte by byte
(raw sockets, 4 at a time) to the gateway, over all $ENDPOINTS operations of the BFF's \`/v3/api-docs\`,
authenticated as each route needs (a citizen's or ops' RS256 token from the drill's own JWKS, a
city-system API key) unless the abuse is of the credentials themselves. Every table of the database
was checksummed (row count and md5 of the rows) before and after. Answers by status: $STATUSES(0: none).

| family | requests | 2xx | 4xx | 5xx | error not problem+json | no answer |
|---|---|---|---|---|---|---|
$FAMILIES

Error answers that were not problem+json, by kind (status line, the headers that tell, the body):

| count | status | answer |
|---|---|---|
$NOT_PROBLEM_KINDS

"no answer" where the framing was broken (a Content-Length longer than the body, broken chunks...):
$NO_ANSWER_FRAMING, reported but not counted against the drill: the server closing such a connection is
the correct answer. Every request that failed a check: \`findings.tsv\`; tables that changed:
\`checksum-diff.txt\`.
DOC
)"

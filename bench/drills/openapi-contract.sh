#!/usr/bin/env bash
# The OpenAPI contract: the published document (docs/openapi.yaml, served by the gateway at
# /api/v1/openapi.json; the BFF's /v3/api-docs by PublishedOpenApiTest) linted by Spectral's
# OpenAPI ruleset (no errors allowed), then real answers of the running system, through the
# gateway, validated against it (bench/drills/openapi-validate.cjs, Ajv's JSON Schema 2020-12, as
# OpenAPI 3.1 uses): every operation called with real data, and some refusals. Passes when Spectral
# finds no error, every answer's status and content type is declared by its operation, every body
# matches its schema, and every operation was called.
#
#   bench/drills/openapi-contract.sh    (about 2 min; installs @stoplight/spectral-cli, ajv and
#                                        ajv-formats from npm into target/node, never globally)
set -Eeuo pipefail
source "$(dirname "$0")/lib.sh"
watchdog 600
NODE_DIR=$ROOT/target/node
if [[ ! -x $NODE_DIR/node_modules/.bin/spectral || ! -d $NODE_DIR/node_modules/ajv-formats ]]; then
  mkdir -p "$NODE_DIR"
  npm install --no-audit --no-fund --prefix "$NODE_DIR" @stoplight/spectral-cli@6.16.3 ajv@8.20.0 ajv-formats@3.0.1 >"$OUT/npm.log" 2>&1
fi

ensure_jars
fresh_database
start_jwks
start_bff bff
start_gateway
KEY=$(make_api_key drill-system system system)
java -Xmx256m bench/LoadGenerator.java file http://127.0.0.1:8080 "$KEY" 2 1 "$OUT/receipts.csv" >/dev/null
IFS=, read -r CODE SECRET <"$OUT/receipts.csv"
python3 -c 'import json, sys; print(json.dumps(dict(zip(["base", "apikey", "citizen", "ops", "code", "secret"], sys.argv[1:]))))' \
  http://127.0.0.1:8080 "$KEY" "$(person_token 001000000001 '["citizen"]' 900)" "$(person_token staff-drill '["ops"]' 900)" \
  "$CODE" "$SECRET" >"$OUT/context.json"
# the published contract, as the gateway serves it (docs/openapi.yaml, the BFF's document by PublishedOpenApiTest)
curl -sf http://127.0.0.1:8080/api/v1/openapi.json -o "$OUT/api-docs.json"

printf 'extends: ["spectral:oas"]\n' >"$OUT/.spectral.yaml"
"$NODE_DIR/node_modules/.bin/spectral" lint --ruleset "$OUT/.spectral.yaml" -f json -o "$OUT/spectral.json" "$OUT/api-docs.json" \
  >"$OUT/spectral.log" 2>&1 || true
read -r LINT_ERRORS LINT_WARNINGS LINT_RULES < <(python3 - "$OUT/spectral.json" <<'PY'
import collections, json, sys
findings = json.load(open(sys.argv[1]))
rules = collections.Counter(f"{f['code']}({['error', 'warn', 'info', 'hint'][f['severity']]})" for f in findings)
print(sum(f["severity"] == 0 for f in findings), sum(f["severity"] == 1 for f in findings),
      ",".join(f"{r}×{n}" for r, n in rules.most_common()) or "none")
PY
)

NODE_PATH=$NODE_DIR/node_modules node bench/drills/openapi-validate.cjs "$OUT/api-docs.json" "$OUT/context.json" "$OUT/responses.tsv" \
  >"$OUT/validate.json"
v() { python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); v = d[sys.argv[2]]; print(", ".join(v) if isinstance(v, list) else v)' "$OUT/validate.json" "$1"; }
FAILURES=$(awk -F'\t' '$1 != "valid" && n++ < 40 {printf "| %s | %s %s | %s %s | %s |\n", $1, $3, $4, $5, $6, $8}' "$OUT/responses.tsv")

check "Spectral (spectral:oas) errors" "$LINT_ERRORS" "==" 0
check "responses whose body does not match the schema (of $(v responses))" "$(v schemaMismatch)" "==" 0
check "responses with a status their operation does not declare" "$(v statusNotDocumented)" "==" 0
check "responses with an undeclared content type or body" "$(($(v contentTypeNotDocumented) + $(v bodyNotDocumented)))" "==" 0
check "operations called (of $(v operations))" "$(v operationsCalled)" "==" "$(v operations)"

finish "OpenAPI contract" "$(cat <<DOC
Command: \`bench/drills/openapi-contract.sh\`. The document: \`http://127.0.0.1:8080/api/v1/openapi.json\` (OpenAPI
$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["openapi"])' "$OUT/api-docs.json"), $(v operations) operations), linted by
@stoplight/spectral-cli 6.16.3 with \`extends: ["spectral:oas"]\`: $LINT_ERRORS errors, $LINT_WARNINGS warnings
(by rule: $LINT_RULES; all in \`spectral.json\`). Then $(v responses) real answers through the gateway
validated with Ajv 8 (JSON Schema 2020-12; Java's \`\\p{Cntrl}\` read as \`\\p{Cc}\`): $(v valid) valid.
Operations not called: $(v notCalled | sed 's/^$/none/').

| verdict | request | answer | detail |
|---|---|---|---|
$FAILURES

Every call with its verdict: \`responses.tsv\`.
DOC
)"

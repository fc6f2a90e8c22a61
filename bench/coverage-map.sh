#!/usr/bin/env bash
# Renders GET /api/v1/coverage/map.svg the way a person sees it: the BFF in its `prod` profile on
# this machine's PostgreSQL and Redis, the SVG fetched over HTTP, then drawn by headless Chromium
# (Debian package `chromium`) into docs/coverage-map.png, the picture the README shows.
#
#   bench/coverage-map.sh        (MODE=motorbike by default: walk, motorbike or car)
set -Eeuo pipefail
source "$(dirname "$0")/lib.sh"
MODE=${MODE:-motorbike}
command -v chromium >/dev/null || { echo "Chromium is not installed: apt-get install chromium" >&2; exit 1; }

ensure_jars
fresh_database
start_bff bff-map
curl -sf -H "X-Hcc-Identity: $(mint_internal_token anonymous 300)" \
  "http://127.0.0.1:8081/api/v1/coverage/map.svg?mode=$MODE" -o "$OUT/coverage-map.svg"
stop_all

PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"; stop_all' EXIT
# no background networking: this machine's network is closed, and the page is a local file
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$PROFILE" \
  --window-size=1000,900 --screenshot="$ROOT/docs/coverage-map.png" "file://$OUT/coverage-map.svg" 2>/dev/null
echo "docs/coverage-map.png ($(stat -c %s docs/coverage-map.png) bytes) from $OUT/coverage-map.svg"

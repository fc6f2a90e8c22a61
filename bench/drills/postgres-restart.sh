#!/usr/bin/env bash
# PostgreSQL restarted under ingest: DOSSIERS (400) dossiers are filed, then a client posts their
# status events 4, 9, 10 through the gateway, one at a time, retrying anything unanswered, 5xx or 429
# with the same event id (bench/drills/Ingest.java); a few seconds in, the machine's PostgreSQL is
# restarted (pg_ctlcluster ... restart, fast mode). Passes when every event ends answered 200 and the
# database holds each exactly once: 3 events per dossier, every dossier at status 10 and version 4,
# one "result ready" notification per dossier.
#
#   bench/drills/postgres-restart.sh    (about 2 min; restarts the machine's PostgreSQL: other users of
#                                        it lose their connections for a few seconds)
set -Eeuo pipefail
source "$(dirname "$0")/lib.sh"
watchdog 600
DOSSIERS=${DOSSIERS:-400}
CONCURRENCY=${CONCURRENCY:-8}
PACE_MS=${PACE_MS:-40}
RESTART_AFTER=${RESTART_AFTER:-4}
CLUSTER=$(ls /etc/postgresql)

ensure_jars
fresh_database
start_bff bff
start_gateway
KEY=$(make_api_key drill-system system system)
java -Xmx256m bench/LoadGenerator.java file http://127.0.0.1:8080 "$KEY" "$DOSSIERS" 8 "$OUT/receipts.csv"
FILED=$(wc -l <"$OUT/receipts.csv")

java -Xmx256m bench/drills/Ingest.java http://127.0.0.1:8080 "$KEY" "$OUT/receipts.csv" "$CONCURRENCY" "$PACE_MS" 180 \
  "$OUT/events.csv" >"$OUT/ingest.txt" &
INGEST=$!
CLEANUPS+=("kill $INGEST 2>/dev/null")
sleep "$RESTART_AFTER"
T_RESTART=$(now_ms)
pg_ctlcluster --skip-systemctl-redirect "$CLUSTER" main restart
T_BACK=$(now_ms)
echo "PostgreSQL restarted in $((T_BACK - T_RESTART)) ms"
wait "$INGEST"
cat "$OUT/ingest.txt"
await_ready 9081

q() { psql -h 127.0.0.1 -U "$PG_USER" -d "$DB" -Atc "$1"; }
EVENTS=$(wc -l <"$OUT/events.csv")
ANSWERED_200=$(awk -F, '$4 == 200' "$OUT/events.csv" | wc -l)
RETRIED=$(awk -F, '$3 > 1' "$OUT/events.csv" | wc -l)
MAX_ATTEMPTS=$(awk -F, '$3 > m {m = $3} END {print m + 0}' "$OUT/events.csv")
REPLAYED=$(awk -F, '$5 == "replayed"' "$OUT/events.csv" | wc -l)
BEFORE=$(awk -F, -v t="$T_RESTART" '$7 < t' "$OUT/events.csv" | wc -l)
AFTER=$(awk -F, -v t="$T_BACK" '$7 > t' "$OUT/events.csv" | wc -l)
awk -F, '$4 != 200' "$OUT/events.csv" >"$OUT/refused.csv"
STORED=$(q "SELECT count(*) FROM dossier_event WHERE event_id LIKE 'drill-%'")
DISTINCT=$(q "SELECT count(DISTINCT (client_id, event_id)) FROM dossier_event WHERE event_id LIKE 'drill-%'")
PER_DOSSIER_WRONG=$(q "SELECT count(*) FROM dossier d WHERE (SELECT count(*) FROM dossier_event e WHERE e.dossier_id = d.id AND e.kind = 'STATUS') <> 3")
AT_10=$(q "SELECT count(*) FROM dossier WHERE status = 10 AND version = 4")
NOTIFIED=$(q "SELECT count(*) FROM notification WHERE event = 'RESULT_READY'")
NOTIFIED_DOSSIERS=$(q "SELECT count(DISTINCT dossier_code) FROM notification WHERE event = 'RESULT_READY'")

check "events answered 200 in the end (of $EVENTS sent for $FILED dossiers)" "$ANSWERED_200" "==" $((FILED * 3))
check "events retried with the same id (the restart was felt)" "$RETRIED" ">=" 1
check "events stored (rows of dossier_event)" "$STORED" "==" $((FILED * 3))
check "distinct (client, eventId) stored" "$DISTINCT" "==" $((FILED * 3))
check "dossiers without exactly 3 status events" "$PER_DOSSIER_WRONG" "==" 0
check "dossiers at status 10, version 4" "$AT_10" "==" "$FILED"
check "result-ready notifications (one per dossier)" "$NOTIFIED" "==" "$FILED"

finish "PostgreSQL restarted under ingest" "$(cat <<DOC
Command: \`bench/drills/postgres-restart.sh\`. $FILED dossiers filed through the gateway, then
\`bench/drills/Ingest.java\` posted their events 4, 9, 10 (\`POST /api/v1/agent/dossiers/{code}/events\`,
$CONCURRENCY dossiers at a time, ${PACE_MS} ms between events), retrying with the same \`eventId\`. After
${RESTART_AFTER} s: \`pg_ctlcluster --skip-systemctl-redirect $CLUSTER main restart\`, which took $((T_BACK - T_RESTART)) ms.

$BEFORE events were answered before the restart began, $AFTER after PostgreSQL was back; $RETRIED events
needed more than one attempt (at most $MAX_ATTEMPTS), and $REPLAYED of those were answered \`replayed\`
(applied by an earlier attempt whose answer was lost). Retried attempts by answer:
\`$(sed 's/.*answer: //' "$OUT/ingest.txt")\`. Final refusals: $(wc -l <"$OUT/refused.csv") (\`refused.csv\`).
DOC
)"

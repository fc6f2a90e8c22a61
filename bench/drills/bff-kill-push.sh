#!/usr/bin/env bash
# The BFF killed (kill -9) during a burst of status-9 events with pushes in flight, then restarted.
# DOSSIERS (500) dossiers are filed, each owner gets two phones; then a client posts the status events
# 4, 9, 10 of every dossier through the gateway, retrying anything unanswered or 5xx with the same event
# id (bench/drills/Ingest.java), while the real Firebase Admin SDK sends the result-ready pushes to a
# fake FCM on loopback (bench/FakeFcmServer.java). KILL_AFTER seconds in, once pushes are flowing, the
# BFF gets SIGKILL and is started again. Passes when every expected push (two per dossier) reached the
# fake FCM and every message row ends `sent`; repeats (messages the dead BFF had sent but not yet
# recorded, sent again when their lease ran out) are counted and reported.
#
#   bench/drills/bff-kill-push.sh     (about 4 min: the killed BFF's claims wait out their 60 s lease)
set -Eeuo pipefail
source "$(dirname "$0")/lib.sh"
watchdog 900
DOSSIERS=${DOSSIERS:-500}
CONCURRENCY=${CONCURRENCY:-8}
PACE_MS=${PACE_MS:-20}
KILL_AFTER=${KILL_AFTER:-6}

ensure_jars
fresh_database
start_fake_fcm 20
start_bff bff
BFF_PID=${PIDS[-1]}
start_gateway
KEY=$(make_api_key drill-system system system)
java -Xmx256m bench/LoadGenerator.java file http://127.0.0.1:8080 "$KEY" "$DOSSIERS" 8 "$OUT/receipts.csv"
FILED=$(wc -l <"$OUT/receipts.csv")
java -Xmx256m bench/PushBench.java devices http://127.0.0.1:8081 "$DOSSIERS" | tee "$OUT/devices.txt"
EXPECTED=$((2 * FILED))

java -Xmx256m bench/drills/Ingest.java http://127.0.0.1:8080 "$KEY" "$OUT/receipts.csv" "$CONCURRENCY" "$PACE_MS" 300 \
  "$OUT/events.csv" >"$OUT/ingest.txt" &
INGEST=$!
CLEANUPS+=("kill $INGEST 2>/dev/null")
sleep "$KILL_AFTER"
AT_KILL=$(curl -s "$FCM/stats")
kill -9 "$BFF_PID"
T_KILL=$(now_ms)
echo "BFF killed; fake FCM had $AT_KILL"
sleep 2
start_bff bff-restarted
T_BACK=$(now_ms)
echo "BFF ready again after $((T_BACK - T_KILL)) ms"
wait "$INGEST"
cat "$OUT/ingest.txt"
# the dead BFF's claimed messages fall due again when their 60 s lease runs out
java -Xmx256m bench/PushBench.java drain "$FCM" "$EXPECTED" 180 | tee "$OUT/drain.txt"
T_DONE=$(now_ms)

q() { psql -h 127.0.0.1 -U "$PG_USER" -d "$DB" -Atc "$1"; }
# Every message at FCM is not yet every message recorded: those the killed BFF had handed to FCM but
# not recorded stay pending until their lease runs out, then go again (the repeats below) and are
# recorded. Wait for that (at most 90 s), so that the count of recorded messages is the final one.
for _ in $(seq 1 90); do
  [[ $(q "SELECT count(*) FROM push_message WHERE state = 'pending'") == 0 ]] && break
  sleep 1
done
number() { sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p" <<<"$2"; }
STATS=$(curl -s "$FCM/stats")
ANSWERED_200=$(awk -F, '$4 == 200' "$OUT/events.csv" | wc -l)
RETRIED=$(awk -F, '$3 > 1' "$OUT/events.csv" | wc -l)
ROWS=$(q "SELECT count(*) FROM push_message")
SENT=$(q "SELECT count(*) FROM push_message WHERE state = 'sent'")

check "events answered 200 in the end" "$ANSWERED_200" "==" $((FILED * 3))
check "events retried with the same id (the kill was felt)" "$RETRIED" ">=" 1
check "pushes at FCM before the kill (pushes were in flight)" "$(number distinct "$AT_KILL")" ">=" 1
check "pushes at FCM before the kill (not all done yet)" "$(number distinct "$AT_KILL")" "<=" $((EXPECTED - 1))
check "push messages queued (two phones per dossier)" "$ROWS" "==" "$EXPECTED"
check "distinct pushes that reached the fake FCM" "$(number distinct "$STATS")" "==" "$EXPECTED"
check "push messages recorded sent" "$SENT" "==" "$EXPECTED"
check "pushes received more than once (reported)" "$(number duplicates "$STATS")" "<=" 500

finish "the BFF killed with pushes in flight" "$(cat <<DOC
Command: \`bench/drills/bff-kill-push.sh\`. $FILED dossiers filed through the gateway, two phones
registered for each owner; then \`bench/drills/Ingest.java\` posted the events 4, 9, 10 of every dossier
($CONCURRENCY dossiers at a time, ${PACE_MS} ms apart), retrying with the same \`eventId\`, while the BFF's
dispatcher sent the pushes through the real Firebase Admin SDK to \`bench/FakeFcmServer.java\` (20 ms
an answer). After ${KILL_AFTER} s the BFF got \`kill -9\` (the fake FCM had \`$AT_KILL\`) and was started
again; it was ready $((T_BACK - T_KILL)) ms after the kill, and the last push arrived
$(( (T_DONE - T_KILL) / 1000 )) s after the kill (a dead dispatcher's claims wait out their 60 s lease).
$RETRIED events needed more than one attempt. Repeats are messages the killed BFF had handed to FCM
but not yet recorded: at least once, and the collapse key shows the phone one notification per dossier.
Drain: \`$(cat "$OUT/drain.txt")\`.
DOC
)"

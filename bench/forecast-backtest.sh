#!/usr/bin/env bash
# The expected-completion forecast's backtest, no services started: a SYNTHETIC year of dossier
# history (seeded: the same SEED gives the same history) written into a scratch database through
# the BFF's own tables and migrations, then the production Forecaster trained on the results before
# a cutoff (nine months in) and every later dossier forecast from its state at receipt, at 25, 50
# and 75 % of its real working time and at weekly snapshots, scored against what happened; then the
# same on the local run's ~300 demo dossiers, to show what it says of little data. Figures to the
# "Forecast backtest" section of docs/BENCHMARKS.md; raw Markdown and the JVMs' log in
# target/bench/forecast-backtest/. Databases hcc_backtest and hcc_backtest_demo on this machine's
# PostgreSQL (127.0.0.1:5432, trust), dropped and created again by each run, kept afterwards.
#
#   bench/forecast-backtest.sh                          (~5 min)
#   SEED=7 DOSSIERS=20000 bench/forecast-backtest.sh    (another synthetic history)
#   bench/forecast-backtest.sh --database 'jdbc:postgresql://127.0.0.1:PORT/hcc?user=postgres'
#       (the backtest alone on that database, e.g. the local run's: ./run-local.sh prints it as
#        postgresql://postgres@127.0.0.1:PORT/hcc; nothing written to it, nor to BENCHMARKS.md;
#        CUTOFF=yyyy-mm-dd sets the cutoff)
set -Eeuo pipefail
source "$(dirname "$0")/lib.sh"

SEED=${SEED:-20251101}
DOSSIERS=${DOSSIERS:-60000}
CUTOFF=${CUTOFF:-}
DATABASE_URL=""
while (($#)); do
  case $1 in
    --database) DATABASE_URL=${2:?--database needs a JDBC URL}; shift 2 ;;
    *) echo "usage: bench/forecast-backtest.sh [--database <jdbc url>]" >&2; exit 2 ;;
  esac
done

WORK=$OUT/forecast-backtest
started=$SECONDS
echo "forecast-backtest: building the test classes"
build_test_classes "$WORK"
tool() { # class, arguments
  local class=$1
  shift
  java -Xmx1g -cp "$CLASSPATH" -Dlogback.configurationFile="$WORK/logback.xml" "vn.hanoi.hcc.bff.forecast.$class" "$@"
}

if [[ -n $DATABASE_URL ]]; then
  echo "forecast-backtest: on ${DATABASE_URL%%\?*}"
  tool ForecastBacktestTool "$DATABASE_URL" "$WORK/database.md" ${CUTOFF:+"$CUTOFF"}
  echo
  echo "forecast-backtest: done in $((SECONDS - started)) s; $WORK/database.md (not written to docs/BENCHMARKS.md)"
  exit 0
fi

scratch() { # database name -> its JDBC URL, the database fresh
  psql -h 127.0.0.1 -U "$PG_USER" -d postgres -q -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"
  printf 'jdbc:postgresql://127.0.0.1:5432/%s?user=%s' "$1" "$PG_USER"
}

SYNTHETIC=$(scratch hcc_backtest)
echo "forecast-backtest: generating $DOSSIERS synthetic dossiers (seed $SEED)"
generation_started=$SECONDS
GENERATED=$(tool SyntheticHistoryTool "$SYNTHETIC" "$SEED" "$DOSSIERS")
GENERATION_SECONDS=$((SECONDS - generation_started))
echo "forecast-backtest: $GENERATED ($GENERATION_SECONDS s); backtest"
backtest_started=$SECONDS
tool ForecastBacktestTool "$SYNTHETIC" "$WORK/synthetic.md" ${CUTOFF:+"$CUTOFF"} >/dev/null
BACKTEST_SECONDS=$((SECONDS - backtest_started))

echo "forecast-backtest: the memory of 10,000 distributions"
MEMORY=$(tool ForecastMemoryTool 10000)

DEMO=$(scratch hcc_backtest_demo)
echo "forecast-backtest: the local run's demo dossiers"
tool SyntheticHistoryTool "$DEMO" demo
tool ForecastBacktestTool "$DEMO" "$WORK/demo.md" >/dev/null

COMMAND="bench/forecast-backtest.sh"
[[ $SEED == 20251101 && $DOSSIERS == 60000 ]] || COMMAND="SEED=$SEED DOSSIERS=$DOSSIERS $COMMAND"
[[ -z $CUTOFF ]] || COMMAND="CUTOFF=$CUTOFF $COMMAND"
SECTION=$(cat <<EOF
<!-- bench:forecast-backtest -->
## Forecast backtest (\`$COMMAND\`)

$(date -u +%Y-%m-%d). $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p' | head -1)), $(java -version 2>&1 | head -1),
PostgreSQL $(psql -h 127.0.0.1 -U "$PG_USER" -d postgres -Atc 'SHOW server_version'), load average $(loadavg).
Generation and writing $GENERATION_SECONDS s, backtest $BACKTEST_SECONDS s (reading, training twice, every forecast).

**The history is synthetic**: made up from a seed by \`SyntheticHistory\` (mobile-bff's test classes),
not observed. It follows the demo procedures (\`seed/hanoi/demo_procedures.csv\`: real names, their
statutory working days) at Hanoi's real service points, and every rate in it is an assumption named
in its Javadoc: intake by ward population, on working days, with the rush before Tết; the legal due
time = receipt + the procedure's working days on the Center's calendar (V5's holidays, Tết 2026
among them); the working time a dossier needs log-normal around half its legal time, each agency
(a ward's committee for commune-level procedures, a branch group's office for land and
construction) with its own speed, slower around Tết, 4 in 100 stuck three times as long; requests
for documents (5) and payment (6) answered days later or never (withdrawn, stopped), the due time
moved by the paused time as the service moves it; half the dossiers about to run late given an
apology slip (\`DUE_EXTENDED\`) shortly before their due time; results collected days later, at once
when electronic. Every row goes through the service's own \`DossierChange\` (legal transitions,
versions, fingerprints). It says how the forecast behaves on history of that shape, not how
accurate it will be on Hanoi's: the same command on the Center's database will.

Generated: $GENERATED.

How to read it. The backtest runs the production \`Forecaster\` (minimum 30 comparable dossiers,
fallback procedure@agency → procedure → field → none, conditional on the working time already spent)
on distributions built from the results before the cutoff, as the refresher would have built them
then, and never refreshed during the three months tested (production refreshes every minute: the
figures err on the stale side). Errors are in working hours between the median remaining time and
the real one (pauses excluded on both sides); the naive baseline forecasts the legal due time in
force (remaining = working time to it) and flags "late" only once overdue. "Result by the 80 %
bound" is the share of forecasts made whose result came by the bound: as an instant (what the
citizen reads: a later pause pushes the result past it) and in working time (what the model claims).
Only the receipt row and the weekly snapshots (every running dossier on Wednesdays at 10:00, as a
citizen would look) test calibration fairly: a dossier observed at 25, 50 or 75 % of its real
working time is known to have a third, a half… of that time left, so the bound covers more there by
construction, and "likely late" finds it easier. Precision and recall count every forecast asked
(no forecast = not flagged) against the dossiers whose result came after their due time in force;
a dossier waiting for the citizen is not overdue (its due time moves while it waits, as the timing
class says). "Before overdue" counts only the dossiers not yet overdue at that point: the warning
the Center gets ahead of time, which the baseline never gives.

### A synthetic year, seed $SEED

$(cat "$WORK/synthetic.md")

### Memory per 10,000 procedure × agency pairs (\`ForecastMemoryTool\`, a JVM of its own)

$MEMORY Every replica holds the table of every level (procedure × agency, procedure, field); the
first is by far the largest.

### The local run's demo dossiers (\`DemoDossiers\`, the same code as \`./run-local.sh\` seeds with)

$(cat "$WORK/demo.md")
<!-- /bench:forecast-backtest -->
EOF
)
write_section forecast-backtest "$SECTION" >/dev/null
echo "forecast-backtest: docs/BENCHMARKS.md, section \"Forecast backtest\" written (+$((SECONDS - started)) s); raw in $WORK/"

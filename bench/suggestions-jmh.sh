#!/usr/bin/env bash
# The suggestions of new sites (POST /api/v1/coverage/suggestions), JMH: 10 sites over the whole of
# Hanoi by motorbike at the default target, candidates by ward (126) and by grid (1 km cells holding
# population samples), each computed afresh on one thread, on the active points and wards of a
# freshly migrated benchmark database (this machine's PostgreSQL, database hcc_bench). Run it
# alone, on an idle machine (it refuses when the load average is 1.5 or more, unless FORCE=1).
# Results go to target/bench/suggestions-jmh.json and docs/BENCHMARKS.md.
#
#   bench/suggestions-jmh.sh        (FORKS=2 ITERATIONS=5 by default)
set -Eeuo pipefail
source "$(dirname "$0")/lib.sh"
FORKS=${FORKS:-2}
ITERATIONS=${ITERATIONS:-5}

LOAD=$(loadavg)
if [[ ${FORCE:-0} != 1 ]] && awk -v load="${LOAD%% *}" 'BEGIN { exit !(load >= 1.5) }'; then
  echo "load average $LOAD: not measured (run it alone, or FORCE=1)" >&2
  exit 1
fi
ensure_jars
fresh_database
migrate_database

./mvnw -q -B -pl mobile-bff -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt
CLASSPATH="mobile-bff/target/test-classes:mobile-bff/target/classes:$(cat mobile-bff/target/bench-classpath.txt)"
java -Xmx1g -cp "$CLASSPATH" org.openjdk.jmh.Main 'CoverageBenchmark.suggestTen' -f "$FORKS" -wi 3 -w 2s \
  -i "$ITERATIONS" -r 2s -jvmArgs "-Xmx1g -Dbench.jdbc=jdbc:postgresql://127.0.0.1:5432/$DB?user=$PG_USER" \
  -rf json -rff "$OUT/suggestions-jmh.json" | tee "$OUT/suggestions-jmh.txt"

TABLE=$(python3 - "$OUT/suggestions-jmh.json" <<'PY'
import json, sys
score = {r["benchmark"].rsplit(".", 1)[-1]: r["primaryMetric"] for r in json.load(open(sys.argv[1]))}
lines = ["| 10 new sites over Hanoi, motorbike, 5 km / 30 min | time |", "|---|---|"]
for name, label in (("suggestTenByWard", "candidates by ward (126)"), ("suggestTenByGrid", "candidates by 1 km grid")):
    m = score[name]
    lines.append("| %s | %.0f ± %.0f %s |" % (label, m["score"], m["scoreError"], m["scoreUnit"]))
print("\n".join(lines))
PY
)
POINTS=$(psql -h 127.0.0.1 -U "$PG_USER" -d "$DB" -Atc "SELECT count(*) FROM service_point WHERE active")

SECTION=$(cat <<EOF2
<!-- bench:suggestions-jmh -->
## Suggestions of new sites, JMH (\`bench/suggestions-jmh.sh\`)

$(date -u +%Y-%m-%d). $(machine), load average before the run $LOAD. JMH $FORKS forks × $ITERATIONS
iterations of 2 s after 3 × 2 s of warm-up, average time per answer ± the 99.9 % confidence
interval. \`CoverageSuggester\` on one thread, as one suggestions worker computes it: the baseline
over Hanoi's population samples ($POINTS active points), every candidate's reach as a bit set, then
10 greedy steps; never from the service's cache. Target: under 2 s.

$TABLE

Raw results: \`target/bench/suggestions-jmh.json\`.
<!-- /bench:suggestions-jmh -->
EOF2
)
write_section suggestions-jmh "$SECTION"

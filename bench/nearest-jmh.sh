#!/usr/bin/env bash
# Nearest-point and coverage benchmarks (JMH): one nearest query (the 5 nearest with distances)
# in memory and in PostGIS KNN on the same points and origins, for Hanoi's active points and a
# synthetic national set of 10,000; and the full coverage computation of Hanoi. The PostGIS side
# runs on this machine's PostgreSQL (database hcc_bench, extension postgis: Debian package
# postgresql-15-postgis-3) over JDBC on loopback. Results go to target/bench/jmh.json and
# docs/BENCHMARKS.md.
#
#   bench/nearest-jmh.sh        (FORKS=3 ITERATIONS=5 by default)
set -Eeuo pipefail
source "$(dirname "$0")/lib.sh"
FORKS=${FORKS:-3}
ITERATIONS=${ITERATIONS:-5}

if ! psql -h 127.0.0.1 -U "$PG_USER" -d postgres -Atc "SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'" \
    | grep -q 1; then
  echo "PostGIS is not installed: apt-get install postgresql-15-postgis-3" >&2
  exit 1
fi
ensure_jars
fresh_database
migrate_database
psql -h 127.0.0.1 -U "$PG_USER" -d "$DB" -q -c "CREATE EXTENSION IF NOT EXISTS postgis"

./mvnw -q -B -pl mobile-bff -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt
CLASSPATH="mobile-bff/target/test-classes:mobile-bff/target/classes:$(cat mobile-bff/target/bench-classpath.txt)"
java -Xmx1g -cp "$CLASSPATH" -Dbench.jdbc="jdbc:postgresql://127.0.0.1:5432/$DB?user=$PG_USER" \
  org.openjdk.jmh.Main 'NearestPointBenchmark|CoverageBenchmark' -f "$FORKS" -wi 3 -w 1s -i "$ITERATIONS" -r 1s \
  -jvmArgs "-Xmx1g -Dbench.jdbc=jdbc:postgresql://127.0.0.1:5432/$DB?user=$PG_USER" \
  -rf json -rff "$OUT/jmh.json" | tee "$OUT/jmh.txt"

TABLE=$(python3 - "$OUT/jmh.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))
score = {}
for r in results:
    name = r["benchmark"].rsplit(".", 2)
    key = (name[-2], name[-1], r.get("params", {}).get("network", ""))
    score[key] = (r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"], r["primaryMetric"]["scoreUnit"])
lines = ["| query | in memory | PostGIS KNN | ratio |", "|---|---|---|---|"]
for network, label in (("hanoi", "Hanoi, %s active points"), ("national", "national synthetic, 10,000 points")):
    mem = score[("NearestPointBenchmark", "inMemory", network)]
    pg = score[("NearestPointBenchmark", "postgis", network)]
    lines.append("| 5 nearest, %s | %.2f ± %.2f µs | %.1f ± %.1f µs | %.0f× |" % (
        label, mem[0], mem[1], pg[0], pg[1], pg[0] / mem[0]))
cov = score[("CoverageBenchmark", "report", "")]
scratch = score[("CoverageBenchmark", "fromScratch", "")]
lines.append("")
lines.append("| coverage of Hanoi by motorbike (126 wards) | time |")
lines.append("|---|---|")
lines.append("| report from the sampled wards (a network change) | %.1f ± %.1f ms |" % cov[:2])
lines.append("| from scratch: sampling the ward polygons, then the report (startup) | %.1f ± %.1f ms |" % scratch[:2])
print("\n".join(lines))
PY
)
POINTS=$(psql -h 127.0.0.1 -U "$PG_USER" -d "$DB" -Atc "SELECT count(*) FROM service_point WHERE active")
TABLE=${TABLE//%s active points/$POINTS active points}
POSTGIS=$(psql -h 127.0.0.1 -U "$PG_USER" -d "$DB" -Atc "SELECT extversion FROM pg_extension WHERE extname = 'postgis'")

SECTION=$(cat <<EOF
<!-- bench:nearest-jmh -->
## Nearest point and coverage, JMH (\`bench/nearest-jmh.sh\`)

$(date -u +%Y-%m-%d). $(machine), PostGIS $POSTGIS. JMH $FORKS forks × $ITERATIONS iterations of 1 s after 3 s
of warm-up, average time per operation ± the 99.9 % confidence interval. Both sides answer the same
question for the same 4,096 origins in turn: the 5 nearest points with their geodesic distances.
In memory: \`PointSnapshot.nearest\` (JTS STRtree, Vincenty on WGS84). PostGIS:
\`ORDER BY geog <-> origin LIMIT 5\` on a GiST-indexed \`geography\` column with \`ST_Distance\`,
a prepared statement over JDBC on loopback (what the BFF would pay per query). Target: in memory
≥ 10× faster than PostGIS; the full coverage computation under 1 s.

$TABLE

Raw results: \`target/bench/jmh.json\`.
<!-- /bench:nearest-jmh -->
EOF
)
write_section nearest-jmh "$SECTION"

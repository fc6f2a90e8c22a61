#!/usr/bin/env bash
# The embedded road graph (GraphHopper on OpenStreetMap), in memory, no services started: on the
# fixture extract the import, the travel times of a nearest query beside the heuristic's, a
# coverage recomputation, the heuristic's calibration against the roads and how deep the quickest
# point lies in the geodesic order; on a synthetic grid of the size projected for the whole city,
# the import, the heap and the shortest-path trees. One JVM per stage
# (vn.hanoi.hcc.bff.routing.RoadGraphBench in mobile-bff's test classes); figures to
# docs/BENCHMARKS.md, one subsection per stage headed by the command that produced it, raw
# Markdown and the JVMs' log in target/bench/road-graph/.
#
#   bench/road-graph.sh                          (every stage, ~30 min, most of it the city grid)
#   STAGES="nearest shortlist" bench/road-graph.sh  (those stages; the others keep their last figures)
#   STAGES=city JUNCTIONS=5000 bench/road-graph.sh  (a small grid)
set -Eeuo pipefail
source "$(dirname "$0")/lib.sh"

STAGES=${STAGES:-import nearest coverage calibration shortlist city}
# what each stage reads, with its default; a stage's command in the section names its settings
declare -A DEFAULTS=(
  [IMPORTS]=5 [WARMUP]=2000 [ITERATIONS]=5000 [POINTS]=20 [SAMPLES]=10000 [REPEATS]=30 [PAIRS]=2000
  [ORIGINS]=1000 [JUNCTIONS]=420000 [SPACING]=90 [TREES]=5 [COVERAGE_POINTS]=156 [COVERAGE_REPEATS]=3
  [CITY_QUERIES]=500 [HEAP]=1g [CITY_HEAP]=6g)
declare -A READS=(
  [import]="IMPORTS HEAP" [nearest]="WARMUP ITERATIONS HEAP" [coverage]="POINTS SAMPLES REPEATS HEAP"
  [calibration]="PAIRS HEAP" [shortlist]="ORIGINS HEAP"
  [city]="JUNCTIONS SPACING TREES COVERAGE_POINTS COVERAGE_REPEATS CITY_QUERIES CITY_HEAP")
declare -A TITLES=(
  [import]="Import of the extract" [nearest]="Nearest query: road engine and heuristic"
  [coverage]="Coverage recomputation on the extract" [calibration]="The heuristic against the roads"
  [shortlist]="How many candidates the nearest query must route"
  [city]="City scale: a synthetic grid of the projected size, not Hanoi")
for name in "${!DEFAULTS[@]}"; do
  [[ -n ${!name:-} ]] || printf -v "$name" '%s' "${DEFAULTS[$name]}"
done
for stage in $STAGES; do
  [[ -n ${READS[$stage]:-} ]] || { echo "no stage $stage (import nearest coverage calibration shortlist city)" >&2; exit 2; }
done
# What a stage measures and how to read it: the prose above its table.
describe() { # stage, or intro
  case $1 in
    intro) cat <<'TXT'
The embedded road engine (GraphHopper 11 on OpenStreetMap: profiles motorcycle for the motorbike,
foot and car, contraction hierarchies on) in memory, no services started. Every stage but the last
runs on the fixture extract `mobile-bff/src/main/resources/osm/van-mieu-quoc-tu-giam.osm` (central
Hanoi around the Temple of Literature, 1.3 km × 0.8 km); the last on a synthetic grid. The engine is
the production one (`GraphHopperEngine`) with `hcc.bff.travel` of config/mobile-bff/application.yml
(snap distance 200 m, 2 routing workers, the 250 ms budget, the modes), only the graph's location
changed; trips leave at the coverage's reference time. Every random draw is seeded, so that two runs
measure the same trips. One JVM per stage (`vn.hanoi.hcc.bff.routing.RoadGraphBench`, mobile-bff's
test classes); each stage's command reproduces its figures. Percentiles are nearest-rank over the
sorted samples.
TXT
      ;;
    import) cat <<'TXT'
`RoadGraph.build` (the graph job's work: reading the extract, three profiles, their contraction
hierarchies) into a fresh temporary directory each time, the first in a cold JVM as the job runs
it. Then the last graph opened as the BFF opens it and weighed: the used heap after full
collections with it open minus before (GraphHopper keeps the graph in arrays on the heap). Its
files grow in 1 MiB segments, so a graph this small weighs mostly its segments' rounding.
TXT
      ;;
    nearest) cat <<'TXT'
The travel times of one nearest query by motorbike: an origin on the extract's roads to its K
geodesically nearest of 60 synthetic points on the roads. *Heuristic only*: `TravelTimes` without an
engine. *Road engine*: the production path, `TravelTimes.from` → `GraphHopperEngine` (a routing
worker, the budget) → `RoadGraph.routes`: the origin and each destination placed on the roads
once, then one contraction-hierarchy query per destination), waited for as a request waits for it.
*One route per destination*: `RoadGraph.route` for each destination on the calling thread, placing
the origin again each time (how the engine routed before it batched). The three take turns query by
query. Not included: the geodesic search for the candidates
(`PointSnapshot.nearest`, see the JMH section). *Times from the roads*: the share of answers the
road engine timed (the rest got the heuristic's).
TXT
      ;;
    coverage) cat <<'TXT'
What a coverage recomputation costs on the roads, by motorbike: `TravelTimes.reach` (→
`RoadReach.compute`: one shortest-path tree per point, grown backwards from it, bounded at the
target less the overhead, merged into the quickest time from every junction) for synthetic points on
the extract's roads, then `RoadReach.minutesFrom` for samples drawn uniformly over the extract, as a
ward's are (Hanoi's coverage has about 10,000: 3 per km², 40 to 400 per ward). One tree's bound
reaches far beyond the extract, so every tree here is small: the city-scale stage has the trees
that matter.
TXT
      ;;
    calibration) cat <<'TXT'
Pairs of positions drawn along the extract's ways (footways included), at least 300 m apart, each
within 10 m of the mode's roads, routed with the mode's profile. Road ÷ geodesic distance is what
`hcc.bff.travel.modes.*.detour-factor` stands for; road distance ÷ free-flow time is the speed
GraphHopper's profile gives the roads taken, what `base-kmh` would be if traffic moved at those
speeds outside the rush hours (`base-kmh` is a door-to-door speed with ordinary congestion, so the
free-flow speed is an upper bound for it; the road engine's own times are free-flow, slowed only by
the bands). The suggestion is the two medians.

**Bias.** The extract is 1.3 km × 0.8 km, so every pair lies between 300 m and about 1.5 km apart,
most under 900 m, while a citizen's trip to a service point is typically 1 to 5 km. Detours are
proportionally larger on short trips (the first and last blocks, one-way loops, reaching a
crossing), and no route can leave the extract to go round a block outside it, so the median
detour here overstates the city's; short trips also keep to slow local streets, so the median
speed understates it. The bands show the trend: the ≥ 900 m column is the nearer figure, and only
a city-wide extract gives the real one.
TXT
      ;;
    shortlist) cat <<'TXT'
For seeded origins on the extract's roads and 60 synthetic points on them, every point timed door to
door as a nearest query times it (the road engine's time where the graph routes it, the heuristic's
where not), then the geodesic rank (1 = nearest) of the quickest point, and the deepest rank among
the 5 quickest. The columns "beyond the first batch" say how often a fixed shortlist of the first
batch a nearest query routes (max(3 × limit, 10) geodesically nearest) would have missed a quicker
point: why the query goes on routing batches until a distance bound proves nothing further can be
quicker (mobile-bff/README.md, "Travel times on real roads"). 60 points on about a square
kilometre is a far denser network than Hanoi's (about 160 points on 3,359 km²): candidates a few
hundred metres apart are reordered by the roads much more than candidates kilometres apart, so these
ranks are an upper bound for the city.
TXT
      ;;
    city) cat <<'TXT'
**A synthetic grid of the projected size, not Hanoi.** Hanoi's OpenStreetMap extract (about 50 MB
of PBF) is about 450 times the fixture's (112 KB of PBF, 940 junctions after import), so the whole
city is projected at about 420,000 junctions. `SyntheticCityOsm` (seeded) writes a square grid of
that many junctions 90 m apart (about 58 km × 58 km, near Hanoi's 3,359 km²), junctions jittered, a
shape node bending each block, every 5th street secondary and every 10th primary (named, paved,
maxspeed), the rest residential, 15 % of the ways one-way, 8 % of the residential ones footways or
pedestrian streets. A real city has irregular streets, fewer four-way crossings, dense alleys in
its core and sparse roads in its rural districts, so its trees reach differently: these figures
give the order of magnitude of the import, the memory and the trees. A grid also has less
hierarchy than real roads (many routes of equal cost), so its contraction hierarchies take longer
to prepare and answer than a real city's of the same size: the import and the nearest query here
err on the slow side. The tree is bounded as the
coverage bounds it (the 30 min target less the motorbike's 2 min overhead); the recomputation
grows one tree for each of the points spread uniformly over the grid. The BFF pod's heap ceiling
is 614 MiB (k8s/README.md, Sizing): the loaded graph has to fit beside everything else in it.
TXT
      ;;
  esac
}

WORK=$OUT/road-graph
# the extract's graph is built afresh by every run: a graph built by older code may differ
rm -rf "$WORK/extract-graph"
started=$SECONDS
echo "road-graph: building the test classes"
build_test_classes "$WORK"

# The command that reproduces a stage's figures: its settings, then the script.
command_of() { # stage
  local line="STAGES=$1" name
  for name in ${READS[$1]}; do line+=" $name=${!name}"; done
  printf '%s bench/road-graph.sh' "$line"
}

for stage in $STAGES; do
  echo "road-graph: $stage (+$((SECONDS - started)) s)"
  heap=$HEAP
  [[ $stage == city ]] && heap=$CITY_HEAP
  rm -f "$WORK/$stage.md" "$WORK/$stage.body.md"
  stage_started=$SECONDS
  java "-Xmx$heap" ${BENCH_JAVA_OPTS:-} -cp "$CLASSPATH" -Dlogback.configurationFile="$WORK/logback.xml" \
    -Dbench.work="$WORK" -Dbench.out="$WORK/$stage.body.md" \
    -Dbench.imports="$IMPORTS" -Dbench.warmup="$WARMUP" -Dbench.iterations="$ITERATIONS" \
    -Dbench.points="$POINTS" -Dbench.samples="$SAMPLES" -Dbench.repeats="$REPEATS" -Dbench.pairs="$PAIRS" \
    -Dbench.origins="$ORIGINS" -Dbench.junctions="$JUNCTIONS" -Dbench.spacing="$SPACING" -Dbench.trees="$TREES" \
    -Dbench.coverage-points="$COVERAGE_POINTS" -Dbench.coverage-repeats="$COVERAGE_REPEATS" \
    -Dbench.city-queries="$CITY_QUERIES" \
    vn.hanoi.hcc.bff.routing.RoadGraphBench "$stage"
  {
    printf '### %s\n\n`%s`: %s, -Xmx%s, load average %s, %d s.\n\n' "${TITLES[$stage]}" "$(command_of "$stage")" \
      "$(date -u +%Y-%m-%d)" "$heap" "$(loadavg)" "$((SECONDS - stage_started))"
    describe "$stage"
    printf '\n\n'
    cat "$WORK/$stage.body.md"
    printf '\n'
  } >"$WORK/$stage.md"
  echo "road-graph: $stage done in $((SECONDS - stage_started)) s"
done

BODY=""
for stage in import nearest coverage calibration shortlist city; do
  [[ -f $WORK/$stage.md ]] && BODY+=$(cat "$WORK/$stage.md")$'\n\n'
done
SECTION=$(cat <<EOF
<!-- bench:road-graph -->
## Road graph (\`bench/road-graph.sh\`)

$(date -u +%Y-%m-%d). $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p' | head -1)), $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1).
$(describe intro)

${BODY%$'\n\n'}
<!-- /bench:road-graph -->
EOF
)
write_section road-graph "$SECTION" >/dev/null
echo "road-graph: docs/BENCHMARKS.md, section \"Road graph\" written (+$((SECONDS - started)) s); raw in $WORK/"

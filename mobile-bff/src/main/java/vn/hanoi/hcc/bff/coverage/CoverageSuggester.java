package vn.hanoi.hcc.bff.coverage;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.stereotype.Component;
import vn.hanoi.hcc.bff.error.BusyException;
import vn.hanoi.hcc.bff.geo.Geodesy;
import vn.hanoi.hcc.bff.geo.LatLon;
import vn.hanoi.hcc.bff.point.PointSnapshot;
import vn.hanoi.hcc.bff.routing.HeuristicTravelTimes;
import vn.hanoi.hcc.bff.routing.TravelProperties;

/**
 * Where k new points would bring the most people within target: the greedy algorithm for maximum
 * coverage. Each candidate's reach is worked out once, as the set of the population's samples it
 * would bring within target (a bit set); then each step takes the candidate whose set adds the most
 * people to those already within target, and adds it. Coverage is submodular (a site adds no more
 * once others are built than before), so the k sites found reach at least 1 − 1/e (63 %) of the
 * best k sites' gain.
 *
 * <p>Trips are timed by the heuristic alone (distance × detour ÷ speed + overhead, at the
 * reference time), to the baseline's points as to the candidates: under it a site covers a disk,
 * whose radius is worked out once from the target. A road tree per candidate, as the report grows
 * for each active point, costs about 44 ms each on Hanoi's roads (docs/BENCHMARKS.md): thousands of
 * grid candidates would take minutes.
 */
@Component
class CoverageSuggester {

    /** A candidate this close to an active point is that point: never suggested. */
    static final double SAME_SITE_METERS = 50;

    private static final double FARTHEST_REACH_METERS = 200_000;
    private static final int DEADLINE_CHECKS_EVERY = 64;

    private final HeuristicTravelTimes model;

    CoverageSuggester(HeuristicTravelTimes model) {
        this.model = model;
    }

    /**
     * @param deadline a {@link System#nanoTime()} beyond which the computation gives up
     * @throws BusyException when the deadline passes first
     */
    Suggestions suggest(
            List<Ward> wards,
            PointSnapshot network,
            SuggestionQuery query,
            LocalTime at,
            double gridStepKm,
            long deadline) {
        PointSnapshot open = WhatIfNetwork.of(network, List.of(), query.exclude(), "exclude");
        double reach = reachMeters(query, at);
        Population people = Population.of(wards);
        BitSet covered = new BitSet(people.size());
        if (!open.points().isEmpty()) {
            for (int i = 0; i < people.size(); i++) {
                if (open.nearest(people.position(i), 1, point -> true).get(0).distanceMeters() <= reach) {
                    covered.set(i);
                }
            }
        }
        List<LatLon> candidates = new ArrayList<>();
        for (LatLon candidate : candidates(query, wards, people, gridStepKm)) {
            if (open.points().isEmpty()
                    || open.nearest(candidate, 1, point -> true).get(0).distanceMeters() > SAME_SITE_METERS) {
                candidates.add(candidate);
            }
        }
        List<BitSet> reaches = new ArrayList<>(candidates.size());
        for (int c = 0; c < candidates.size(); c++) {
            checkDeadline(c, deadline);
            BitSet newly = people.within(candidates.get(c), reach);
            newly.andNot(covered);
            reaches.add(newly);
        }
        double baselineCovered = people.weight(covered);
        List<Suggestions.Site> sites = new ArrayList<>();
        double coveredPeople = baselineCovered;
        for (int rank = 1; rank <= query.count(); rank++) {
            int best = -1;
            double bestGain = 0;
            for (int c = 0; c < reaches.size(); c++) {
                checkDeadline(c, deadline);
                double gain = people.weightOutside(reaches.get(c), covered);
                if (gain > bestGain) {
                    best = c;
                    bestGain = gain;
                }
            }
            if (best < 0) {
                break;
            }
            BitSet newly = (BitSet) reaches.get(best).clone();
            newly.andNot(covered);
            covered.or(newly);
            coveredPeople += bestGain;
            LatLon site = candidates.get(best);
            sites.add(new Suggestions.Site(
                    rank,
                    site.lat(),
                    site.lon(),
                    Math.round(bestGain),
                    share(coveredPeople, people.total()),
                    people.served(newly, wards)));
        }
        return new Suggestions(
                query.mode(),
                query.target(),
                query.candidates().name().toLowerCase(Locale.ROOT),
                candidates.size(),
                new Suggestions.Baseline(
                        network.version(),
                        open.points().size(),
                        Math.round(people.total()),
                        Math.round(baselineCovered),
                        share(baselineCovered, people.total())),
                sites);
    }

    /**
     * The farthest a site reaches under the heuristic and the target: within the distance, or
     * within the minutes (the heuristic's time grows with the distance, so a bisection finds it).
     */
    double reachMeters(SuggestionQuery query, LocalTime at) {
        TravelProperties.Target target = query.target();
        double low = 0;
        double high = FARTHEST_REACH_METERS;
        if (model.minutes(query.mode(), 0, at) > target.maxTravelMinutes()) {
            high = 0;
        }
        while (high - low > 0.5) {
            double middle = (low + high) / 2;
            if (model.minutes(query.mode(), middle, at) <= target.maxTravelMinutes()) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return Math.max(target.maxDistanceKm() * 1000, low);
    }

    private static List<LatLon> candidates(SuggestionQuery query, List<Ward> wards, Population people, double stepKm) {
        switch (query.candidates()) {
            case LIST:
                return query.positions();
            case GRID:
                return grid(people, stepKm);
            default:
                return wards.stream()
                        .map(ward -> {
                            Coordinate inside =
                                    ward.boundary().getInteriorPoint().getCoordinate();
                            return new LatLon(inside.y, inside.x);
                        })
                        .toList();
        }
    }

    /** The centres of the grid's cells holding any sample, in a fixed order (south to north, west to east). */
    private static List<LatLon> grid(Population people, double stepKm) {
        double latStep = Geodesy.latitudeSpan(stepKm * 1000);
        double lonStep = Geodesy.longitudeSpan(stepKm * 1000, people.maxAbsLatitude());
        TreeMap<Long, LatLon> cells = new TreeMap<>();
        for (int i = 0; i < people.size(); i++) {
            LatLon sample = people.position(i);
            long row = (long) Math.floor(sample.lat() / latStep);
            long column = (long) Math.floor(sample.lon() / lonStep);
            cells.computeIfAbsent(
                    row * 1_000_000L + column, cell -> new LatLon((row + 0.5) * latStep, (column + 0.5) * lonStep));
        }
        return List.copyOf(cells.values());
    }

    private static void checkDeadline(int step, long deadline) {
        if (step % DEADLINE_CHECKS_EVERY == 0 && System.nanoTime() - deadline > 0) {
            throw new BusyException(
                    "The suggestions took longer than their deadline; ask for fewer " + "candidates, or retry shortly");
        }
    }

    private static double share(double part, double whole) {
        return whole == 0 ? 0 : Math.round(part / whole * 10_000) / 10_000.0;
    }

    /** Every ward's samples in one list, each standing for its ward's population ÷ its samples. */
    private static final class Population {

        private final double[] lat;
        private final double[] lon;
        private final double[] weight;
        private final int[] ward;
        /** Sample indices by latitude, to find a site's neighbours in a band. */
        private final Integer[] byLatitude;

        private final double total;

        private Population(double[] lat, double[] lon, double[] weight, int[] ward) {
            this.lat = lat;
            this.lon = lon;
            this.weight = weight;
            this.ward = ward;
            this.byLatitude = new Integer[lat.length];
            for (int i = 0; i < lat.length; i++) {
                byLatitude[i] = i;
            }
            Arrays.sort(byLatitude, Comparator.comparingDouble(i -> lat[i]));
            double sum = 0;
            for (double one : weight) {
                sum += one;
            }
            this.total = sum;
        }

        static Population of(List<Ward> wards) {
            int size = wards.stream().mapToInt(ward -> ward.samples().size()).sum();
            double[] lat = new double[size];
            double[] lon = new double[size];
            double[] weight = new double[size];
            int[] ward = new int[size];
            int i = 0;
            for (int w = 0; w < wards.size(); w++) {
                List<LatLon> samples = wards.get(w).samples();
                for (LatLon sample : samples) {
                    lat[i] = sample.lat();
                    lon[i] = sample.lon();
                    weight[i] = (double) wards.get(w).population() / samples.size();
                    ward[i] = w;
                    i++;
                }
            }
            return new Population(lat, lon, weight, ward);
        }

        int size() {
            return lat.length;
        }

        double total() {
            return total;
        }

        LatLon position(int i) {
            return new LatLon(lat[i], lon[i]);
        }

        double maxAbsLatitude() {
            double max = 0;
            for (double one : lat) {
                max = Math.max(max, Math.abs(one));
            }
            return max;
        }

        /** The samples within this distance of the site. */
        BitSet within(LatLon site, double meters) {
            BitSet reached = new BitSet(size());
            double latSpan = Geodesy.latitudeSpan(meters);
            double lonSpan = Geodesy.longitudeSpan(meters, Math.abs(site.lat()) + latSpan);
            for (int k = firstAtOrAbove(site.lat() - latSpan); k < byLatitude.length; k++) {
                int i = byLatitude[k];
                if (lat[i] > site.lat() + latSpan) {
                    break;
                }
                if (Math.abs(lon[i] - site.lon()) <= lonSpan
                        && Geodesy.distanceMeters(site.lat(), site.lon(), lat[i], lon[i]) <= meters) {
                    reached.set(i);
                }
            }
            return reached;
        }

        private int firstAtOrAbove(double latitude) {
            int low = 0;
            int high = byLatitude.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (lat[byLatitude[middle]] < latitude) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        double weight(BitSet samples) {
            return weightOutside(samples, new BitSet());
        }

        /** The people these samples stand for, leaving out those already covered. */
        double weightOutside(BitSet samples, BitSet covered) {
            double sum = 0;
            for (int i = samples.nextSetBit(0); i >= 0; i = samples.nextSetBit(i + 1)) {
                if (!covered.get(i)) {
                    sum += weight[i];
                }
            }
            return sum;
        }

        /** The wards these samples belong to, with the people they stand for, the most first. */
        List<Suggestions.ServedWard> served(BitSet samples, List<Ward> wards) {
            double[] people = new double[wards.size()];
            for (int i = samples.nextSetBit(0); i >= 0; i = samples.nextSetBit(i + 1)) {
                people[ward[i]] += weight[i];
            }
            List<Suggestions.ServedWard> served = new ArrayList<>();
            for (int w = 0; w < wards.size(); w++) {
                if (Math.round(people[w]) > 0) {
                    served.add(new Suggestions.ServedWard(
                            wards.get(w).code(), wards.get(w).name(), Math.round(people[w])));
                }
            }
            served.sort(Comparator.comparingLong(Suggestions.ServedWard::newlyCoveredPopulation)
                    .reversed()
                    .thenComparing(Suggestions.ServedWard::code));
            return served;
        }
    }
}

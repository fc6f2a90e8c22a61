package vn.hanoi.hcc.bff.point;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.ItemVisitor;
import org.locationtech.jts.index.strtree.STRtree;
import vn.hanoi.hcc.bff.geo.Geodesy;
import vn.hanoi.hcc.bff.geo.LatLon;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;

/**
 * The active service points at one version of the network, with an R-tree over their positions
 * (JTS {@link STRtree}, built once, then only read), the public holidays and the procedure fields.
 * Immutable: a change of the network makes a new snapshot.
 *
 * <p>Nearest points are found exactly: the tree yields the points inside a box that provably holds
 * every point within a radius (see {@link Geodesy#latitudeSpan}); a candidate whose straight-line
 * (chord) distance already exceeds the radius or the current k-th best is skipped, since the chord
 * never exceeds the geodesic; the others get their exact geodesic distance; and the radius grows
 * fourfold until enough points lie within it.
 */
public final class PointSnapshot {

    private static final double FIRST_RADIUS_METERS = 3_000;
    private static final double HALF_MERIDIAN_METERS = 20_100_000;
    private static final Comparator<RankedPoint> NEAREST_FIRST = Comparator.comparingDouble(RankedPoint::distanceMeters)
            .thenComparing(ranked -> ranked.point().id());

    private final long version;
    private final List<ServicePoint> points;
    private final STRtree tree = new STRtree();
    private final Set<LocalDate> holidays;
    private final WorkingCalendar calendar;
    private final Map<String, ProcedureField> fields;

    public PointSnapshot(
            long version, List<ServicePoint> points, Set<LocalDate> holidays, List<ProcedureField> fields) {
        this.version = version;
        this.points = List.copyOf(points);
        this.holidays = Set.copyOf(holidays);
        this.calendar = new WorkingCalendar(this.holidays);
        this.fields = fields.stream().collect(Collectors.toUnmodifiableMap(ProcedureField::code, Function.identity()));
        for (ServicePoint point : this.points) {
            tree.insert(
                    new Envelope(point.lon(), point.lon(), point.lat(), point.lat()),
                    new Located(point, Geodesy.cartesian(point.lat(), point.lon())));
        }
        // built here, before the snapshot is shared: afterwards the tree is only read
        tree.build();
    }

    public long version() {
        return version;
    }

    /** The active points, in no particular order. */
    public List<ServicePoint> points() {
        return points;
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    /** The Center's working time with this network's public holidays. */
    public WorkingCalendar calendar() {
        return calendar;
    }

    public Optional<ProcedureField> field(String code) {
        return Optional.ofNullable(fields.get(code));
    }

    public List<ProcedureField> fields() {
        return fields.values().stream()
                .sorted(Comparator.comparing(ProcedureField::code))
                .toList();
    }

    /** Whether the point receives citizens at this instant: within its hours, and not on a public holiday. */
    public boolean isOpen(ServicePoint point, Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, OpeningHours.ZONE);
        return !holidays.contains(local.toLocalDate()) && point.openingHours().isOpenAt(local);
    }

    /** The {@code count} points nearest to the origin that pass the filter, nearest first (ties by id). */
    public List<RankedPoint> nearest(LatLon origin, int count, Predicate<ServicePoint> filter) {
        double[] from = Geodesy.cartesian(origin.lat(), origin.lon());
        double radius = FIRST_RADIUS_METERS;
        while (true) {
            Nearest best = new Nearest(count);
            double within = radius;
            ItemVisitor visit = item -> {
                Located candidate = (Located) item;
                // the chord never exceeds the geodesic: a candidate whose chord is already too long is skipped
                double chord = Geodesy.chord(from, candidate.cartesian());
                if (chord <= within
                        && (!best.full() || chord <= best.worstMeters())
                        && filter.test(candidate.point())) {
                    double meters = Geodesy.distanceMeters(
                            origin.lat(),
                            origin.lon(),
                            candidate.point().lat(),
                            candidate.point().lon());
                    if (meters <= within) {
                        best.offer(new RankedPoint(candidate.point(), meters));
                    }
                }
            };
            for (Envelope box : radius >= HALF_MERIDIAN_METERS
                    ? List.of(new Envelope(-180, 180, -90, 90))
                    : boxesAround(origin, radius)) {
                tree.query(box, visit);
            }
            if (best.size() >= count || radius >= HALF_MERIDIAN_METERS) {
                return best.nearestFirst();
            }
            radius = Math.min(radius * 4, HALF_MERIDIAN_METERS);
        }
    }

    /** A point in the tree with its Cartesian position, computed once. */
    private record Located(ServicePoint point, double[] cartesian) {}

    /** The best {@code count} candidates so far: a max-heap on (distance, id). */
    private static final class Nearest {

        private final int count;
        private final PriorityQueue<RankedPoint> heap;

        Nearest(int count) {
            this.count = count;
            this.heap = new PriorityQueue<>(count + 1, NEAREST_FIRST.reversed());
        }

        boolean full() {
            return heap.size() >= count;
        }

        double worstMeters() {
            return heap.peek().distanceMeters();
        }

        int size() {
            return heap.size();
        }

        void offer(RankedPoint candidate) {
            if (!full()) {
                heap.add(candidate);
            } else if (NEAREST_FIRST.compare(candidate, heap.peek()) < 0) {
                heap.poll();
                heap.add(candidate);
            }
        }

        List<RankedPoint> nearestFirst() {
            List<RankedPoint> sorted = new ArrayList<>(heap);
            sorted.sort(NEAREST_FIRST);
            return List.copyOf(sorted);
        }
    }

    /** One box, or two where it crosses the antimeridian. */
    private static List<Envelope> boxesAround(LatLon origin, double radius) {
        double latSpan = Geodesy.latitudeSpan(radius);
        double south = Math.max(-90, origin.lat() - latSpan);
        double north = Math.min(90, origin.lat() + latSpan);
        double lonSpan = Geodesy.longitudeSpan(radius, Math.max(Math.abs(south), Math.abs(north)));
        if (lonSpan >= 180) {
            return List.of(new Envelope(-180, 180, south, north));
        }
        double west = origin.lon() - lonSpan;
        double east = origin.lon() + lonSpan;
        if (west < -180) {
            return List.of(new Envelope(west + 360, 180, south, north), new Envelope(-180, east, south, north));
        }
        if (east > 180) {
            return List.of(new Envelope(west, 180, south, north), new Envelope(-180, east - 360, south, north));
        }
        return List.of(new Envelope(west, east, south, north));
    }
}

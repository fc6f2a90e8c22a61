package vn.hanoi.hcc.bff.routing;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;
import vn.hanoi.hcc.bff.geo.LatLon;

/**
 * How far the roads reach towards a set of points within the target time: one shortest-path tree
 * per point that lies on the graph, grown backwards from it (towards the point, obeying one-way
 * streets) until the target time, merged into the quickest time from every junction to any of them.
 * Immutable once computed.
 */
public final class RoadReach {

    private final RoadGraph graph;
    private final TravelMode mode;
    private final boolean[] placed;
    private final double[] quickestSeconds;
    private final double overheadMinutes;
    private final double traffic;
    private final double targetMinutes;
    private final DoubleUnaryOperator offRoadSeconds;

    private RoadReach(
            RoadGraph graph,
            TravelMode mode,
            boolean[] placed,
            double[] quickestSeconds,
            double overheadMinutes,
            double traffic,
            double targetMinutes,
            DoubleUnaryOperator offRoadSeconds) {
        this.graph = graph;
        this.mode = mode;
        this.placed = placed;
        this.quickestSeconds = quickestSeconds;
        this.overheadMinutes = overheadMinutes;
        this.traffic = traffic;
        this.targetMinutes = targetMinutes;
        this.offRoadSeconds = offRoadSeconds;
    }

    static RoadReach compute(
            RoadGraph graph,
            TravelMode mode,
            List<LatLon> points,
            double targetMinutes,
            double overheadMinutes,
            double traffic,
            DoubleUnaryOperator offRoadSeconds) {
        double boundSeconds = Math.max(0, (targetMinutes - overheadMinutes) * 60 / traffic);
        boolean[] placed = new boolean[points.size()];
        double[] quickest = new double[graph.nodes()];
        Arrays.fill(quickest, Double.POSITIVE_INFINITY);
        for (int i = 0; i < points.size(); i++) {
            RoadGraph.Placement placement = graph.place(mode, points.get(i));
            if (!placement.onGraph()) {
                continue;
            }
            placed[i] = true;
            double access = offRoadSeconds.applyAsDouble(placement.offRoadMeters());
            graph.lowerTowards(mode, placement.node(), access, boundSeconds - access, quickest);
        }
        return new RoadReach(graph, mode, placed, quickest, overheadMinutes, traffic, targetMinutes, offRoadSeconds);
    }

    /** Whether the i-th point lies on the graph (else only the heuristic can time trips to it). */
    public boolean placed(int point) {
        return placed[point];
    }

    /** Whether any point lies on the graph. */
    public boolean anyPlaced() {
        for (boolean one : placed) {
            if (one) {
                return true;
            }
        }
        return false;
    }

    /**
     * Minutes from this position to the quickest point on the graph, door to door: empty when the
     * position lies off the graph; {@link Double#POSITIVE_INFINITY} when no point is within the
     * target time.
     */
    public OptionalDouble minutesFrom(LatLon position) {
        RoadGraph.Placement placement = graph.place(mode, position);
        if (!placement.onGraph()) {
            return OptionalDouble.empty();
        }
        double seconds = quickestSeconds[placement.node()] + offRoadSeconds.applyAsDouble(placement.offRoadMeters());
        double minutes = overheadMinutes + seconds * traffic / 60;
        return OptionalDouble.of(minutes <= targetMinutes ? minutes : Double.POSITIVE_INFINITY);
    }
}

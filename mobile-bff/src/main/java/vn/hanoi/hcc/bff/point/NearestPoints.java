package vn.hanoi.hcc.bff.point;

import java.util.List;
import vn.hanoi.hcc.bff.routing.TravelProperties;

/**
 * The answer to a {@link NearestQuery}.
 *
 * @param withinTarget whether any point matching the query is within the target
 * @param points the nearest by travel time (then distance, then id)
 */
public record NearestPoints(
        NearestQuery query, TravelProperties.Target target, boolean withinTarget, List<NearbyPoint> points) {}

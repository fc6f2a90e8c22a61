package vn.hanoi.hcc.bff.coverage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.hanoi.hcc.bff.error.InvalidRequestException;
import vn.hanoi.hcc.bff.error.Problem.InvalidParam;
import vn.hanoi.hcc.bff.geo.LatLon;
import vn.hanoi.hcc.bff.point.PointSnapshot;
import vn.hanoi.hcc.bff.point.PointType;
import vn.hanoi.hcc.bff.point.ServicePoint;

/** A copy of the network with candidate points added and some points taken away. */
final class WhatIfNetwork {

    private WhatIfNetwork() {}

    /** @throws InvalidRequestException naming each removed id that is not an active point */
    static PointSnapshot of(PointSnapshot network, List<LatLon> added, List<String> removed) {
        return of(network, added, removed, "remove");
    }

    /** @throws InvalidRequestException naming each removed id that is not an active point, as {@code field[i]} */
    static PointSnapshot of(PointSnapshot network, List<LatLon> added, List<String> removed, String field) {
        Set<String> active = new HashSet<>();
        network.points().forEach(point -> active.add(point.id()));
        List<InvalidParam> errors = new ArrayList<>();
        for (int i = 0; i < removed.size(); i++) {
            if (!active.contains(removed.get(i))) {
                errors.add(new InvalidParam(field + "[" + i + "]", "is not an active point"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Set<String> gone = Set.copyOf(removed);
        List<ServicePoint> points = new ArrayList<>(network.points().stream()
                .filter(point -> !gone.contains(point.id()))
                .toList());
        for (int i = 0; i < added.size(); i++) {
            points.add(ServicePoint.proposed(
                    "candidate-" + (i + 1), PointType.COMMUNITY, "Candidate " + (i + 1), added.get(i)));
        }
        return new PointSnapshot(network.version(), points, network.holidays(), network.fields());
    }
}

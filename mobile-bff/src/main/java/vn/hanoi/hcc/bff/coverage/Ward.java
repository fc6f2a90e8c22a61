package vn.hanoi.hcc.bff.coverage;

import java.util.List;
import org.locationtech.jts.geom.MultiPolygon;
import vn.hanoi.hcc.bff.geo.LatLon;

/**
 * A ward as coverage sees it: its boundary, its population, and the positions standing for its
 * people (each sample stands for population ÷ samples people).
 */
record Ward(String code, String name, long population, MultiPolygon boundary, List<LatLon> samples) {

    Ward {
        samples = List.copyOf(samples);
    }
}

package vn.hanoi.hcc.bff.coverage;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalTime;
import java.util.List;
import vn.hanoi.hcc.bff.routing.TravelMode;
import vn.hanoi.hcc.bff.routing.TravelProperties;

/**
 * Coverage of Hanoi's population by the active points.
 *
 * @param referenceTime the local time of day the travel times are estimated for
 * @param networkVersion the version of the point network it was computed on
 * @param coveredShare city-wide share of the population within target, 0 to 1
 * @param samplesOnRoads samples timed over the road graph; the others by the heuristic
 * @param attribution the road data's credit, whenever any sample was timed on it (absent otherwise)
 * @param wards the least covered first (then the longest mean trip, then the most people)
 */
public record CoverageReport(
        TravelMode mode,
        @JsonFormat(pattern = "HH:mm") LocalTime referenceTime,
        TravelProperties.Target target,
        long networkVersion,
        int activePoints,
        long population,
        long coveredPopulation,
        double coveredShare,
        int wardsFullyCovered,
        int wardsPartlyCovered,
        int wardsUncovered,
        int samplesOnRoads,
        @JsonInclude(JsonInclude.Include.NON_NULL) String attribution,
        List<WardCoverage> wards) {

    public CoverageReport {
        wards = List.copyOf(wards);
    }
}

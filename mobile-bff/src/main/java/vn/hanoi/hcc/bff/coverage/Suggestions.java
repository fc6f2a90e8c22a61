package vn.hanoi.hcc.bff.coverage;

import java.util.List;
import vn.hanoi.hcc.bff.routing.TravelMode;
import vn.hanoi.hcc.bff.routing.TravelProperties;

/**
 * New sites in the order to build them, each bringing the most people within target given the
 * ones before it (the greedy algorithm for maximum coverage). Nothing is changed.
 *
 * @param candidates where the candidates came from: wards, grid or list
 * @param candidatesConsidered candidates left once those at an active point are set aside
 * @param baseline the network the sites are added to, with the excluded points closed
 * @param sites at most the count asked for: fewer when no candidate brings anyone more within target
 */
public record Suggestions(
        TravelMode mode,
        TravelProperties.Target target,
        String candidates,
        int candidatesConsidered,
        Baseline baseline,
        List<Site> sites) {

    public Suggestions {
        sites = List.copyOf(sites);
    }

    /**
     * @param coveredShare share of the population within target before any new site, 0 to 1
     */
    public record Baseline(
            long networkVersion, int activePoints, long population, long coveredPopulation, double coveredShare) {}

    /**
     * @param rank 1 for the first to build
     * @param newlyCoveredPopulation people it brings within target, beyond the network and the sites before it
     * @param coveredShareAfter the city-wide share within target once it and the sites before it are built
     * @param wards the wards whose people it newly serves, the most first
     */
    public record Site(
            int rank,
            double lat,
            double lon,
            long newlyCoveredPopulation,
            double coveredShareAfter,
            List<ServedWard> wards) {

        public Site {
            wards = List.copyOf(wards);
        }
    }

    public record ServedWard(String code, String name, long newlyCoveredPopulation) {}
}

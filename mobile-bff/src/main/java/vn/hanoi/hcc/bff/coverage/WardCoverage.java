package vn.hanoi.hcc.bff.coverage;

/**
 * One ward's coverage.
 *
 * @param coveredShare share of its population within target, 0 to 1
 * @param meanTravelMinutes to the nearest point, averaged over its people; null without any active point
 * @param maxTravelMinutes from its worst-placed sample; null without any active point
 * @param samples positions standing for its people
 */
public record WardCoverage(
        String code,
        String name,
        long population,
        double coveredShare,
        long coveredPopulation,
        Double meanTravelMinutes,
        Double maxTravelMinutes,
        int samples) {}

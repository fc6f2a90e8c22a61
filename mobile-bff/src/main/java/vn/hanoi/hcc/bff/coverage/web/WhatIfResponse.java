package vn.hanoi.hcc.bff.coverage.web;

import vn.hanoi.hcc.bff.coverage.CoverageReport;
import vn.hanoi.hcc.bff.coverage.CoverageService;

/**
 * A what-if: the report of the changed network, the network as it is, and the difference.
 *
 * @param report the coverage with the changes
 * @param baseline the coverage of the network as it is
 * @param gain what the changes add (negative: lose) in people and share
 */
record WhatIfResponse(CoverageReport report, Summary baseline, Gain gain) {

    record Summary(long networkVersion, int activePoints, long coveredPopulation, double coveredShare) {}

    record Gain(int activePoints, long coveredPopulation, double coveredShare) {}

    static WhatIfResponse of(CoverageService.WhatIf whatIf) {
        CoverageReport before = whatIf.baseline();
        CoverageReport after = whatIf.result();
        return new WhatIfResponse(
                after,
                new Summary(
                        before.networkVersion(),
                        before.activePoints(),
                        before.coveredPopulation(),
                        before.coveredShare()),
                new Gain(
                        after.activePoints() - before.activePoints(),
                        after.coveredPopulation() - before.coveredPopulation(),
                        Math.round((after.coveredShare() - before.coveredShare()) * 10_000) / 10_000.0));
    }
}

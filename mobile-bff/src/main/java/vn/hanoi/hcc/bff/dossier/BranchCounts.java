package vn.hanoi.hcc.bff.dossier;

import java.util.Map;

/** How many dossiers a branch group has in each status and each timing class. */
public record BranchCounts(String branchGroup, Map<DossierStatus, Long> byStatus, Map<TimingClass, Long> byTimingClass,
        long total) {
}

package vn.hanoi.hcc.bff.dossier;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** How many dossiers a branch group has in each status and each timing class. */
public record BranchCounts(
        @Schema(types = {"string", "null"}) String branchGroup,
        Map<DossierStatus, Long> byStatus,
        Map<TimingClass, Long> byTimingClass,
        long total) {}

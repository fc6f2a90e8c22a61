package vn.hanoi.hcc.bff.dossier;

import java.util.Optional;

/**
 * Which at-risk dossiers to list.
 *
 * @param timingClass OVERDUE or DUE_SOON only, or both
 */
public record AtRiskFilter(
        Optional<TimingClass> timingClass,
        Optional<String> agencyCode,
        Optional<String> branchGroup,
        Optional<String> pointId) {}

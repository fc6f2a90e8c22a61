package vn.hanoi.hcc.bff.dossier;

import java.time.Duration;
import java.time.Instant;

/**
 * A running dossier past its due time or within 24 h of it, for the Center to chase.
 *
 * @param overdueBy how long past due (zero when only due soon)
 */
public record AtRiskDossier(
        String code,
        String procedureName,
        String agencyCode,
        ReceivingPoint point,
        DossierStatus status,
        Instant receivedAt,
        Instant dueAt,
        TimingClass timingClass,
        Duration overdueBy) {}

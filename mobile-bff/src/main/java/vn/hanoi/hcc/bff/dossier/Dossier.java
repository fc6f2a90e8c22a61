package vn.hanoi.hcc.bff.dossier;

import java.time.Instant;
import java.util.Optional;

/**
 * A dossier as stored.
 *
 * @param applicantRef the keyed hash of the applicant's citizen ID
 * @param applicantName the applicant's full name, for the owner's eyes only
 * @param dueAt the due time in force (after extensions and pauses)
 * @param statusAt when the current status was reached
 * @param finishedAt when the result was ready, if it is
 * @param filedByClient the machine client that filed it (agents see only their own)
 * @param version grows by one with every change
 */
public record Dossier(
        long id,
        String code,
        String agencyCode,
        String procedureCode,
        String procedureName,
        String field,
        String applicantRef,
        String applicantName,
        String receivingPointId,
        Instant receivedAt,
        Instant originalDueAt,
        Instant dueAt,
        Channel channel,
        ResultDelivery resultDelivery,
        DossierStatus status,
        Instant statusAt,
        Instant finishedAt,
        String lookupSecretHash,
        String filedByClient,
        long version,
        Instant updatedAt) {

    public TimingClass timingClass(Instant now) {
        return TimingClass.of(status, dueAt, finishedAt, now);
    }

    public Optional<RequiredAction> requiredAction() {
        return RequiredAction.of(status, resultDelivery);
    }

    /** This dossier as the change left it: every change, even one only for the timeline, is a new version. */
    Dossier with(DossierChange change) {
        return new Dossier(
                id,
                code,
                agencyCode,
                procedureCode,
                procedureName,
                field,
                applicantRef,
                applicantName,
                receivingPointId,
                receivedAt,
                originalDueAt,
                change.dueAt(),
                channel,
                resultDelivery,
                change.status(),
                change.statusAt(),
                change.finishedAt(),
                lookupSecretHash,
                filedByClient,
                version + 1,
                updatedAt);
    }
}

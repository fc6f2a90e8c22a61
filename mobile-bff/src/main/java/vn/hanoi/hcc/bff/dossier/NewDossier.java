package vn.hanoi.hcc.bff.dossier;

import java.time.Instant;

/**
 * A dossier to file, validated.
 *
 * @param code the city system's own code, or {@code null} to generate one
 * @param applicantCitizenId the applicant's CCCD: hashed before it is stored
 * @param initialStatus 1 (submitted online) or 2 (received)
 */
public record NewDossier(
        String code,
        String agencyCode,
        String procedureCode,
        String procedureName,
        String field,
        String applicantCitizenId,
        String applicantName,
        String receivingPointId,
        Instant receivedAt,
        Instant dueAt,
        Channel channel,
        ResultDelivery resultDelivery,
        DossierStatus initialStatus) {

    @Override
    public String toString() {
        return "NewDossier[" + code + ", " + procedureCode + "]"; // never the applicant
    }
}

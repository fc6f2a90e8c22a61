package vn.hanoi.hcc.bff.dossier.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * {@code POST /api/v1/agent/dossiers}: a dossier to file.
 *
 * @param code the city system's own code; agents leave it out and get one
 * @param status 1 (submitted online, not yet accepted) or 2 (received); by default 1 online, 2 otherwise
 */
record FileDossierRequest(
        @Pattern(regexp = TextRules.CODE, message = "must be <agency>-YYMMDD-NNNN, e.g. H26.99-251122-0001")
        String code,

        @NotBlank @Pattern(regexp = TextRules.AGENCY, message = "must be an agency code such as H26.99")
        String agencyCode,

        @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9._-]+")
        String procedureCode,

        @NotBlank @Size(max = 300) @Pattern(regexp = TextRules.LINE)
        String procedureName,

        @NotBlank @Size(max = 200) @Pattern(regexp = TextRules.LINE)
        String field,

        @NotNull @Pattern(regexp = "[0-9]{12}", message = "must be the 12-digit citizen ID (CCCD)")
        String applicantCitizenId,

        @NotBlank @Size(max = 200) @Pattern(regexp = "[\\p{L}\\p{M} .'-]+", message = "must be a person's name")
        String applicantName,

        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9._-]+")
        String receivingPointId,

        @NotNull Instant receivedAt,
        @NotNull Instant dueAt,

        @NotNull @Pattern(regexp = "online|counter|agent|postal")
        String channel,

        @NotNull @Pattern(regexp = "counter|postal|electronic")
        String resultDelivery,

        @Min(1) @Max(2) Integer status) {

    @Override
    public String toString() {
        return "FileDossierRequest[" + code + ", " + procedureCode + "]"; // never the applicant
    }
}

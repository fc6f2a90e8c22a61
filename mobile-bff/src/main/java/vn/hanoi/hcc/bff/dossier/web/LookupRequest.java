package vn.hanoi.hcc.bff.dossier.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** {@code POST /api/v1/dossiers/lookup}: the code and the secret printed on the receipt. */
record LookupRequest(
        @NotBlank @Pattern(regexp = TextRules.CODE, message = "must be a dossier code such as H26.99-251122-0001")
        String code,

        @NotBlank
        @Pattern(
                regexp = "[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}",
                message = "must be the 8-character secret on the receipt")
        String secret) {

    @Override
    public String toString() {
        return "LookupRequest[" + code + "]"; // never the secret
    }
}

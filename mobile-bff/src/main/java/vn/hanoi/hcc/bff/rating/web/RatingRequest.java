package vn.hanoi.hcc.bff.rating.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.hanoi.hcc.bff.input.TextPatterns;

/** {@code POST /api/v1/me/dossiers/{code}/rating}. */
record RatingRequest(
        @NotNull @Min(1) @Max(5) Integer score,

        @Size(max = 1000) @Pattern(regexp = TextPatterns.TEXT)
        String comment) {}

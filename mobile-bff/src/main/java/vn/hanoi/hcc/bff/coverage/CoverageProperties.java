package vn.hanoi.hcc.bff.coverage;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How coverage is computed ({@code hcc.bff.coverage.*}).
 *
 * @param referenceTime the local time of day the travel times are estimated for
 * @param samplesPerKm2 sample density in each ward (more in large rural wards)
 * @param minSamplesPerWard however small the ward
 * @param maxSamplesPerWard however large the ward
 * @param maxWhatIfChanges points a what-if may add plus remove
 * @param workers reports and maps computed at once; more wait in a short queue, then are refused (503)
 * @param whatIf the what-ifs' own workers, so that a burst of them never delays the report and the map
 * @param suggestions the suggestions' own workers, deadline and grid
 */
@Validated
@ConfigurationProperties("hcc.bff.coverage")
public record CoverageProperties(
        @NotNull LocalTime referenceTime,
        @Positive double samplesPerKm2,
        @Min(1) int minSamplesPerWard,
        @Min(1) @Max(5_000) int maxSamplesPerWard,
        @Min(1) int maxWhatIfChanges,
        @Min(1) @Max(16) int workers,
        @NotNull @Valid WhatIf whatIf,
        @NotNull @Valid Suggestions suggestions) {

    /**
     * @param workers what-ifs computed at once, on threads of their own
     * @param queue what-ifs waiting for each of them; beyond, a what-if is refused (503)
     */
    public record WhatIf(
            @Min(1) @Max(16) int workers,
            @Min(1) @Max(1_000) int queue) {}

    /**
     * @param workers suggestions computed at once, on threads of their own
     * @param queue suggestions waiting for each of them; beyond, a request is refused (503)
     * @param deadline from the request, including the wait in the queue; beyond, 503
     * @param gridStepKm the side of the grid's cells, for {@code candidates: "grid"}
     * @param cached answers kept (each per network version and parameters)
     */
    public record Suggestions(
            @Min(1) @Max(16) int workers,
            @Min(1) @Max(1_000) int queue,
            @NotNull Duration deadline,
            @DecimalMin("0.2") @DecimalMax("10") double gridStepKm,
            @Min(1) @Max(1_000) int cached) {}
}

package vn.hanoi.hcc.bff.coverage.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import vn.hanoi.hcc.bff.geo.LatLon;

/**
 * {@code POST /api/v1/coverage/what-if}.
 *
 * @param add candidate points
 * @param remove ids of active points to take away
 */
record WhatIfRequest(
        String mode,
        @Size(max = 50) List<@Valid @NotNull Position> add,
        @Size(max = 50) List<@NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9._-]+") String> remove) {

    record Position(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {}

    List<LatLon> positions() {
        return add == null
                ? List.of()
                : add.stream()
                        .map(position -> new LatLon(position.lat(), position.lon()))
                        .toList();
    }

    List<String> removedIds() {
        return remove == null ? List.of() : List.copyOf(remove);
    }
}

package vn.hanoi.hcc.bff.coverage.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.hanoi.hcc.bff.coverage.SuggestionQuery;
import vn.hanoi.hcc.bff.error.InvalidRequestException;
import vn.hanoi.hcc.bff.error.Problem.InvalidParam;
import vn.hanoi.hcc.bff.geo.LatLon;
import vn.hanoi.hcc.bff.routing.TravelMode;
import vn.hanoi.hcc.bff.routing.TravelProperties;

/**
 * {@code POST /api/v1/coverage/suggestions}.
 *
 * @param count new sites wanted, 1 to 10
 * @param target the target to bring people within; the report's (5 km / 30 min) when absent
 * @param candidates "wards" (default), "grid", or a list of positions
 * @param exclude ids of active points to leave out, as if closed
 */
record SuggestionsRequest(
        String mode,
        @NotNull @Min(1) @Max(SuggestionQuery.MAX_COUNT) Integer count,
        @Valid PlanningTarget target,

        @Schema(
                description = "\"wards\" (each ward's representative point, default), \"grid\" (a 1 km grid "
                        + "over the wards' samples) or up to " + MAX_CANDIDATES + " positions [{lat, lon}]",
                oneOf = {String.class, CandidatePosition[].class})
        Object candidates,

        @Size(max = 50) List<@NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9._-]+") String> exclude) {

    static final int MAX_CANDIDATES = 500;

    record PlanningTarget(
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("50")
            Double maxDistanceKm,

            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("180")
            Double maxTravelMinutes) {}

    /** A candidate of the planner's own, as the document describes it (read from a map, to name each bad field). */
    record CandidatePosition(double lat, double lon) {}

    /** @throws InvalidRequestException naming the mode, or each candidate that is not a position */
    SuggestionQuery query(TravelProperties.Target defaultTarget) {
        TravelMode travelMode = TravelMode.parse("mode", mode);
        TravelProperties.Target goal = target == null
                ? defaultTarget
                : new TravelProperties.Target(target.maxDistanceKm(), target.maxTravelMinutes());
        List<String> closed = exclude == null ? List.of() : exclude;
        if (candidates == null) {
            return new SuggestionQuery(travelMode, count, goal, SuggestionQuery.Candidates.WARDS, List.of(), closed);
        }
        if (candidates instanceof String kind) {
            SuggestionQuery.Candidates which = switch (kind.strip().toLowerCase(Locale.ROOT)) {
                case "wards" -> SuggestionQuery.Candidates.WARDS;
                case "grid" -> SuggestionQuery.Candidates.GRID;
                default -> throw InvalidRequestException.of("candidates", "must be \"wards\", \"grid\" or a list");
            };
            return new SuggestionQuery(travelMode, count, goal, which, List.of(), closed);
        }
        if (!(candidates instanceof List<?> list) || list.isEmpty() || list.size() > MAX_CANDIDATES) {
            throw InvalidRequestException.of(
                    "candidates", "must be \"wards\", \"grid\" or 1 to " + MAX_CANDIDATES + " positions");
        }
        return new SuggestionQuery(travelMode, count, goal, SuggestionQuery.Candidates.LIST, positions(list), closed);
    }

    private static List<LatLon> positions(List<?> list) {
        List<LatLon> positions = new ArrayList<>(list.size());
        List<InvalidParam> errors = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String name = "candidates[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> position)) {
                errors.add(new InvalidParam(name, "must be a position {lat, lon}"));
                continue;
            }
            Double lat = degrees(position.get("lat"), 90);
            Double lon = degrees(position.get("lon"), 180);
            if (lat == null) {
                errors.add(new InvalidParam(name + ".lat", "must be a number from -90 to 90"));
            }
            if (lon == null) {
                errors.add(new InvalidParam(name + ".lon", "must be a number from -180 to 180"));
            }
            if (lat != null && lon != null) {
                positions.add(new LatLon(lat, lon));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return positions;
    }

    private static Double degrees(Object value, double bound) {
        if (!(value instanceof Number number)) {
            return null;
        }
        double degrees = number.doubleValue();
        return Double.isFinite(degrees) && Math.abs(degrees) <= bound ? degrees : null;
    }
}

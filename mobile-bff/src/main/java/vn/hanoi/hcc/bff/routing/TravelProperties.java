package vn.hanoi.hcc.bff.routing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The travel-time model ({@code hcc.bff.travel.*}); config/mobile-bff/application.yml gives each
 * value with its reasoning.
 *
 * @param target what counts as within reach
 * @param modes the heuristic's parameters per mode; every mode must have them
 * @param osrm the routing engine, per mode; a mode without a URL uses the heuristic only
 */
@Validated
@ConfigurationProperties("hcc.bff.travel")
public record TravelProperties(
        @Valid @NotNull Target target,
        @NotNull Map<TravelMode, @Valid Mode> modes,
        @Valid @NotNull Osrm osrm) {

    public TravelProperties {
        for (TravelMode mode : TravelMode.values()) {
            if (!modes.containsKey(mode)) {
                throw new IllegalArgumentException("hcc.bff.travel.modes." + mode.code() + " is missing");
            }
        }
    }

    /** A point is within target when it is at most this far or this many minutes away. */
    public record Target(
            @Positive double maxDistanceKm, @Positive double maxTravelMinutes) {}

    /**
     * @param detourFactor road distance ÷ straight-line distance
     * @param overhead added to every trip (parking, finding the office)
     * @param baseKmh door-to-door speed outside the bands
     * @param bands speeds at given hours of the day (may cross midnight)
     */
    public record Mode(
            @DecimalMin("1.0") double detourFactor,
            @NotNull Duration overhead,
            @Positive double baseKmh,
            List<@Valid SpeedBand> bands) {

        public Mode {
            bands = bands == null ? List.of() : List.copyOf(bands);
        }

        /** The speed at this time of day in Asia/Ho_Chi_Minh. */
        public double kmhAt(LocalTime time) {
            return bands.stream()
                    .filter(band -> band.covers(time))
                    .findFirst()
                    .map(SpeedBand::kmh)
                    .orElse(baseKmh);
        }
    }

    /** From {@code from} (inclusive) to {@code to} (exclusive); {@code to} before {@code from} crosses midnight. */
    public record SpeedBand(
            @NotNull LocalTime from,
            @NotNull LocalTime to,
            @Positive double kmh) {

        boolean covers(LocalTime time) {
            return from.isBefore(to)
                    ? !time.isBefore(from) && time.isBefore(to)
                    : !time.isBefore(from) || time.isBefore(to);
        }
    }

    /**
     * @param baseUrls the table service per mode (e.g. {@code http://osrm-car:5000}); none: heuristic only
     * @param timeout how long one table request may take before the heuristic answers instead
     * @param maxDestinations destinations asked per request (the nearest by distance)
     */
    public record Osrm(
            Map<TravelMode, URI> baseUrls,
            @NotNull Duration timeout,
            @Min(1) @Max(100) int maxDestinations) {

        public Osrm {
            // a mode whose variable is unset binds to an empty URI: no engine for it
            baseUrls = baseUrls == null
                    ? Map.of()
                    : baseUrls.entrySet().stream()
                            .filter(entry -> entry.getValue() != null
                                    && !entry.getValue().toString().isBlank())
                            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        }
    }
}

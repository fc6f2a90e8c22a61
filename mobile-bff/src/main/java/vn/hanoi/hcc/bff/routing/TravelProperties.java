package vn.hanoi.hcc.bff.routing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.nio.file.Path;
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
 * @param engine where road times come from: the embedded graph, an OSRM service, or none
 * @param graph the embedded road graph (engine {@code graphhopper})
 * @param osrm the OSRM table service, per mode (engine {@code osrm}); a mode without a URL uses the
 *     heuristic only
 */
@Validated
@ConfigurationProperties("hcc.bff.travel")
public record TravelProperties(
        @Valid @NotNull Target target,
        @NotNull Map<TravelMode, @Valid Mode> modes,
        @NotNull Engine engine,
        @Valid @NotNull Graph graph,
        @Valid @NotNull Osrm osrm) {

    /** Where road times come from; the heuristic answers wherever the engine cannot. */
    public enum Engine {
        GRAPHHOPPER,
        OSRM,
        NONE
    }

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
     * @param osmFile the OpenStreetMap extract to import when the directory holds no graph yet (a
     *     Spring resource location: {@code file:...} or {@code classpath:...}); empty where a job
     *     builds the graph (production)
     * @param directory where the graph is built, or read when already built
     * @param maxSnapMeters how far a position may lie from a usable road and still be routed; beyond,
     *     the heuristic answers for it
     * @param workers routing threads (CPU work, never on an event loop)
     * @param queue requests waiting for each worker; beyond, the heuristic answers at once
     * @param budget how long a nearest query may spend on the roads; what is left unrouted then gets
     *     the heuristic
     */
    public record Graph(
            String osmFile,
            @NotNull Path directory,
            @Positive double maxSnapMeters,
            @Min(1) @Max(64) int workers,
            @Min(1) @Max(10_000) int queue,
            @NotNull Duration budget) {}

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

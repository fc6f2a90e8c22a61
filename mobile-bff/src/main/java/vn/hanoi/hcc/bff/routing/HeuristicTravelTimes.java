package vn.hanoi.hcc.bff.routing;

import java.time.LocalTime;
import org.springframework.stereotype.Component;

/** The travel-time estimate used without a routing engine: distance × detour ÷ speed + overhead. */
@Component
public class HeuristicTravelTimes {

    private final TravelProperties properties;

    public HeuristicTravelTimes(TravelProperties properties) {
        this.properties = properties;
    }

    /** Minutes to cover this geodesic distance in this mode, leaving at this local time. */
    public double minutes(TravelMode mode, double distanceMeters, LocalTime leaving) {
        TravelProperties.Mode parameters = properties.modes().get(mode);
        double roadKm = distanceMeters / 1000 * parameters.detourFactor();
        return overheadMinutes(mode) + roadKm / parameters.kmhAt(leaving) * 60;
    }

    /**
     * How much longer a trip takes at this hour than at the mode's base speed: 1 outside the bands,
     * more in the rush hours. Applied to road engines' free-flow times too.
     */
    public double trafficFactor(TravelMode mode, LocalTime leaving) {
        TravelProperties.Mode parameters = properties.modes().get(mode);
        return parameters.baseKmh() / parameters.kmhAt(leaving);
    }

    /** The fixed part of every trip in this mode (parking, finding the office), in minutes. */
    public double overheadMinutes(TravelMode mode) {
        return properties.modes().get(mode).overhead().toSeconds() / 60.0;
    }

    /** Whether a destination this far and this many minutes away is within the target. */
    public boolean withinTarget(double distanceMeters, double minutes) {
        TravelProperties.Target target = properties.target();
        return distanceMeters <= target.maxDistanceKm() * 1000 || minutes <= target.maxTravelMinutes();
    }

    /** The model's parameters for this mode. */
    public TravelProperties.Mode parameters(TravelMode mode) {
        return properties.modes().get(mode);
    }

    public TravelProperties.Target target() {
        return properties.target();
    }
}

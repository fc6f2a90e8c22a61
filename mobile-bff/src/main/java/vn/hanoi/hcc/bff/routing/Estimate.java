package vn.hanoi.hcc.bff.routing;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a travel time was obtained. */
public enum Estimate {
    /** Geodesic distance × detour factor ÷ speed, plus overhead. */
    HEURISTIC("heuristic"),
    /** The embedded road graph (GraphHopper on OpenStreetMap data). */
    ROAD("road"),
    /** An OSRM table service. */
    OSRM("osrm");

    private final String code;

    Estimate(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}

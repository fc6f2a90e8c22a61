package vn.hanoi.hcc.bff.point;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * How far a point's coordinates can be trusted, so that an approximate location is never passed
 * off as an exact one.
 */
public enum CoordinateQuality {
    /** Measured at the entrance. */
    SURVEYED("surveyed"),
    /** The representative point of the ward, not the geocoded address (typically 0.5-3 km off). */
    WARD_REPRESENTATIVE("ward-representative"),
    /** The centroid of a former district: a proxy until the real address is known. */
    DISTRICT_CENTROID("district-centroid");

    private final String code;

    CoordinateQuality(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static CoordinateQuality fromCode(String code) {
        return Arrays.stream(values())
                .filter(quality -> quality.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown coordinate quality " + code));
    }
}

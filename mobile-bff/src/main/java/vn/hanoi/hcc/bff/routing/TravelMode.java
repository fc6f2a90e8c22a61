package vn.hanoi.hcc.bff.routing;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import vn.hanoi.hcc.bff.error.InvalidRequestException;

/** How the citizen travels; motorbike unless said otherwise, as most of Hanoi does. */
public enum TravelMode {
    WALK,
    MOTORBIKE,
    CAR;

    public static final TravelMode DEFAULT = MOTORBIKE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The mode a query parameter or field names; the default when it is absent or blank.
     *
     * @throws InvalidRequestException naming the parameter if it names no mode
     */
    public static TravelMode parse(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        return fromCode(value)
                .orElseThrow(() -> InvalidRequestException.of(parameter, "must be walk, motorbike or car"));
    }

    /** The mode with this code ({@code walk}, {@code motorbike}, {@code car}), any case. */
    public static Optional<TravelMode> fromCode(String code) {
        return Arrays.stream(values())
                .filter(mode -> mode.code().equalsIgnoreCase(code.strip()))
                .findFirst();
    }
}

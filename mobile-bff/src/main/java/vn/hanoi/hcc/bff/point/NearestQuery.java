package vn.hanoi.hcc.bff.point;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import vn.hanoi.hcc.bff.error.InvalidRequestException;
import vn.hanoi.hcc.bff.error.Problem.InvalidParam;
import vn.hanoi.hcc.bff.geo.LatLon;
import vn.hanoi.hcc.bff.input.QueryParameters;
import vn.hanoi.hcc.bff.routing.TravelMode;

/**
 * A nearest-point question.
 *
 * @param openNow only points open at the moment of asking
 * @param field only points that receive dossiers of this procedure field (its code)
 */
public record NearestQuery(LatLon origin, TravelMode mode, int limit, boolean openNow, Optional<String> field) {

    public static final int MAX_LIMIT = 20;
    static final int DEFAULT_LIMIT = 5;
    private static final Pattern FIELD_CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /**
     * Reads the query parameters as sent; blank optional ones are absent.
     *
     * @throws InvalidRequestException naming every invalid parameter
     */
    public static NearestQuery parse(String lat, String lon, String mode, String limit, String openNow, String field) {
        Validation validation = new Validation();
        Double latitude = validation.read(() -> QueryParameters.decimalBetween("lat", lat, -90, 90));
        Double longitude = validation.read(() -> QueryParameters.decimalBetween("lon", lon, -180, 180));
        TravelMode travelMode = validation.read(() -> TravelMode.parse("mode", mode));
        Integer count = validation.read(() -> QueryParameters.intBetween("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT));
        Boolean open = validation.read(() -> QueryParameters.flag("openNow", openNow, false));
        Optional<String> fieldCode = validation.read(() -> fieldCode(field));
        validation.throwIfInvalid();
        return new NearestQuery(new LatLon(latitude, longitude), travelMode, count, open, fieldCode);
    }

    private static Optional<String> fieldCode(String field) {
        if (field == null || field.isBlank()) {
            return Optional.empty();
        }
        String code = field.strip();
        if (code.length() > 40 || !FIELD_CODE.matcher(code).matches()) {
            throw unknownField();
        }
        return Optional.of(code);
    }

    static InvalidRequestException unknownField() {
        return InvalidRequestException.of(
                "field", "must be a procedure field code listed by GET /api/v1/points/fields");
    }

    /** Collects every parameter's problem before answering. */
    private static final class Validation {

        private final List<InvalidParam> errors = new ArrayList<>();

        <T> T read(Supplier<T> parser) {
            try {
                return parser.get();
            } catch (InvalidRequestException invalid) {
                errors.addAll(invalid.errors());
                return null;
            }
        }

        void throwIfInvalid() {
            if (!errors.isEmpty()) {
                throw new InvalidRequestException(List.copyOf(errors));
            }
        }
    }
}

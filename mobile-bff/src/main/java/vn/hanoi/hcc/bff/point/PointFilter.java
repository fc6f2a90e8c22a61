package vn.hanoi.hcc.bff.point;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.hanoi.hcc.bff.error.InvalidRequestException;
import vn.hanoi.hcc.bff.error.Problem.InvalidParam;

/**
 * Which points to list: any combination of a type, a ward and a name search, all optional.
 *
 * @param type only points of this type
 * @param wardCode only points in this ward (5-digit GSO code)
 * @param search only points whose folded name contains this folded text
 */
public record PointFilter(Optional<PointType> type, Optional<String> wardCode, Optional<String> search) {

    /** Every active point. */
    public static final PointFilter NONE = new PointFilter(Optional.empty(), Optional.empty(), Optional.empty());

    static final int MAX_SEARCH_LENGTH = 100;
    private static final Pattern WARD_CODE = Pattern.compile("\\d{5}");

    /**
     * Reads the query parameters as sent; blank ones are absent.
     *
     * @throws InvalidRequestException naming every invalid parameter
     */
    public static PointFilter parse(String type, String ward, String q) {
        List<InvalidParam> errors = new ArrayList<>();
        Optional<PointType> pointType = parseType(type, errors);
        Optional<String> wardCode = present(ward);
        if (wardCode.isPresent() && !WARD_CODE.matcher(wardCode.get()).matches()) {
            errors.add(new InvalidParam("ward", "must be a 5-digit ward code, e.g. 00070"));
        }
        Optional<String> search = present(q).map(SearchText::fold);
        if (search.isPresent() && search.get().length() > MAX_SEARCH_LENGTH) {
            errors.add(new InvalidParam("q", "must be at most " + MAX_SEARCH_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new PointFilter(pointType, wardCode, search.filter(text -> !text.isEmpty()));
    }

    private static Optional<PointType> parseType(String type, List<InvalidParam> errors) {
        Optional<String> given = present(type);
        if (given.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PointType.valueOf(given.get().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            errors.add(new InvalidParam("type", "must be one of " + List.of(PointType.values())));
            return Optional.empty();
        }
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(text -> !text.isEmpty());
    }
}

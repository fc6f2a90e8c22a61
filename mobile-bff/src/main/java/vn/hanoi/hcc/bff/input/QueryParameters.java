package vn.hanoi.hcc.bff.input;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.hanoi.hcc.bff.error.InvalidRequestException;

/** Query parameters read as the contract says, refused by name otherwise. */
public final class QueryParameters {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{1,15})?");

    private QueryParameters() {}

    /**
     * A required decimal number in plain notation (no exponent, NaN or Infinity) within bounds.
     */
    public static double decimalBetween(String name, String value, double min, double max) {
        if (value == null || value.isBlank()) {
            throw InvalidRequestException.of(name, "is required");
        }
        String text = value.strip();
        if (DECIMAL.matcher(text).matches()) {
            double number = Double.parseDouble(text);
            if (number >= min && number <= max) {
                return number;
            }
        }
        throw InvalidRequestException.of(name, "must be a decimal number from " + format(min) + " to " + format(max));
    }

    /** {@code true} or {@code false} in any case; {@code byDefault} when absent or blank. */
    public static boolean flag(String name, String value, boolean byDefault) {
        if (value == null || value.isBlank()) {
            return byDefault;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw InvalidRequestException.of(name, "must be true or false");
        };
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }

    /** A whole number within bounds; {@code byDefault} when absent or blank. */
    public static int intBetween(String name, String value, int byDefault, int min, int max) {
        if (value == null || value.isBlank()) {
            return byDefault;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw InvalidRequestException.of(name, "must be a whole number from " + min + " to " + max);
    }

    /** One of the allowed values, or null when absent. */
    public static String oneOf(String name, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw InvalidRequestException.of(name, "must be one of " + String.join(", ", allowed));
        }
        return value;
    }

    /** A text matching the pattern, or null when absent; {@code what} says what it should have been. */
    public static String matching(String name, String value, Pattern pattern, String what) {
        if (value != null && !pattern.matcher(value).matches()) {
            throw InvalidRequestException.of(name, "is not " + what);
        }
        return value;
    }

    /** A positive row id taken from a path. */
    public static long id(String name, String value) {
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw InvalidRequestException.of(name, "must be a positive whole number");
    }
}

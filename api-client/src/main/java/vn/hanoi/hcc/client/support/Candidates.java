package vn.hanoi.hcc.client.support;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;
import vn.hanoi.hcc.client.model.CandidatePosition;

/**
 * The suggestions' {@code candidates}: {@code "wards"}, {@code "grid"} or a list of positions (a
 * {@code oneOf} of a string and an array in docs/openapi.yaml). Written by hand and mapped in by the
 * generator's {@code schemaMappings}: the Java generator's own class for such a {@code oneOf} does not
 * compile (it writes {@code List<CandidatePosition>.class}).
 */
public final class Candidates {

    private final Object value;

    private Candidates(Object value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** Each ward's representative point (the server's default). */
    public static Candidates wards() {
        return new Candidates("wards");
    }

    /** A 1 km grid over the populated area. */
    public static Candidates grid() {
        return new Candidates("grid");
    }

    /** The planner's own positions (1 to 500). */
    public static Candidates positions(List<CandidatePosition> positions) {
        return new Candidates(List.copyOf(positions));
    }

    @JsonCreator
    static Candidates of(Object value) {
        return new Candidates(value);
    }

    /** What goes in the JSON body: the string or the list. */
    @JsonValue
    public Object value() {
        return value;
    }

    /** Never sent in a query string (the suggestions are a POST body); the generated model asks. */
    public String toUrlQueryString(String prefix) {
        return "";
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}

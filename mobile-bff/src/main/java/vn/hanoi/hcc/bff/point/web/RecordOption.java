package vn.hanoi.hcc.bff.point.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import vn.hanoi.hcc.bff.error.InvalidRequestException;
import vn.hanoi.hcc.bff.error.Problem.InvalidParam;
import vn.hanoi.hcc.bff.input.QueryParameters;

/**
 * The {@code record} option of the point lists and the nearest-point answer: {@code true} adds each
 * point's service record; absent or {@code false}, the answer is as it was without it.
 *
 * @param query the answer's other parameters, parsed
 * @param withRecord whether each point carries its record
 */
record RecordOption<T>(T query, boolean withRecord) {

    static final String DESCRIPTION = "true: each point with its service record over the last 90 days";

    /** Parses the option with the other parameters, so that a refusal names every invalid one. */
    static <T> RecordOption<T> parse(Supplier<T> others, String record) {
        List<InvalidParam> errors = new ArrayList<>();
        T query = null;
        boolean withRecord = false;
        try {
            query = others.get();
        } catch (InvalidRequestException invalid) {
            errors.addAll(invalid.errors());
        }
        try {
            withRecord = QueryParameters.flag("record", record, false);
        } catch (InvalidRequestException invalid) {
            errors.addAll(invalid.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new RecordOption<>(query, withRecord);
    }
}

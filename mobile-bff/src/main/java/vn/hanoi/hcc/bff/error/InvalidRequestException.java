package vn.hanoi.hcc.bff.error;

import java.util.List;
import vn.hanoi.hcc.contract.problem.ProblemType;

/** The request's parameters or body break the contract; every offending name is listed. */
public class InvalidRequestException extends ProblemException {

    private final List<Problem.InvalidParam> errors;

    public InvalidRequestException(List<Problem.InvalidParam> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    public static InvalidRequestException of(String parameter, String reason) {
        return new InvalidRequestException(List.of(new Problem.InvalidParam(parameter, reason)));
    }

    @Override
    public List<Problem.InvalidParam> errors() {
        return errors;
    }

    private static String describe(List<Problem.InvalidParam> errors) {
        StringBuilder detail = new StringBuilder();
        for (Problem.InvalidParam error : errors) {
            detail.append(detail.isEmpty() ? "" : "; ")
                    .append("Invalid '")
                    .append(error.name())
                    .append("': ")
                    .append(error.reason());
        }
        return detail.toString();
    }

    @Override
    public ProblemType type() {
        return ProblemType.INVALID_REQUEST;
    }
}

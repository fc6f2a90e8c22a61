package vn.hanoi.hcc.bff.error;

import vn.hanoi.hcc.contract.problem.ProblemType;

/**
 * A resource the caller asked for does not exist (or is not theirs to see: both read the same).
 * Features subclass it to name their resource.
 */
public class ResourceNotFoundException extends ProblemException {

    public ResourceNotFoundException(String resource, String id) {
        super("No " + resource + " with id '" + Sanitizer.quoteable(id) + "'");
    }

    @Override
    public ProblemType type() {
        return ProblemType.NOT_FOUND;
    }
}

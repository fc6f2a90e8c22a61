package vn.hanoi.hcc.bff.point;

import vn.hanoi.hcc.bff.error.ResourceNotFoundException;

/** No service point has the requested id. */
class PointNotFoundException extends ResourceNotFoundException {

    PointNotFoundException(String id) {
        super("service point", id);
    }
}

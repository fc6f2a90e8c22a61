package vn.hanoi.hcc.bff.apikey;

import vn.hanoi.hcc.bff.error.ResourceNotFoundException;

/** No key has this id (or, for the gateway, no active key has this hash). */
class ApiKeyNotFoundException extends ResourceNotFoundException {

    ApiKeyNotFoundException(String id) {
        super("API key", id);
    }
}

package vn.hanoi.hcc.contract.identity;

/** An identity token that proves nothing: forged, expired, for another service, or malformed. */
public class InvalidIdentityTokenException extends RuntimeException {

    public InvalidIdentityTokenException(String message) {
        super(message);
    }
}

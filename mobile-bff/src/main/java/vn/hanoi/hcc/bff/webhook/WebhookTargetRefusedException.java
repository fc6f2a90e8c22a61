package vn.hanoi.hcc.bff.webhook;

/**
 * A webhook's host resolved to an address no webhook may reach. At registration it is a 400; at
 * delivery a failed attempt, retried like any other and dead-lettered in the end.
 */
class WebhookTargetRefusedException extends RuntimeException {

    /** What ops see as the attempt's error: neither the URL nor the address, which the agent controls. */
    static final String LAST_ERROR = "target refused: resolves to a private, loopback, link-local or reserved address";

    WebhookTargetRefusedException() {
        super(LAST_ERROR, null, false, false);
    }
}

package vn.hanoi.hcc.bff.webhook;

import java.net.InetAddress;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Resolves the host of a webhook target to its addresses. The registration check and every
 * delivery ask it, and the delivery connects only to an address it answered and the policy
 * accepted: the seam where a test plays a DNS server that answers differently each time.
 */
interface TargetHostResolver {

    /** Every address of the host; an {@link java.net.UnknownHostException} when it has none. */
    Mono<List<InetAddress>> resolve(String host);
}

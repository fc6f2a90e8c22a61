package vn.hanoi.hcc.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.hanoi.hcc.contract.identity.Identity;
import vn.hanoi.hcc.contract.identity.IdentityTokenSigner;
import vn.hanoi.hcc.gateway.caller.Caller;

/**
 * The identity token that tells the BFF who is calling (signed by the contract's
 * {@link IdentityTokenSigner}), in the header the BFF reads it from. It lives for {@code ttl} and
 * only ever travels between the gateway and the BFF.
 *
 * <p>A token is reused for the same identity during the first half of its life: signing one per
 * request was the largest single cost of the gateway's request path. The cache is keyed by the
 * whole {@link Identity} (kind, subject, roles, scopes, agencies and client address), and the token
 * holds nothing but that, so a reused token says exactly what a fresh one would; and since it is
 * handed out only while at least half its life is left, it reaches the BFF well before it expires
 * (a route's response timeout is at most a minute, the BFF checks the token on arrival).
 */
@Component
class IdentityTokens {

    /** Callers whose token is kept: every client address of a busy minute, and then some. */
    private static final long KEPT_CALLERS = 100_000;

    private final IdentityTokenSigner signer;
    private final String header;
    private final Cache<Identity, String> recent;

    @Autowired
    IdentityTokens(InternalTokenProperties properties, Clock clock) {
        this(properties, clock, Ticker.systemTicker());
    }

    IdentityTokens(InternalTokenProperties properties, Clock clock, Ticker ticker) {
        this.signer = new IdentityTokenSigner(
                properties.secret(), properties.issuer(), properties.audience(), properties.ttl(), clock);
        this.header = properties.header();
        this.recent = Caffeine.newBuilder()
                .maximumSize(KEPT_CALLERS)
                .expireAfterWrite(properties.ttl().dividedBy(2))
                .ticker(ticker)
                .build();
    }

    String header() {
        return header;
    }

    /** The caller's token: the one signed for their identity in the last half-life, or a new one. */
    String tokenFor(Caller caller) {
        return recent.get(caller.identity(), signer::sign);
    }
}

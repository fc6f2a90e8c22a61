package vn.hanoi.hcc.bff.webhook;

import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Name resolution for webhook deliveries: Netty connects to what this answers, and this answers
 * only addresses {@link WebhookTargetPolicy} accepted a moment before, so what the DNS says after
 * the webhook was registered cannot lead a delivery inside (DNS rebinding). Literal addresses are
 * checked too. The URL's host name stays what Reactor Netty uses for the {@code Host} header, TLS
 * SNI and certificate verification. Reactor Netty pools connections apart per resolver, so a
 * delivery never reuses a connection another client opened unchecked.
 */
final class CheckedAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    private final WebhookTargetPolicy policy;

    CheckedAddressResolverGroup(WebhookTargetPolicy policy) {
        this.policy = policy;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new CheckedAddressResolver(executor, policy);
    }

    private static final class CheckedAddressResolver extends AbstractAddressResolver<InetSocketAddress> {

        private final WebhookTargetPolicy policy;

        CheckedAddressResolver(EventExecutor executor, WebhookTargetPolicy policy) {
            super(executor, InetSocketAddress.class);
            this.policy = policy;
        }

        /** Nothing counts as resolved, so that an address written in the URL is checked as well. */
        @Override
        protected boolean doIsResolved(InetSocketAddress address) {
            return false;
        }

        @Override
        protected void doResolve(InetSocketAddress target, Promise<InetSocketAddress> promise) {
            // Netty asks through a promise: the resolution (off the event loop) completes it
            checked(target).subscribe(addresses -> promise.trySuccess(addresses.get(0)), promise::tryFailure);
        }

        @Override
        protected void doResolveAll(InetSocketAddress target, Promise<List<InetSocketAddress>> promise) {
            checked(target).subscribe(promise::trySuccess, promise::tryFailure);
        }

        private Mono<List<InetSocketAddress>> checked(InetSocketAddress target) {
            return policy.allowedAddresses(target.getHostString())
                    .map(addresses -> addresses.stream()
                            .map(address -> new InetSocketAddress(address, target.getPort()))
                            .toList());
        }
    }
}

package vn.hanoi.hcc.gateway.caller;

import java.net.InetSocketAddress;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import vn.hanoi.hcc.gateway.config.GatewayProperties;

/**
 * The client's IP: the connection's peer, or, behind {@code hcc.gateway.trusted-proxies} proxies, the address
 * they recorded in X-Forwarded-For. Entries a client adds itself stand before those and are never
 * read, so a forged header cannot buy a fresh bucket. It is settled on arrival, before the forwarding
 * headers are removed ({@code filter.ForwardedHeaderWebFilter}), and read from the exchange after that.
 */
@Component
public class ClientAddressResolver {

    private static final String ATTRIBUTE = ClientAddressResolver.class.getName();

    private final RemoteAddressResolver resolver;

    ClientAddressResolver(GatewayProperties properties) {
        this.resolver = properties.trustedProxies() > 0
                ? XForwardedRemoteAddressResolver.maxTrustedIndex(properties.trustedProxies())
                : new RemoteAddressResolver() {};
    }

    /** Works the client's address out from the request as it arrived and keeps it on the exchange. */
    public void settle(ServerWebExchange exchange) {
        exchange.getAttributes().put(ATTRIBUTE, addressOf(exchange));
    }

    /** The client's address as settled on arrival (worked out now for a request that was not). */
    public String resolve(ServerWebExchange exchange) {
        String settled = exchange.getAttribute(ATTRIBUTE);
        return settled != null ? settled : addressOf(exchange);
    }

    private String addressOf(ServerWebExchange exchange) {
        InetSocketAddress address = resolver.resolve(exchange);
        if (address == null) {
            return "unknown";
        }
        return address.getAddress() == null
                ? address.getHostString()
                : address.getAddress().getHostAddress();
    }
}

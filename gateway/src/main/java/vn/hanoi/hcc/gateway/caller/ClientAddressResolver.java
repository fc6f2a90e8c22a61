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
 * read, so a forged header cannot buy a fresh bucket.
 */
@Component
public class ClientAddressResolver {

    private final RemoteAddressResolver resolver;

    ClientAddressResolver(GatewayProperties properties) {
        this.resolver = properties.trustedProxies() > 0
                ? XForwardedRemoteAddressResolver.maxTrustedIndex(properties.trustedProxies())
                : new RemoteAddressResolver() {
                };
    }

    public String resolve(ServerWebExchange exchange) {
        InetSocketAddress address = resolver.resolve(exchange);
        if (address == null) {
            return "unknown";
        }
        return address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
    }
}

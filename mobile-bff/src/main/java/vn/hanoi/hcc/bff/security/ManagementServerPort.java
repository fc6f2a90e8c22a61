package vn.hanoi.hcc.bff.security;

import java.net.InetSocketAddress;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The port of the actuator's own server ({@code management.server.port}), once it listens: the
 * management context runs this application's web filters too, and the probes and Prometheus, which
 * the gateway never routes, reach it without the gateway's identity.
 */
@Component
class ManagementServerPort implements ApplicationListener<WebServerInitializedEvent> {

    private static final String MANAGEMENT = "management";

    /** None until the management server starts, and none at all when it shares the API's port. */
    private volatile int port = -1;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (MANAGEMENT.equals(event.getApplicationContext().getServerNamespace())) {
            port = event.getWebServer().getPort();
        }
    }

    /** Whether the request arrived on the management server's port. */
    boolean received(ServerHttpRequest request) {
        InetSocketAddress local = request.getLocalAddress();
        return port > 0 && local != null && local.getPort() == port;
    }
}

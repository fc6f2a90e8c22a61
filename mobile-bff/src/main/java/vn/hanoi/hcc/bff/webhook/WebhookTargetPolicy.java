package vn.hanoi.hcc.bff.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.hanoi.hcc.bff.error.InvalidRequestException;

/**
 * Whether the BFF may call a target URL: an absolute http(s) URL without credentials or fragment,
 * whose host resolves only to public addresses. Private (10/8, 172.16/12, 192.168/16, fc00::/7),
 * shared (100.64/10), loopback, link-local (169.254/16, fe80::/10: cloud metadata lives there),
 * unspecified and multicast addresses are refused, so that a webhook cannot be aimed at the
 * cluster's own services. Loopback may be allowed by configuration (the local run).
 */
@Component
public class WebhookTargetPolicy {

    private final WebhookProperties properties;

    WebhookTargetPolicy(WebhookProperties properties) {
        this.properties = properties;
    }

    /** The URL, once checked; a 400 naming {@code url} otherwise. Resolves the host off the event loop. */
    public Mono<URI> check(String url) {
        return Mono.fromCallable(() -> parse(url))
                .flatMap(uri -> Mono.fromCallable(() -> resolve(uri.getHost()))
                        .subscribeOn(Schedulers.boundedElastic())
                        .map(addresses -> allowed(uri, addresses)));
    }

    private URI allowed(URI uri, List<InetAddress> addresses) {
        for (InetAddress address : addresses) {
            if (forbidden(address)) {
                throw InvalidRequestException.of("url",
                        "must reach a public address; " + uri.getHost() + " is private, loopback or link-local");
            }
        }
        return uri;
    }

    private URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException malformed) {
            throw InvalidRequestException.of("url", "is not a URL");
        }
        String scheme = uri.getScheme();
        boolean https = "https".equalsIgnoreCase(scheme);
        if (!https && !("http".equalsIgnoreCase(scheme) && !properties.requireHttps())) {
            throw InvalidRequestException.of("url", properties.requireHttps() ? "must be an https URL" : "must be an http(s) URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw InvalidRequestException.of("url", "must name a host, without credentials or fragment");
        }
        return uri;
    }

    private static List<InetAddress> resolve(String host) {
        try {
            return List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException unknown) {
            throw InvalidRequestException.of("url", "names a host that does not resolve");
        }
    }

    boolean forbidden(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return !properties.allowLoopback();
        }
        if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second <= 127); // 0/8, shared 100.64/10
    }
}

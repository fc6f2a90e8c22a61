package vn.hanoi.hcc.bff.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.error.InvalidRequestException;

/**
 * Whether the BFF may call a target: an absolute http(s) URL without credentials or fragment, whose
 * host resolves only to addresses outside {@link ForbiddenAddresses} (private, shared, loopback,
 * link-local where cloud metadata lives, reserved, multicast, and the IPv6 forms of any of them), so
 * that a webhook cannot be aimed at the cluster's own services. Checked when the webhook is
 * registered and again at every delivery, which connects only to the addresses checked then: a DNS
 * answer that changes after registration (DNS rebinding) reaches nothing. Loopback may be allowed
 * by configuration (the local run).
 */
@Component
public class WebhookTargetPolicy {

    private final WebhookProperties properties;
    private final TargetHostResolver resolver;

    WebhookTargetPolicy(WebhookProperties properties, TargetHostResolver resolver) {
        this.properties = properties;
        this.resolver = resolver;
    }

    /** The URL, once checked; a 400 naming {@code url} otherwise. */
    public Mono<URI> check(String url) {
        return Mono.fromCallable(() -> parse(url))
                .flatMap(uri -> allowedAddresses(uri.getHost())
                        .thenReturn(uri)
                        .onErrorMap(
                                WebhookTargetRefusedException.class,
                                refused -> InvalidRequestException.of(
                                        "url",
                                        "must reach a public address; " + uri.getHost()
                                                + " is private, loopback, link-local or reserved"))
                        .onErrorMap(
                                UnknownHostException.class,
                                unknown -> InvalidRequestException.of("url", "names a host that does not resolve")));
    }

    /**
     * Every address of the host, if none is forbidden; a {@link WebhookTargetRefusedException}
     * otherwise, or the resolver's error. A literal address is checked as it is.
     */
    Mono<List<InetAddress>> allowedAddresses(String host) {
        return resolver.resolve(host).map(addresses -> {
            if (addresses.isEmpty()) {
                throw new IllegalStateException("A resolver answered no address and no error");
            }
            if (addresses.stream().anyMatch(this::forbidden)) {
                throw new WebhookTargetRefusedException();
            }
            return addresses;
        });
    }

    boolean forbidden(InetAddress address) {
        return ForbiddenAddresses.forbidden(address, properties.allowLoopback());
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
            throw InvalidRequestException.of(
                    "url", properties.requireHttps() ? "must be an https URL" : "must be an http(s) URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw InvalidRequestException.of("url", "must name a host, without credentials or fragment");
        }
        return uri;
    }
}

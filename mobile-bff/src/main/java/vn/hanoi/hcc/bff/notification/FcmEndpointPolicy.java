package vn.hanoi.hcc.bff.notification;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where FCM may be reached instead of Google's endpoint: only at a fake on this machine (a loopback
 * address), and only in the tests, the local run and the benchmarks (profiles {@code test},
 * {@code local}, {@code bench}), never beside {@code prod}. The SDK sends the project's OAuth access
 * token with every message: an endpoint elsewhere would hand it to whoever answers there.
 */
final class FcmEndpointPolicy {

    static final Set<String> PROFILES = Set.of("test", "local", "bench");
    private static final String PRODUCTION = "prod";
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[[0-9a-fA-F:.]+]");

    private FcmEndpointPolicy() {}

    /** @throws IllegalStateException when the endpoint may not be used in this run */
    static void check(URI endpoint, Collection<String> activeProfiles) {
        if (activeProfiles.contains(PRODUCTION) || activeProfiles.stream().noneMatch(PROFILES::contains)) {
            throw new IllegalStateException("hcc.bff.push.firebase.endpoint (HCC_FIREBASE_ENDPOINT) is set, but it is "
                    + "only for the profiles " + PROFILES + ", never with prod; active: " + activeProfiles
                    + ". Unset it: FCM's OAuth token would go to another server than Google's");
        }
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!Set.of("http", "https").contains(scheme) || !isLoopback(endpoint.getHost())) {
            throw new IllegalStateException("hcc.bff.push.firebase.endpoint (HCC_FIREBASE_ENDPOINT) must be an http(s) "
                    + "address on this machine (localhost, 127.0.0.0/8 or [::1]), not " + endpoint);
        }
    }

    /** Loopback by its very spelling: a name other than localhost is never looked up. */
    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        if (!IP_LITERAL.matcher(host).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException malformed) {
            return false;
        }
    }
}

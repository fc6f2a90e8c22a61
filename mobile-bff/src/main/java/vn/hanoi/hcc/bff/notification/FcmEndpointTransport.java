package vn.hanoi.hcc.bff.notification;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;

/**
 * The SDK's own HTTP transport, with FCM's address ({@code https://fcm.googleapis.com}) replaced by
 * another endpoint: a fake FCM server on loopback, so that benchmarks and fault drills run the
 * real SDK end to end. Never configured in production; the BFF warns at startup when it is.
 */
final class FcmEndpointTransport {

    static final String FCM = "https://fcm.googleapis.com";

    private FcmEndpointTransport() {}

    static HttpTransport to(URI endpoint) {
        String target = endpoint.toString().replaceAll("/+$", "");
        return new NetHttpTransport.Builder()
                .setConnectionFactory(
                        url -> (HttpURLConnection) redirect(url, target).openConnection())
                .build();
    }

    static URL redirect(URL url, String target) throws MalformedURLException {
        String address = url.toString();
        return address.startsWith(FCM)
                ? URI.create(target + address.substring(FCM.length())).toURL()
                : url;
    }
}

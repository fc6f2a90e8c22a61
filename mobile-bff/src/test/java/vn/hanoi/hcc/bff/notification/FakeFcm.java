package vn.hanoi.hcc.bff.notification;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import com.google.api.client.testing.http.MockLowLevelHttpRequest;
import com.google.api.client.testing.http.MockLowLevelHttpResponse;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * FCM's HTTP v1 API behind the Firebase Admin SDK's {@link HttpTransport} seam: records every
 * request the real SDK makes and answers each token as scripted (success by default), with FCM's
 * own error bodies. No network.
 */
public final class FakeFcm extends HttpTransport {

    /** How FCM answers a token. */
    public enum Answer {
        OK(200, null, null),
        UNREGISTERED(404, "NOT_FOUND", "UNREGISTERED"),
        SENDER_ID_MISMATCH(403, "PERMISSION_DENIED", "SENDER_ID_MISMATCH"),
        INVALID_TOKEN(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT"),
        QUOTA_EXCEEDED(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED"),
        UNAVAILABLE(503, "UNAVAILABLE", "UNAVAILABLE"),
        INTERNAL(500, "INTERNAL", "INTERNAL"),
        AUTH_REFUSED(401, "UNAUTHENTICATED", null),
        THIRD_PARTY_AUTH(401, "UNAUTHENTICATED", "THIRD_PARTY_AUTH_ERROR"),
        SLOW(200, null, null),
        RESET(0, null, null);

        final int status;
        final String platformStatus;
        final String fcmCode;

        Answer(int status, String platformStatus, String fcmCode) {
            this.status = status;
            this.platformStatus = platformStatus;
            this.fcmCode = fcmCode;
        }
    }

    /** One request as FCM received it. */
    public record Request(String method, String url, String authorization, JsonNode body) {

        public String token() {
            return body.path("message").path("token").asText();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Request> received = new ConcurrentLinkedQueue<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile String retryAfter;
    private volatile Duration latency = Duration.ZERO;

    /** Credentials that never ask Google for a token (and "refresh" when FCM answers 401). */
    public static GoogleCredentials credentials() {
        return new FakeCredentials();
    }

    private static final class FakeCredentials extends GoogleCredentials {

        private static final long serialVersionUID = 1L;

        @Override
        public AccessToken refreshAccessToken() {
            return new AccessToken("fake-access-token", Date.from(Instant.now().plus(Duration.ofDays(1))));
        }
    }

    public void answer(String token, Answer answer) {
        answers.put(token, answer);
    }

    /** The Retry-After header (seconds) of 429 and 503 answers; null for none. */
    public void retryAfter(String seconds) {
        retryAfter = seconds;
    }

    /** How long every answer takes. */
    public void latency(Duration delay) {
        latency = delay;
    }

    public List<Request> received() {
        return List.copyOf(received);
    }

    public List<Request> receivedFor(String token) {
        return received.stream()
                .filter(request -> request.token().equals(token))
                .toList();
    }

    public void reset() {
        answers.clear();
        received.clear();
        retryAfter = null;
        latency = Duration.ZERO;
    }

    @Override
    protected LowLevelHttpRequest buildRequest(String method, String url) {
        return new MockLowLevelHttpRequest(url) {
            @Override
            public LowLevelHttpResponse execute() throws IOException {
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                if (getStreamingContent() != null) {
                    getStreamingContent().writeTo(content);
                }
                JsonNode body = JSON.readTree(content.toByteArray());
                Request request = new Request(method, url, getFirstHeaderValue("Authorization"), body);
                received.add(request);
                Answer answer = answers.getOrDefault(request.token(), Answer.OK);
                pause(answer == Answer.SLOW ? Duration.ofSeconds(5) : latency);
                if (answer == Answer.RESET) {
                    throw new SocketException("Connection reset");
                }
                return respond(answer);
            }
        };
    }

    private MockLowLevelHttpResponse respond(Answer answer) {
        MockLowLevelHttpResponse response = new MockLowLevelHttpResponse()
                .setContentType("application/json")
                .setStatusCode(answer.status);
        if (answer.status == 200) {
            return response.setContent("{\"name\":\"projects/test-project/messages/" + ids.incrementAndGet() + "\"}");
        }
        if (retryAfter != null && (answer.status == 429 || answer.status == 503)) {
            response.addHeader("Retry-After", retryAfter);
        }
        String details = answer.fcmCode == null
                ? "[]"
                : "[{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\""
                        + answer.fcmCode + "\"}]";
        return response.setContent("{\"error\":{\"code\":" + answer.status + ",\"message\":\"scripted\",\"status\":\""
                + answer.platformStatus + "\",\"details\":" + details + "}}");
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

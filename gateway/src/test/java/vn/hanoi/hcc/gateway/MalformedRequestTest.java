package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests the gateway refuses before routing, sent over a raw socket as the bad-input drill sends
 * them: paths Spring Security's firewall rejects, methods it does not allow, and requests Netty's
 * HTTP decoder cannot parse. Each answer is problem+json like every other error; those of the
 * firewall carry the request id, those of the decoder a request id of their own.
 */
class MalformedRequestTest extends SharedFakeBffTest {

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");
    private static final String PROBLEMS = "https://hcc.hanoi.gov.vn/problems/";

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/points/../ops/overdue",
                "/api/v1//points",
                "/api/v1/points;jsessionid=1",
                "/api/v1/points%2fHQ",
                "/api/v1/points/%00",
                "/api/v1/points%5cHQ",
                "/api/v1/points/%2e%2e/x"
            })
    void refusesAPathTheFirewallRejectsWithAProblem(String path) throws IOException {
        Answer answer = send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: fw-path-1\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        answer.assertProblem("invalid-request", 400);
        assertThat(answer.body()).contains("\"requestId\":\"fw-path-1\"");
        assertThat(answer.header("X-Request-Id")).isEqualTo("fw-path-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRACE", "PROPFIND", "get", "CONNECT"})
    void refusesAMethodTheFirewallRejectsWith405(String method) throws IOException {
        Answer answer =
                send(method + " /api/v1/points HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: fw-method-1\r\n\r\n");

        assertThat(answer.status()).isEqualTo(405);
        answer.assertProblem("method-not-allowed", 405);
        assertThat(answer.body()).contains("\"requestId\":\"fw-method-1\"");
        assertThat(answer.header("Allow")).contains("GET").doesNotContain("TRACE");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "GARBAGE\r\n\r\n",
                "GET /api/v1/points HTTP/1.1 extra\r\nHost: x\r\n\r\n",
                "GET /api/v1/points HTTP/1.1\r\nBad Header : x\r\n\r\n"
            })
    void answersARequestNettyCannotParseWithAProblem(String request) throws IOException {
        Answer answer = send(request);

        assertThat(answer.status()).isEqualTo(400);
        answer.assertProblem("invalid-request", 400);
        assertThat(answer.header("X-Request-Id")).isNotBlank();
        assertThat(answer.body()).contains("\"requestId\":\"" + answer.header("X-Request-Id") + "\"");
        assertThat(answer.header("Connection")).isEqualTo("close");
    }

    @ParameterizedTest
    @ValueSource(ints = {414, 431})
    void answersARequestTooLargeForNettyWithAProblem(int status) throws IOException {
        String request = status == 414
                ? "GET /api/v1/points?q=" + "a".repeat(5_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"
                : "GET /api/v1/points HTTP/1.1\r\nHost: x\r\nX-Padding: " + "p".repeat(70 * 1024) + "\r\n\r\n";

        Answer answer = send(request);

        assertThat(answer.status()).isEqualTo(status);
        answer.assertProblem(status == 414 ? "uri-too-long" : "headers-too-large", status);
        assertThat(answer.header("X-Request-Id")).isNotBlank();
    }

    /** One answer: its status, its head and its Content-Length body; headers looked up by any case. */
    record Answer(int status, String head, String body) {

        String header(String name) {
            Matcher value = Pattern.compile("(?im)^" + Pattern.quote(name) + ": *(.*?)\\r?$")
                    .matcher(head);
            return value.find() ? value.group(1) : null;
        }

        void assertProblem(String type, int status) {
            assertThat(header("Content-Type")).as(head).startsWith("application/problem+json");
            assertThat(body())
                    .contains(
                            "\"type\":\"" + PROBLEMS + type + "\"",
                            "\"status\":" + status,
                            "\"title\":",
                            "\"detail\":");
        }
    }

    private Answer send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            Matcher status = STATUS_LINE.matcher(head);
            assertThat(status.lookingAt()).as("a status line in %s", head).isTrue();
            Matcher length = Pattern.compile("(?im)^content-length: *(\\d+)").matcher(head);
            String body = length.find()
                    ? new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8)
                    : "";
            return new Answer(Integer.parseInt(status.group(1)), head, body);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("the gateway closed the connection after " + head);
            }
            head.write(next);
            matched = next == end[matched] ? matched + 1 : next == '\r' ? 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}

package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One keep-alive connection carrying requests back to back, as a phone's HTTP client or a proxy in
 * front of the gateway sends them. A request that arrives while the one before is still being
 * answered is held, then answered, and the connection goes on reading: with Reactor Netty 1.3.6 it
 * stopped reading once the held request was answered at once (reactor/reactor-netty#4361), and the
 * client's next request hung until the connection closed.
 */
class KeepAliveTest extends SharedFakeBffTest {

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length: *(\\d+)$");

    @LocalServerPort
    int port;

    @Test
    void goesOnReadingAfterAnsweringARequestThatWaitedForTheOneBefore() throws IOException {
        String unknownKey = "hcc_never_issued_" + System.nanoTime(); // asks the key store: answered later
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();

            out.write((request(unknownKey) + request("short")).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(List.of(readResponse(in), readResponse(in))).containsExactly(401, 401);

            out.write(request("with space").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in)).as("the connection still reads").isEqualTo(401);
        }
    }

    private String request(String apiKey) {
        return "GET /api/v1/agent/dossiers HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: " + clientIp
                + "\r\nX-Api-Key: " + apiKey + "\r\n\r\n";
    }

    /** Reads one whole response (head and Content-Length body) and returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        String head = readHead(in);
        Matcher status = STATUS_LINE.matcher(head);
        assertThat(status.lookingAt()).as("a status line in %s", head).isTrue();
        Matcher length = CONTENT_LENGTH.matcher(head);
        assertThat(length.find()).as("a Content-Length in %s", head).isTrue();
        in.readNBytes(Integer.parseInt(length.group(1)));
        return Integer.parseInt(status.group(1));
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        List<Integer> last = new ArrayList<>(List.of(0, 0, 0, 0));
        try {
            while (!last.equals(List.of((int) '\r', (int) '\n', (int) '\r', (int) '\n'))) {
                int next = in.read();
                if (next < 0) {
                    throw new IOException("the gateway closed the connection");
                }
                head.write(next);
                last.remove(0);
                last.add(next);
            }
        } catch (SocketTimeoutException hung) {
            throw new AssertionError("no answer within 5 s on a kept-alive connection", hung);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}

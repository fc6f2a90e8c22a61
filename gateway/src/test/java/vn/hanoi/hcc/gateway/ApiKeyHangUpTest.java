package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Many requests with the same API key waiting for one key-store lookup, and some of their clients
 * hanging up meanwhile (the drill's load: timeouts, impatient clients). Each hang-up used to cancel
 * the lookup shared by all of them, and every other waiting request answered 500.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyHangUpTest extends SharedFakeBffTest {

    private static final int CALLERS = 30;

    @LocalServerPort
    int port;

    @Test
    void clientsHangingUpNeverFailTheOthersWaitingForTheSameKey(CapturedOutput output) throws Exception {
        String key = TestApiKeys.agent(bff, "agent-hang-up", "partner", "dossiers:read");
        // the first lookup of a fresh JVM loads the web client and its codecs: on a loaded machine that
        // alone can pass the 2 s lookup timeout, which is not what this test is about
        web.get()
                .uri("/api/v1/agent/dossiers")
                .header("X-Api-Key", TestApiKeys.agent(bff, "agent-warm-up", "partner", "dossiers:read"))
                .exchange()
                .expectStatus()
                .isOk();
        bff.keyStoreDelay(Duration.ofMillis(600));
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < CALLERS; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                socket.setSoTimeout(5_000);
                socket.getOutputStream()
                        .write(("GET /api/v1/agent/dossiers?limit=10 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                        + "X-Forwarded-For: " + clientIp + "\r\nX-Api-Key: " + key
                                        + "\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                sockets.add(socket);
            }
            Thread.sleep(200); // every request is waiting for the key store now
            for (int i = 0; i < CALLERS; i += 2) {
                sockets.get(i).close();
            }

            for (int i = 1; i < CALLERS; i += 2) {
                assertThat(statusLine(sockets.get(i).getInputStream()))
                        .as("caller %d", i)
                        .startsWith("HTTP/1.1 200");
            }
        } finally {
            bff.keyStoreDelay(Duration.ZERO);
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        assertThat(output.getOut()).doesNotContain("Unexpected gateway error", "CancellationException");
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int next = in.read(); next >= 0 && next != '\n'; next = in.read()) {
            line.append((char) next);
        }
        return line.toString().strip();
    }
}

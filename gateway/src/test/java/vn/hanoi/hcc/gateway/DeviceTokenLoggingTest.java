package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

/**
 * An FCM token is a credential to push to someone's phone: the gateway writes it to no log, whether
 * it comes in a registration's body or, from an app still on the old contract, in a path.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeviceTokenLoggingTest extends SharedFakeBffTest {

    private static final String TOKEN = "fcm_d3v1c3t0k3n:APA91bHunLoggedNowhere0123456789";

    @Test
    void writesNoDeviceTokenToAnyLog(CapturedOutput output) {
        String citizen = idp.token("001099666666", "citizen");

        web.post()
                .uri("/api/v1/me/devices")
                .headers(h -> h.setBearerAuth(citizen))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", TOKEN, "platform", "android", "locale", "vi"))
                .header("X-Request-Id", "device-log-1")
                .exchange()
                .expectBody()
                .returnResult();
        web.delete()
                .uri("/api/v1/me/devices/{token}", TOKEN)
                .headers(h -> h.setBearerAuth(citizen))
                .header("X-Request-Id", "device-log-2")
                .exchange()
                .expectBody()
                .returnResult();

        assertThat(output.getAll())
                .contains("\"requestId\":\"device-log-1\"", "\"requestId\":\"device-log-2\"")
                .doesNotContain(TOKEN);
    }
}

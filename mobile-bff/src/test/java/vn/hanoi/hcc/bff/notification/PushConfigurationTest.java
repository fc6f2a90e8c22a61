package vn.hanoi.hcc.bff.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.http.HttpTransport;
import com.google.auth.oauth2.GoogleCredentials;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** Which sender the BFF starts with: the SDK from a service-account file or JSON, the logging one without. */
class PushConfigurationTest {

    private final PushConfiguration configuration = new PushConfiguration();
    private final DefaultListableBeanFactory none = new DefaultListableBeanFactory();

    @AfterEach
    void close() {
        configuration.destroy();
    }

    @Test
    void sendsThroughTheSdkWithTheServiceAccountJsonFromTheEnvironment() throws Exception {
        PushSender sender = sender(new PushProperties.Firebase(null, serviceAccount(), null, null));

        assertThat(sender).isInstanceOf(FcmPushSender.class);
    }

    @Test
    void logsInsteadWithoutCredentials() {
        assertThat(sender(new PushProperties.Firebase("", " ", null, null))).isInstanceOf(LoggingPushSender.class);
    }

    @Test
    void refusesMalformedJsonWithoutQuotingIt() {
        String broken = "{\"type\":\"service_account\",\"private_key\":\"SECRET-MATERIAL\"";

        assertThatThrownBy(() -> sender(new PushProperties.Firebase(null, broken, null, null)))
                .hasMessageContaining("HCC_FIREBASE_CREDENTIALS_JSON").hasMessageNotContaining("SECRET-MATERIAL");
    }

    @Test
    void neverPrintsTheCredentials() throws Exception {
        String json = serviceAccount();

        assertThat(new PushProperties.Firebase(null, json, "p", null).toString())
                .doesNotContain("PRIVATE KEY").contains("credentialsJson=(set)");
    }

    private PushSender sender(PushProperties.Firebase firebase) {
        PushProperties properties = new PushProperties(true, Duration.ofMillis(500), 500, Duration.ofSeconds(60),
                Duration.ofSeconds(5), 12, Duration.ofSeconds(10), Duration.ofMinutes(30), Duration.ofDays(7),
                Duration.ofDays(60), Duration.ofHours(1), firebase);
        return configuration.pushSender(properties, Clock.systemUTC(), none.getBeanProvider(GoogleCredentials.class),
                none.getBeanProvider(HttpTransport.class));
    }

    private static String serviceAccount() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String key = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        return """
                {"type": "service_account", "project_id": "hcc-test", "private_key_id": "k1",
                 "private_key": "-----BEGIN PRIVATE KEY-----\\n%s\\n-----END PRIVATE KEY-----\\n",
                 "client_email": "push@hcc-test.iam.gserviceaccount.com", "client_id": "1",
                 "token_uri": "http://127.0.0.1:9/token"}""".formatted(key);
    }
}

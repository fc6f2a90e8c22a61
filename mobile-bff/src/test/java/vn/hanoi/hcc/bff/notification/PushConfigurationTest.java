package vn.hanoi.hcc.bff.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.http.HttpTransport;
import com.google.auth.oauth2.GoogleCredentials;
import java.net.URI;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

/**
 * Which sender the BFF starts with: the SDK from a service-account file or JSON, the logging one
 * without; FCM at another address only on loopback, and only in the tests, locally and in the benchmarks.
 */
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
                .hasMessageContaining("HCC_FIREBASE_CREDENTIALS_JSON")
                .hasMessageNotContaining("SECRET-MATERIAL");
    }

    @Test
    void neverPrintsTheCredentials() throws Exception {
        String json = serviceAccount();

        assertThat(new PushProperties.Firebase(null, json, "p", null).toString())
                .doesNotContain("PRIVATE KEY")
                .contains("credentialsJson=(set)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "", "prod,bench", "prod,local", "dev"})
    void refusesAnFcmEndpointOutsideTheTestsTheLocalRunAndTheBenchmarks(String profiles) throws Exception {
        PushProperties.Firebase redirected =
                new PushProperties.Firebase(null, serviceAccount(), null, URI.create("http://127.0.0.1:18089"));

        assertThatThrownBy(() -> sender(redirected, profiles.isEmpty() ? new String[0] : profiles.split(",")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HCC_FIREBASE_ENDPOINT");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://fcm.example.com",
                "http://10.0.0.5:8080",
                "http://169.254.169.254",
                "http://127.0.0.1.nip.io",
                "http://localhost.example.com",
                "ftp://127.0.0.1",
                "http://[fd00::1]"
            })
    void refusesAnFcmEndpointOffThisMachine(String endpoint) throws Exception {
        PushProperties.Firebase redirected =
                new PushProperties.Firebase(null, serviceAccount(), null, URI.create(endpoint));

        assertThatThrownBy(() -> sender(redirected, "bench"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("on this machine");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:18089", "http://localhost:18089/", "http://[::1]:18089"})
    void sendsToAFakeOnLoopbackInTheBenchmarks(String endpoint) throws Exception {
        PushProperties.Firebase redirected =
                new PushProperties.Firebase(null, serviceAccount(), null, URI.create(endpoint));

        assertThat(sender(redirected, "bench")).isInstanceOf(FcmPushSender.class);
        configuration.destroy();
        assertThat(sender(redirected, "test")).isInstanceOf(FcmPushSender.class);
    }

    private PushSender sender(PushProperties.Firebase firebase) {
        return sender(firebase, "prod");
    }

    private PushSender sender(PushProperties.Firebase firebase, String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        PushProperties properties = new PushProperties(
                true,
                Duration.ofMillis(500),
                500,
                Duration.ofSeconds(60),
                Duration.ofSeconds(5),
                12,
                Duration.ofSeconds(10),
                Duration.ofMinutes(30),
                Duration.ofDays(7),
                Duration.ofDays(60),
                Duration.ofHours(1),
                firebase);
        return configuration.pushSender(
                properties,
                Clock.systemUTC(),
                none.getBeanProvider(GoogleCredentials.class),
                none.getBeanProvider(HttpTransport.class),
                environment);
    }

    private static String serviceAccount() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String key = Base64.getEncoder()
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        return """
                {"type": "service_account", "project_id": "hcc-test", "private_key_id": "k1",
                 "private_key": "-----BEGIN PRIVATE KEY-----\\n%s\\n-----END PRIVATE KEY-----\\n",
                 "client_email": "push@hcc-test.iam.gserviceaccount.com", "client_id": "1",
                 "token_uri": "http://127.0.0.1:9/token"}""".formatted(key);
    }
}

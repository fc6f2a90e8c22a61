package vn.hanoi.hcc.bff.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import vn.hanoi.hcc.bff.apikey.ApiKeyProperties;
import vn.hanoi.hcc.bff.privacy.PrivacyProperties;
import vn.hanoi.hcc.testsupport.embedded.TestSecrets;

/** The BFF refuses to start with a pepper or token key shorter than 32 bytes. */
class SecretLengthsTest {

    private static final String SHORT = "x".repeat(SecretLength.MIN_BYTES - 1);

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Secrets.class)
            .withPropertyValues(
                    "hcc.bff.internal-token.secret=" + TestSecrets.internalTokenSecret(),
                    "hcc.bff.internal-token.header=X-Hcc-Identity",
                    "hcc.bff.internal-token.issuer=hcc-gateway",
                    "hcc.bff.internal-token.audience=hcc-mobile-bff",
                    "hcc.bff.internal-token.clock-skew=10s",
                    "hcc.bff.api-keys.pepper=" + TestSecrets.apiKeyPepper(),
                    "hcc.bff.api-keys.scopes=dossiers:read",
                    "hcc.bff.api-keys.rate-tiers=standard",
                    "hcc.bff.privacy.pepper=" + TestSecrets.piiPepper());

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({InternalTokenProperties.class, ApiKeyProperties.class, PrivacyProperties.class})
    static class Secrets {}

    @Test
    void startsWithTheTestSecrets() {
        context.run(started -> assertThat(started).hasNotFailed());
    }

    @Test
    void refusesAShortPiiPepper() {
        refuses("hcc.bff.privacy.pepper=" + SHORT, "hcc.bff.privacy");
    }

    @Test
    void refusesAShortApiKeyPepper() {
        refuses("hcc.bff.api-keys.pepper=" + SHORT, "hcc.bff.api-keys");
    }

    @Test
    void refusesAShortInternalTokenSecret() {
        String short31 = Base64.getEncoder().encodeToString(new byte[SecretLength.MIN_BYTES - 1]);
        refuses("hcc.bff.internal-token.secret=" + short31, "hcc.bff.internal-token.secret");
    }

    @Test
    void countsBytesNotCharacters() {
        // 11 characters of three bytes each (33 bytes): long enough
        context.withPropertyValues("hcc.bff.privacy.pepper=" + "ệ".repeat(11))
                .run(started -> assertThat(started).hasNotFailed());
    }

    private void refuses(String property, String named) {
        context.withPropertyValues(property)
                .run(started -> assertThat(started)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("at least 32 bytes"));
        context.withPropertyValues(property)
                .run(started -> assertThat(started.getStartupFailure()).hasStackTraceContaining(named));
    }
}

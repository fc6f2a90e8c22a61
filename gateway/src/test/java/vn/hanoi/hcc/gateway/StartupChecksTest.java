package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import vn.hanoi.hcc.testsupport.embedded.TestInfrastructure;
import vn.hanoi.hcc.testsupport.embedded.TestSecrets;

/**
 * Settings the gateway refuses to start with, each otherwise as the test profile has it: secrets too
 * short to keep their promise (and not repeated in the refusal), a JWKS that could be tampered with
 * on the way, and forwarding headers read by the web server.
 */
class StartupChecksTest {

    @Test
    void refusesAnApiKeyPepperUnder32Characters() {
        String pepper = "p".repeat(31);

        assertThat(stackTrace(refusalToStart("HCC_API_KEY_PEPPER", pepper)))
                .contains("hcc.gateway.api-keys.pepperLongEnough")
                .doesNotContain(pepper);
    }

    @Test
    void refusesAnInternalTokenSecretUnder32Bytes() {
        for (String secret : List.of(Base64.getEncoder().encodeToString(new byte[31]), "not base64 at all!")) {
            assertThat(stackTrace(refusalToStart("HCC_INTERNAL_TOKEN_SECRET", secret)))
                    .contains("hcc.gateway.internal-token.secretLongEnough")
                    .doesNotContain(secret);
        }
    }

    @Test
    void refusesAJwksOverPlainHttp() {
        assertThat(refusalToStart("HCC_OIDC_JWKS_URI", "http://id.example/jwks"))
                .hasStackTraceContaining("hcc.gateway.identity.jwksUriSecure");
        assertThat(refusalToStart(
                        "HCC_OIDC_JWKS_URI",
                        "http://127.0.0.1:9/jwks",
                        "--hcc.gateway.identity.jwks-http-loopback-allowed=false"))
                .hasStackTraceContaining("hcc.gateway.identity.jwksUriSecure");
    }

    @Test
    void refusesToLetTheWebServerReadForwardingHeaders() {
        assertThat(refusalToStart("HCC_GATEWAY_PORT", "0", "--server.forward-headers-strategy=native"))
                .hasStackTraceContaining("server.forward-headers-strategy must be none");
    }

    /** Why the gateway would not start with this variable so (and these arguments); fails if it starts. */
    private static Throwable refusalToStart(String variable, String value, String... arguments) {
        Map<String, String> environment = new TreeMap<>(TestSecrets.environment());
        environment.put("HCC_REDIS_URL", TestInfrastructure.shared().redisUrl());
        environment.put("HCC_BFF_URI", "http://127.0.0.1:9");
        environment.put("HCC_OIDC_ISSUER", FakeIdentityProvider.ISSUER);
        environment.put("HCC_OIDC_JWKS_URI", FakeIdentityProvider.shared().jwksUri());
        environment.put(variable, value);
        List<String> all = new ArrayList<>();
        environment.forEach((name, setting) -> all.add("--" + name + "=" + setting));
        all.addAll(List.of(arguments));

        Throwable refusal = catchThrowable(() -> new SpringApplicationBuilder(GatewayApplication.class)
                .web(WebApplicationType.REACTIVE)
                .profiles("test")
                .run(all.toArray(String[]::new))
                .close());
        assertThat(refusal).as("the gateway refuses to start").isNotNull();
        return refusal;
    }

    private static String stackTrace(Throwable refusal) {
        StringWriter trace = new StringWriter();
        refusal.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}

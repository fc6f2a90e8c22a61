package vn.hanoi.hcc.contract.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Spans are exported only where HCC_OTLP_ENDPOINT has a value: empty or unset, Boot makes no exporter. */
class OtlpEndpointEnvironmentPostProcessorTest {

    @Test
    void pointsTheExporterAtTheEndpoint() {
        assertThat(endpointWith(" http://collector:4318/v1/traces ")).isEqualTo("http://collector:4318/v1/traces");
    }

    @Test
    void leavesTheExporterOutWhenUnsetOrEmpty() {
        assertThat(endpointWith(null)).isNull();
        assertThat(endpointWith("")).isNull();
        assertThat(endpointWith("  ")).isNull();
    }

    private static String endpointWith(String value) {
        StandardEnvironment environment = new StandardEnvironment();
        if (value != null) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "test", Map.of(OtlpEndpointEnvironmentPostProcessor.VARIABLE, value)));
        }
        new OtlpEndpointEnvironmentPostProcessor().postProcessEnvironment(environment, null);
        return environment.getProperty(OtlpEndpointEnvironmentPostProcessor.PROPERTY);
    }
}

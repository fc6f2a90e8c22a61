package vn.hanoi.hcc.contract.tracing;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Exports spans only where {@code HCC_OTLP_ENDPOINT} names a collector (its OTLP/HTTP traces URL, e.g.
 * {@code http://localhost:4318/v1/traces}). Boot makes its OTLP exporter as soon as
 * {@code management.opentelemetry.tracing.export.otlp.endpoint} exists, even empty (and an empty URL
 * fails the startup), so the property is set from the variable only when it has a value: unset, no
 * exporter, no background sender, no failed exports; spans are still made, for the ids in the logs.
 */
public final class OtlpEndpointEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String VARIABLE = "HCC_OTLP_ENDPOINT";
    static final String PROPERTY = "management.opentelemetry.tracing.export.otlp.endpoint";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String endpoint = environment.getProperty(VARIABLE);
        if (endpoint != null && !endpoint.isBlank() && !environment.containsProperty(PROPERTY)) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource("hccOtlpEndpoint", Map.of(PROPERTY, endpoint.strip())));
        }
    }
}

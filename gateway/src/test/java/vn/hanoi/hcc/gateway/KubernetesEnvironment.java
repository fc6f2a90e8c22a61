package vn.hanoi.hcc.gateway;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The process environment a Pod gets: {@code KUBERNETES_SERVICE_HOST} and {@code KUBERNETES_SERVICE_PORT}
 * added to the {@code systemEnvironment} property source, the one Boot's {@code CloudPlatform.KUBERNETES}
 * looks at (not {@code spring.main.cloud-platform}, which would skip the detection being tested).
 * Runs before the web server is made, so the server sees the platform as it would in a cluster.
 */
final class KubernetesEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final Map<String, String> VARIABLES =
            Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBERNETES_SERVICE_PORT", "443");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        PropertySource<?> system = sources.get(name);
        Map<String, Object> variables = new HashMap<>();
        if (system instanceof MapPropertySource map) {
            variables.putAll(map.getSource());
        }
        variables.putAll(VARIABLES);
        sources.replace(name, new SystemEnvironmentPropertySource(name, variables));
    }
}

package vn.hanoi.hcc.gateway;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The one front door of the HCC mobile backend. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(GatewayApplication.class);
        // Not Boot's default locations: run from the repository root, their `file:./config/*/` reads
        // every service's directory under config/, the other service's included. Each service is
        // given its own directory (spring.config.additional-location), and nothing else.
        application.setDefaultProperties(Map.of("spring.config.location", "optional:classpath:/"));
        application.run(args);
    }
}

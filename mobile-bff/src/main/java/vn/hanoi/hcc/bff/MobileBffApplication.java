package vn.hanoi.hcc.bff;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The mobile backend-for-frontend: dossiers, service points, coverage and notifications. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MobileBffApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(MobileBffApplication.class);
        // Not Boot's default locations: run from the repository root, their `file:./config/*/` reads
        // every service's directory under config/, the other service's included. Each service is
        // given its own directory (spring.config.additional-location), and nothing else.
        application.setDefaultProperties(Map.of("spring.config.location", "optional:classpath:/"));
        application.run(args);
    }
}

package vn.hanoi.hcc.bff;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The mobile backend-for-frontend: dossiers, service points, coverage and notifications. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MobileBffApplication {

    public static void main(String[] args) {
        SpringApplication.run(MobileBffApplication.class, args);
    }
}

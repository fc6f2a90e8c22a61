package vn.hanoi.hcc.gateway.filter;

import io.github.resilience4j.common.circuitbreaker.configuration.CircuitBreakerConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The circuit breakers' shared configuration ({@code resilience4j.circuitbreaker.configs.default})
 * ignores a {@link RequestBodyException}: with bodies streaming, a body too large or broken off by
 * its client fails inside the route's call to the BFF, and it must not open the route's circuit for
 * everyone. Here, not in the yml: run from the repository's root, the BFF reads
 * {@code config/gateway/application.yml} too (Spring Boot's {@code ./config/*}), and could not load
 * a gateway class named there.
 */
@Configuration(proxyBeanMethods = false)
class ClientBodyBreakerConfiguration {

    @Bean
    CircuitBreakerConfigCustomizer clientBodyFailuresAreNotTheBffs() {
        return CircuitBreakerConfigCustomizer.of(
                "default", config -> config.ignoreExceptions(RequestBodyException.class));
    }
}

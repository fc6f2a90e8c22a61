package vn.hanoi.hcc.bff.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Checks the gateway's identity on every request but the OpenAPI document's and the actuator's. */
@Configuration(proxyBeanMethods = false)
class InternalIdentityConfiguration {

    @Bean
    InternalIdentityWebFilter internalIdentityWebFilter(InternalTokenVerifier verifier,
            InternalTokenProperties properties, ManagementServerPort management) {
        return new InternalIdentityWebFilter(verifier, properties, management);
    }
}

package vn.hanoi.hcc.bff.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Checks the gateway's identity on every request under {@code /api} and {@code /internal}. */
@Configuration(proxyBeanMethods = false)
class InternalIdentityConfiguration {

    @Bean
    InternalIdentityWebFilter internalIdentityWebFilter(InternalTokenVerifier verifier,
            InternalTokenProperties properties) {
        return new InternalIdentityWebFilter(verifier, properties);
    }
}

package vn.hanoi.hcc.bff.security;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.hanoi.hcc.contract.identity.IdentityTokenVerifier;

/** Checks the gateway's identity on every request but the OpenAPI document's and the actuator's. */
@Configuration(proxyBeanMethods = false)
class InternalIdentityConfiguration {

    @Bean
    IdentityTokenVerifier identityTokenVerifier(InternalTokenProperties properties, Clock clock) {
        return new IdentityTokenVerifier(
                properties.secret(), properties.issuer(), properties.audience(), properties.clockSkew(), clock);
    }

    @Bean
    InternalIdentityWebFilter internalIdentityWebFilter(
            IdentityTokenVerifier verifier, InternalTokenProperties properties, ManagementServerPort management) {
        return new InternalIdentityWebFilter(verifier, properties, management);
    }
}

package vn.hanoi.hcc.gateway.security;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Bearer tokens are checked for signature (keys from the provider's JWKS, or the local key),
 * issuer, audience, subject, and expiry with a small clock skew. Unsigned ({@code alg: none}) and
 * otherwise-signed tokens never parse.
 */
@Configuration(proxyBeanMethods = false)
class JwtDecoderConfiguration {

    @Bean
    ReactiveJwtDecoder jwtDecoder(IdentityProperties identity, ObjectProvider<LocalSigningKey> localKey) {
        NimbusReactiveJwtDecoder decoder = identity.usesJwks()
                ? NimbusReactiveJwtDecoder.withJwkSetUri(identity.jwksUri())
                        .jwsAlgorithms(algorithms -> identity.algorithms()
                                .forEach(name -> algorithms.add(SignatureAlgorithm.from(name))))
                        .build()
                : NimbusReactiveJwtDecoder.withPublicKey(Objects.requireNonNull(localKey.getIfAvailable(),
                                "hcc.gateway.identity.jwks-uri is required outside the local profile").publicKey())
                        .signatureAlgorithm(SignatureAlgorithm.RS256)
                        .build();
        decoder.setJwtValidator(validator(identity));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(IdentityProperties identity) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(identity.clockSkew()),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtIssuerValidator(identity.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(identity.audience())),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank())));
    }
}

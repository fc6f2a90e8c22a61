package vn.hanoi.hcc.gateway.security;

import com.nimbusds.jose.jwk.source.JWKSecurityContextJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
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
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Bearer tokens are checked for signature (keys from the provider's JWKS through {@link JwksClient},
 * or the local key), issuer, audience, subject, and expiry with a small clock skew. Unsigned
 * ({@code alg: none}) and otherwise-signed tokens never parse.
 */
@Configuration(proxyBeanMethods = false)
class JwtDecoderConfiguration {

    @Bean
    ReactiveJwtDecoder jwtDecoder(IdentityProperties identity, ObjectProvider<LocalSigningKey> localKey) {
        if (!identity.usesJwks()) {
            NimbusReactiveJwtDecoder local = NimbusReactiveJwtDecoder.withPublicKey(Objects.requireNonNull(
                                    localKey.getIfAvailable(),
                                    "hcc.gateway.identity.jwks-uri is required outside the local profile")
                            .publicKey())
                    .signatureAlgorithm(SignatureAlgorithm.RS256)
                    .build();
            local.setJwtValidator(validator(identity));
            return local;
        }
        JwksClient jwks = new JwksClient(identity);
        NimbusReactiveJwtDecoder provider = NimbusReactiveJwtDecoder.withJwkSource(jwks::keysFor)
                .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(
                        new JWSVerificationKeySelector<>(jwks.algorithms(), new JWKSecurityContextJWKSet())))
                .build();
        provider.setJwtValidator(validator(identity));
        // Nimbus reports keys it could not obtain as an IllegalStateException, which would be a 500; as a
        // JwtException that is not a BadJwtException it is a 503: the provider failed, not the token
        return token -> provider.decode(token)
                .onErrorMap(
                        IllegalStateException.class,
                        unavailable -> new JwtException("The identity provider's keys cannot be fetched", unavailable));
    }

    static OAuth2TokenValidator<Jwt> validator(IdentityProperties identity) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(identity.clockSkew()),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtIssuerValidator(identity.issuer()),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD, audience -> audience != null && audience.contains(identity.audience())),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank())));
    }
}

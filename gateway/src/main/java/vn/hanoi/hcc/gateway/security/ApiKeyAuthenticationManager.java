package vn.hanoi.hcc.gateway.security;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.contract.apikey.ApiKeyHasher;

/** Checks a presented API key against the BFF's key store, by hash. */
final class ApiKeyAuthenticationManager implements ReactiveAuthenticationManager {

    private final ApiKeyHasher hasher;
    private final ApiClientDirectory directory;

    ApiKeyAuthenticationManager(ApiKeyHasher hasher, ApiClientDirectory directory) {
        this.hasher = hasher;
        this.directory = directory;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        ApiKeyAuthentication presented = (ApiKeyAuthentication) authentication;
        return directory
                .find(hasher.hash(presented.presentedKey()))
                .<Authentication>map(ApiKeyAuthentication::of)
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("Unknown or revoked API key")));
    }
}

package vn.hanoi.hcc.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /dev/tokens {sub, roles}} mints a bearer token signed by the local key, for trying
 * the citizen and ops APIs locally. Exists in the {@code local} profile only: in any other the
 * bean is absent and the path is a 404.
 */
@RestController
@Profile("local")
class DevTokenController {

    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final Set<String> ROLES = Set.of("citizen", "ops");
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final LocalSigningKey key;
    private final IdentityProperties identity;

    DevTokenController(LocalSigningKey key, IdentityProperties identity) {
        this.key = key;
        this.identity = identity;
    }

    record TokenRequest(String sub, List<String> roles) {}

    record TokenResponse(String access_token, String token_type, long expires_in) {}

    @PostMapping(path = "/dev/tokens", consumes = "application/json", produces = "application/json")
    Mono<TokenResponse> mint(@RequestBody TokenRequest request) {
        List<String> roles = request.roles() == null ? List.of("citizen") : List.copyOf(request.roles());
        if (request.sub() == null || !SUBJECT.matcher(request.sub()).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "sub must be 1-64 of A-Z a-z 0-9 . _ @ -");
        }
        if (!ROLES.containsAll(roles)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "roles may only contain " + ROLES);
        }
        // RSA signing draws on the secure random source, which may block: off the event loop
        return Mono.fromCallable(() -> sign(request.sub(), roles)).subscribeOn(Schedulers.boundedElastic());
    }

    private TokenResponse sign(String subject, List<String> roles) throws JOSEException {
        Instant now = Instant.now();
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                new JWTClaimsSet.Builder()
                        .issuer(identity.issuer())
                        .audience(identity.audience())
                        .subject(subject)
                        .claim(identity.rolesClaim(), roles)
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plus(LIFETIME)))
                        .build());
        token.sign(new RSASSASigner(key.privateKey()));
        return new TokenResponse(token.serialize(), "Bearer", LIFETIME.toSeconds());
    }
}

package vn.hanoi.hcc.gateway.security;

import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Reads {@code X-Api-Key}; a malformed key, or a key sent along with a bearer token, is refused. */
final class ApiKeyAuthenticationConverter implements ServerAuthenticationConverter {

    static final String HEADER = "X-Api-Key";
    private static final Pattern WELL_FORMED = Pattern.compile("[\\x21-\\x7E]{8,200}");

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        String apiKey = headers.getFirst(HEADER);
        if (apiKey == null) {
            return Mono.empty();
        }
        if (headers.containsHeader(HttpHeaders.AUTHORIZATION)) {
            return Mono.error(new BadCredentialsException("Send either a bearer token or an API key, not both"));
        }
        if (!WELL_FORMED.matcher(apiKey).matches()) {
            return Mono.error(new BadCredentialsException("Malformed API key"));
        }
        return Mono.just(ApiKeyAuthentication.presented(apiKey));
    }
}

package vn.hanoi.hcc.gateway.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A machine client's authentication by API key: before checking, it holds the presented key;
 * after, the client, with the authorities {@code KIND_agent}/{@code KIND_system} and
 * {@code SCOPE_<scope>}. The key itself is dropped once checked.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final transient String presentedKey;
    private final transient ApiClient client;

    private ApiKeyAuthentication(String presentedKey, ApiClient client, List<GrantedAuthority> authorities) {
        super(authorities);
        this.presentedKey = presentedKey;
        this.client = client;
        setAuthenticated(client != null);
    }

    static ApiKeyAuthentication presented(String apiKey) {
        return new ApiKeyAuthentication(apiKey, null, List.of());
    }

    static ApiKeyAuthentication of(ApiClient client) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("KIND_" + client.callerKind().label()));
        client.scopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
        return new ApiKeyAuthentication(null, client, authorities);
    }

    String presentedKey() {
        return presentedKey;
    }

    ApiClient client() {
        return client;
    }

    @Override
    public Object getCredentials() {
        return null; // the key is never kept where it could be logged
    }

    @Override
    public Object getPrincipal() {
        return client == null ? null : client.clientId();
    }
}

package vn.hanoi.hcc.gateway.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.contract.apikey.ApiKeyHasher;
import vn.hanoi.hcc.gateway.caller.ClientAddressResolver;
import vn.hanoi.hcc.gateway.config.GatewayProperties;
import vn.hanoi.hcc.gateway.error.ProblemResponder;
import vn.hanoi.hcc.gateway.ratelimit.AuthFailureThrottle;

/**
 * Who may call what, before anything is routed:
 * <ul>
 * <li>public: points, coverage, the dossier lookup, the OpenAPI document (a token or key, if sent, must still be valid);</li>
 * <li>{@code /api/v1/me/**}: a person's bearer token;</li>
 * <li>{@code /api/v1/ops/**}, {@code POST /api/v1/coverage/what-if} and {@code /suggestions}: a bearer token with the role
 *     {@code ops} (403 otherwise);</li>
 * <li>{@code /api/v1/agent/**}: an API key with the scope the operation needs
 *     ({@code hcc.gateway.api-keys.scope-rules}; a HEAD needs its GET's); any other method or path there
 *     is refused;</li>
 * <li>anything else a route would take: refused; anything no route takes: a 404.</li>
 * </ul>
 * Stateless (no session, no CSRF), CORS for the configured origins, security headers on every answer.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    private static final String USER = "KIND_user";
    private static final String OPS = "ROLE_ops";
    /** The planners' coverage tools, each a computation on a bounded pool of workers: the what-if and the suggestions. */
    private static final String[] WHAT_IF = {
        "/api/v1/coverage/what-if",
        "/api/v1/coverage/what-if/**",
        "/api/v1/coverage/suggestions",
        "/api/v1/coverage/suggestions/**"
    };

    private static final String[] PUBLIC = {
        "/api/v1/points",
        "/api/v1/points/**",
        "/api/v1/coverage",
        "/api/v1/coverage/**",
        "/api/v1/dossiers/lookup",
        "/api/v1/openapi.yaml",
        "/api/v1/openapi.json"
    };

    /**
     * The public routes' busiest case, a request that presents no credentials, in a chain of its own:
     * nobody can be authenticated and every such request is allowed, so it runs only what every answer
     * needs (CORS, the security headers), not the authentication and authorization filters, and the
     * caller is anonymous. A token or key sent to a public route still goes through {@link #apiSecurity}
     * and must be valid. The what-if and the suggestions, under {@code /api/v1/coverage}, are never public.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain publicWithoutCredentials(ServerHttpSecurity http, CorsProperties cors) {
        ServerWebExchangeMatcher whatIf = ServerWebExchangeMatchers.pathMatchers(WHAT_IF);
        ServerWebExchangeMatcher open = ServerWebExchangeMatchers.pathMatchers(PUBLIC);
        ServerWebExchangeMatcher anonymousPublic = exchange -> AuthFailureWebFilter.presentsCredentials(exchange)
                ? ServerWebExchangeMatcher.MatchResult.notMatch()
                : whatIf.matches(exchange)
                        .flatMap(result -> result.isMatch()
                                ? ServerWebExchangeMatcher.MatchResult.notMatch()
                                : open.matches(exchange));
        return hardened(http.securityMatcher(anonymousPublic), cors).build();
    }

    @Bean
    SecurityWebFilterChain apiSecurity(
            ServerHttpSecurity http,
            ReactiveJwtDecoder jwtDecoder,
            IdentityProperties identity,
            ApiKeyProperties apiKeys,
            ApiClientDirectory directory,
            ProblemResponder responder,
            GatewayProperties gateway,
            CorsProperties cors,
            RouteLocator routes,
            AuthFailureThrottle failures,
            ClientAddressResolver addresses) {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(
                responder, Long.toString(gateway.retryAfter().toSeconds()), failures, addresses);
        ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler(responder);
        return hardened(http, cors)
                .authorizeExchange(exchanges -> authorize(exchanges, apiKeys, routes))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(personAuthorities(identity)))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .addFilterAt(
                        apiKeyFilter(new ApiKeyHasher(apiKeys.pepper()), directory, entryPoint),
                        SecurityWebFiltersOrder.AUTHENTICATION)
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                .build();
    }

    /** What every chain has: stateless (no session, CSRF, login or logout), CORS, the security headers. */
    private static ServerHttpSecurity hardened(ServerHttpSecurity http, CorsProperties cors) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(spec -> spec.configurationSource(corsSource(cors)))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .hsts(hsts -> hsts.maxAge(Duration.ofDays(365)).includeSubdomains(true)));
    }

    /**
     * Who may call what. A path matched by no rule here is refused if a route would take it
     * ({@link UnroutedOnlyAuthorizationManager}), so every route needs its rule; so does every agent
     * operation, by method and path, since the rest of {@code /api/v1/agent} is refused.
     */
    private static void authorize(
            ServerHttpSecurity.AuthorizeExchangeSpec exchanges, ApiKeyProperties apiKeys, RouteLocator routes) {
        // each what-if or suggestion is a coverage computation on a bounded pool of workers: the planners' tools,
        // not the public's
        exchanges.pathMatchers(WHAT_IF).hasAuthority(OPS);
        // the public routes next, the busiest: the rules are tried in order, each a matcher of its own,
        // and none of the others' paths overlaps theirs. Any method: the route's own list answers the
        // others with 405
        exchanges.pathMatchers(PUBLIC).permitAll();
        exchanges.pathMatchers("/api/v1/ops", "/api/v1/ops/**").hasAuthority(OPS);
        exchanges.pathMatchers("/api/v1/me", "/api/v1/me/**").hasAuthority(USER);
        apiKeys.scopeRules().forEach(rule -> {
            String scope = "SCOPE_" + rule.scope();
            exchanges.pathMatchers(rule.method(), rule.path()).hasAuthority(scope);
            if (rule.method() == HttpMethod.GET) {
                // a HEAD runs the GET's handler and answers its status and headers: it needs the GET's scope
                exchanges.pathMatchers(HttpMethod.HEAD, rule.path()).hasAuthority(scope);
            }
        });
        exchanges.pathMatchers("/api/v1/agent", "/api/v1/agent/**").denyAll();
        exchanges.anyExchange().access(new UnroutedOnlyAuthorizationManager(routes));
    }

    /** Spring Security's strict firewall, with its default methods stated where its refusals are answered. */
    @Bean
    ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHttpMethods(ProblemExchangeRejectedHandler.ALLOWED_METHODS);
        return firewall;
    }

    @Bean
    ServerExchangeRejectedHandler firewallRefusals(ProblemResponder responder) {
        return new ProblemExchangeRejectedHandler(responder);
    }

    private static AuthenticationWebFilter apiKeyFilter(
            ApiKeyHasher hasher, ApiClientDirectory directory, ProblemAuthenticationEntryPoint entryPoint) {
        AuthenticationWebFilter filter =
                new AuthenticationWebFilter(new ApiKeyAuthenticationManager(hasher, directory));
        filter.setServerAuthenticationConverter(new ApiKeyAuthenticationConverter());
        filter.setRequiresAuthenticationMatcher(
                exchange -> exchange.getRequest().getHeaders().containsHeader(ApiKeyAuthenticationConverter.HEADER)
                        ? ServerWebExchangeMatcher.MatchResult.match()
                        : ServerWebExchangeMatcher.MatchResult.notMatch());
        filter.setAuthenticationFailureHandler(entryPoint);
        filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        return filter;
    }

    /** A person's authorities: {@code KIND_user} and {@code ROLE_<role>} for each role in the token. */
    private static Converter<Jwt, Mono<AbstractAuthenticationToken>> personAuthorities(IdentityProperties identity) {
        return jwt -> {
            List<GrantedAuthority> authorities = new ArrayList<>();
            authorities.add(new SimpleGrantedAuthority(USER));
            Object roles = jwt.getClaims().get(identity.rolesClaim());
            if (roles instanceof List<?> list) {
                list.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
            }
            return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
        };
    }

    private static UrlBasedCorsConfigurationSource corsSource(CorsProperties cors) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!cors.allowedOrigins().isEmpty()) {
            CorsConfiguration configuration = new CorsConfiguration();
            configuration.setAllowedOrigins(cors.allowedOrigins());
            configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
            configuration.setAllowedHeaders(
                    List.of("Authorization", "Content-Type", "Accept-Language", "Idempotency-Key", "X-Request-Id"));
            configuration.setExposedHeaders(List.of(
                    "X-Request-Id",
                    "Retry-After",
                    "Location",
                    "RateLimit-Limit",
                    "RateLimit-Remaining",
                    "RateLimit-Reset"));
            configuration.setAllowCredentials(false);
            configuration.setMaxAge(cors.maxAge());
            source.registerCorsConfiguration("/api/**", configuration);
        }
        return source;
    }
}

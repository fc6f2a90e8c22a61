package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The local profile signs its own tokens: POST /dev/tokens, valid at the gateway. */
@ActiveProfiles({"test", "local"})
class LocalProfileTest extends GatewayTest {

    private static final FakeBff bff = FakeBff.shared();

    @DynamicPropertySource
    static void localKeyInsteadOfJwks(DynamicPropertyRegistry registry) {
        registry.add("HCC_BFF_URI", bff::uri);
        // a property name, not the variable: it must win over the JWKS the base class sets
        registry.add("hcc.gateway.identity.jwks-uri", () -> "");
    }

    @Test
    void mintsTokensThatTheGatewayAccepts() {
        Map<String, Object> minted = web.post()
                .uri("/dev/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sub", "staff-local", "roles", List.of("ops")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        assertThat(minted).containsKeys("access_token", "expires_in");
        String token = (String) minted.get("access_token");

        web.get()
                .uri("/api/v1/ops/api-keys")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk();
        JWTClaimsSet claims = InternalTokenAssert.verifiedClaims(bff.last("/api/v1/ops/api-keys"));
        assertThat(claims.getSubject()).isEqualTo("staff-local");
        assertThat(claims.getClaim("roles")).isEqualTo(List.of("ops"));
    }

    @Test
    void refusesTokensOfTheRealProviderLocally() {
        web.get()
                .uri("/api/v1/me/dossiers")
                .headers(h -> h.setBearerAuth(idp.token("001099012345", "citizen")))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void refusesABadTokenRequest() {
        web.post()
                .uri("/dev/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sub", "x", "roles", List.of("admin")))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("roles"));
        web.post()
                .uri("/dev/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"sub\": ")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }
}

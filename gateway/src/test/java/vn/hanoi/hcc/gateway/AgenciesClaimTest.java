package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The agencies an agent's key may file for travel to the BFF in the internal token, beside the
 * scopes; the BFF refuses a filing for any other agency.
 */
class AgenciesClaimTest extends SharedFakeBffTest {

    @Test
    void handsTheBffTheAgenciesOfAnAgentsKey() throws ParseException {
        String key = "hcc_test_agencies_" + System.nanoTime();
        bff.registerApiClient(
                TestApiKeys.hash(key),
                "agent-agencies",
                "agent",
                List.of("dossiers:write"),
                "standard",
                List.of("H26.99", "H26.14"));

        file(key);

        JWTClaimsSet claims = InternalTokenAssert.verifiedClaims(bff.last("/api/v1/agent/dossiers"));
        assertThat(claims.getSubject()).isEqualTo("agent-agencies");
        assertThat(claims.getStringListClaim("agencies")).containsExactlyInAnyOrder("H26.99", "H26.14");
    }

    @Test
    void handsNoAgencyForTheCitySystemNorForAKeyWithout() {
        file(TestApiKeys.system(bff, "city-agencies"));
        assertThat(InternalTokenAssert.verifiedClaims(bff.last("/api/v1/agent/dossiers"))
                        .getClaim("agencies"))
                .isNull();

        file(TestApiKeys.agent(bff, "agent-no-agencies", "standard", "dossiers:write"));
        assertThat(InternalTokenAssert.verifiedClaims(bff.last("/api/v1/agent/dossiers"))
                        .getClaim("agencies"))
                .isNull();
    }

    private void file(String key) {
        web.post()
                .uri("/api/v1/agent/dossiers")
                .header("X-Api-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isCreated();
    }
}

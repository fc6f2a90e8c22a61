package vn.hanoi.hcc.bff.error;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/**
 * A control, invisible or lone surrogate character in any query or path parameter is a 400 naming
 * the parameter: none reaches SQL (where PostgreSQL refuses NUL with 22021, a 500 before).
 */
class UnsafeParametersTest extends BffIntegrationTest {

    static Stream<Arguments> parametersThatReachTheDatabase() {
        String ops = "ops";
        String citizen = "citizen";
        String system = "system";
        return Stream.of(
                Arguments.of("GET", "/api/v1/points?q={v}", "q", "anonymous"),
                Arguments.of("GET", "/api/v1/points?ward={v}", "ward", "anonymous"),
                Arguments.of("GET", "/api/v1/points/{v}", "id", "anonymous"),
                Arguments.of("GET", "/api/v1/ops/dossiers/at-risk?agency={v}", "agency", ops),
                Arguments.of("GET", "/api/v1/ops/dossiers/at-risk?branch={v}", "branch", ops),
                Arguments.of("GET", "/api/v1/ops/dossiers/at-risk?point={v}", "point", ops),
                Arguments.of("GET", "/api/v1/ops/push-messages?dossierCode={v}", "dossierCode", ops),
                Arguments.of("GET", "/api/v1/ops/webhook-messages?clientId={v}", "clientId", ops),
                Arguments.of("GET", "/api/v1/agent/dossiers?updatedSince={v}", "updatedSince", system),
                Arguments.of("GET", "/api/v1/me/dossiers/{v}", "code", citizen),
                Arguments.of("DELETE", "/api/v1/me/devices/{v}", "id", citizen),
                Arguments.of("DELETE", "/api/v1/ops/holidays/{v}", "date", ops));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("parametersThatReachTheDatabase")
    void refusesANulByName(String method, String uri, String parameter, String caller) {
        // made now, not with the arguments: a token outlives the test, not a slow context start
        String token = switch (caller) {
            case "ops" -> TestIdentityTokens.ops("staff-params");
            case "citizen" -> TestIdentityTokens.citizen("001099000777");
            case "system" -> TestIdentityTokens.system("city-params");
            default -> TestIdentityTokens.anonymous();
        };
        for (String unsafe : new String[] {"\u0000", "a\u0000b", "x\u202E"}) {
            as(token)
                    .method(HttpMethod.valueOf(method))
                    .uri(uri, unsafe)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://hcc.hanoi.gov.vn/problems/invalid-request")
                    .jsonPath("$.errors[0].name")
                    .isEqualTo(parameter);
        }
    }
}

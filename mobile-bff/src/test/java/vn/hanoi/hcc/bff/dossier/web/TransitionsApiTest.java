package vn.hanoi.hcc.bff.dossier.web;

import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.applied;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.dossier;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.event;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.filed;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.post;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/** Every allowed transition, and a sample of refused ones, through the API. */
class TransitionsApiTest extends BffIntegrationTest {

    private static final Instant RECEIVED =
            Instant.now().minus(Duration.ofDays(4)).truncatedTo(ChronoUnit.SECONDS);
    /** How to bring a new dossier (filed in status 1 or 2) to each status. */
    private static final Map<Integer, int[]> PATH_TO = Map.of(
            1,
            new int[] {},
            2,
            new int[] {},
            4,
            new int[] {4},
            5,
            new int[] {5},
            6,
            new int[] {6},
            9,
            new int[] {9},
            10,
            new int[] {9, 10},
            3,
            new int[] {3},
            7,
            new int[] {7},
            8,
            new int[] {8});

    static Stream<Arguments> allowed() {
        return Stream.of(new int[][] {
                    {1, 2}, {1, 3}, {1, 7}, {2, 4}, {2, 5}, {2, 6}, {2, 7}, {2, 8}, {2, 9}, {4, 5}, {4, 6}, {4, 7},
                    {4, 8}, {4, 9}, {5, 4}, {5, 7}, {5, 8}, {6, 4}, {6, 9}, {6, 7}, {6, 8}, {9, 10}
                })
                .map(pair -> Arguments.of(pair[0], pair[1]));
    }

    static Stream<Arguments> refused() {
        return Stream.of(new int[][] {
                    {1, 4}, {1, 9}, {2, 1}, {2, 10}, {4, 2}, {4, 10}, {5, 9}, {5, 6}, {6, 5}, {9, 4}, {10, 9}, {3, 2},
                    {7, 4}, {8, 4}, {4, 4}
                })
                .map(pair -> Arguments.of(pair[0], pair[1]));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("allowed")
    void appliesEveryAllowedTransition(int from, int to) {
        WebTestClient system = as(TestIdentityTokens.system("city-transitions"));
        String code = dossierIn(system, from);

        applied(system, code, event(code + "-to-" + to, to, RECEIVED.plus(Duration.ofHours(10))));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("refused")
    void refusesTransitionsTheSpecDoesNotList(int from, int to) {
        WebTestClient system = as(TestIdentityTokens.system("city-transitions"));
        String code = dossierIn(system, from);

        post(system, code, event(code + "-to-" + to, to, RECEIVED.plus(Duration.ofHours(10))))
                .expectStatus()
                .isEqualTo(409);
    }

    private static String dossierIn(WebTestClient system, int status) {
        Map<String, Object> dossier =
                dossier(DossierFixtures.freshAgency(), "001099012345", RECEIVED, Duration.ofDays(8));
        if (status == 1 || status == 3) {
            dossier.put("channel", "online");
        }
        String code = (String) filed(system, dossier).get("code");
        int[] path = PATH_TO.get(status);
        for (int step = 0; step < path.length; step++) {
            applied(
                    system,
                    code,
                    event(code + "-path-" + step, path[step], RECEIVED.plus(Duration.ofHours(step + 1L))));
        }
        return code;
    }
}

package vn.hanoi.hcc.bff.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.bff.dossier.web.AgentDossiers;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

class OpsMonitoringApiTest extends BffIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private WebTestClient system;
    private WebTestClient staff;
    private String agency;

    @BeforeEach
    void clients() {
        system = as(TestIdentityTokens.system("city-ops-tests"));
        staff = as(TestIdentityTokens.ops("staff-ops-1"));
        agency = "OPS" + (System.nanoTime() % 9000 + 1000) + ".1";
    }

    @Test
    void listsOverdueAndDueSoonDossiersTheMostOverdueFirst() {
        String overdue = file("W00070", NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofHours(30)), 4);
        String dueSoon = file("W00070", NOW.minus(Duration.ofDays(2)), NOW.plus(Duration.ofHours(10)), 2);
        file("W00070", NOW.minus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(4)), 2);
        file("W00070", NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(1)), 5);

        Map<String, Object> page = atRisk("agency=" + agency);

        List<Map<String, Object>> items = items(page);
        assertThat(items).extracting(item -> item.get("code")).containsExactly(overdue, dueSoon);
        assertThat(items.get(0))
                .containsEntry("timingClass", "OVERDUE")
                .containsEntry("status", 4)
                .containsEntry("branchGroup", "Đống Đa - Hoàn Kiếm - Ba Đình");
        assertThat((Double) items.get(0).get("overdueHours")).isBetween(29.9, 30.2);
        assertThat(items.get(1)).containsEntry("timingClass", "DUE_SOON").containsEntry("overdueHours", 0.0);
        assertThat(items(atRisk("agency=" + agency + "&timing=OVERDUE"))).hasSize(1);
        assertThat(items(atRisk("agency=" + agency + "&timing=DUE_SOON"))).hasSize(1);
        assertThat(items(atRisk("agency=" + agency + "&point=W00004"))).isEmpty();
        assertThat(items(atRisk("agency=" + agency + "&branch=Tây Hồ"))).isEmpty();
    }

    @Test
    void countsDossiersPerBranchByStatusAndTimingClass() {
        file("W00103", NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofHours(3)), 4);

        List<Map<String, Object>> branches = staff.get()
                .uri("/api/v1/ops/dossiers/counts")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody();

        Map<String, Object> tayHo = branches.stream()
                .filter(branch -> "Tây Hồ".equals(branch.get("branchGroup")))
                .findFirst()
                .orElseThrow();
        assertThat((Map<String, Object>) tayHo.get("byStatus")).containsKey("PROCESSING");
        assertThat((Map<String, Object>) tayHo.get("byTimingClass")).containsKey("OVERDUE");
        assertThat(((Number) tayHo.get("total")).longValue()).isPositive();
    }

    @Test
    void reportsSatisfactionAgainstTheTarget() {
        String code = file("W00091", NOW.minus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(2)), 9);
        as(TestIdentityTokens.citizen("001099123123"))
                .post()
                .uri("/api/v1/me/dossiers/{code}/rating", code)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("score", 2))
                .exchange()
                .expectStatus()
                .isCreated();

        Map<String, Object> report = staff.get()
                .uri("/api/v1/ops/satisfaction")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();

        assertThat(report).containsEntry("target", 0.95);
        @SuppressWarnings("unchecked")
        Map<String, Object> point = ((List<Map<String, Object>>) report.get("points"))
                .stream()
                        .filter(entry -> "W00091".equals(entry.get("id")))
                        .findFirst()
                        .orElseThrow();
        assertThat(point).containsEntry("branchGroup", "Tây Hồ").containsEntry("meetsTarget", false);
        assertThat(((Number) point.get("ratings")).longValue()).isPositive();
    }

    @Test
    void isForCenterStaffOnly() {
        as(TestIdentityTokens.citizen("001099123123"))
                .get()
                .uri("/api/v1/ops/dossiers/at-risk")
                .exchange()
                .expectStatus()
                .isForbidden();
        system.get().uri("/api/v1/ops/satisfaction").exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/ops/dossiers/counts").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void refusesUnknownFilters() {
        staff.get()
                .uri("/api/v1/ops/dossiers/at-risk?timing=LATE")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("timing");
        staff.get()
                .uri("/api/v1/ops/dossiers/at-risk?size=1000")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("size");
    }

    private Map<String, Object> atRisk(String query) {
        return staff.get()
                .uri("/api/v1/ops/dossiers/at-risk?" + query)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private String file(String point, Instant received, Instant due, int status) {
        AgentDossiers dossiers = new AgentDossiers(system, agency);
        String code = dossiers.file(point, "001099123123", received, due);
        int[] path = status == 2 ? new int[] {} : status == 9 ? new int[] {4, 9} : new int[] {status};
        for (int step = 0; step < path.length; step++) {
            dossiers.move(code, path[step], received.plus(Duration.ofMinutes(step + 1L)));
        }
        return code;
    }
}

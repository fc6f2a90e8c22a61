package vn.hanoi.hcc.bff.dossier.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.dossier;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.file;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.filed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/**
 * An agent files only for the agencies its key names (the gateway signs them into the identity
 * token); the city system files for any. Anything else is a 403 naming {@code agencyCode}, and
 * nothing is filed.
 */
class AgentAgenciesTest extends BffIntegrationTest {

    private static final Instant RECEIVED = Instant.now().minus(Duration.ofDays(1));
    private static final List<String> WRITER = List.of("dossiers:write", "dossiers:read");

    @Autowired
    DatabaseClient db;

    private String own;
    private String other;

    @BeforeEach
    void agencies() {
        own = DossierFixtures.freshAgency();
        other = DossierFixtures.freshAgency();
    }

    @Test
    void refusesAFilingForAnAgencyTheKeyDoesNotName() {
        file(
                        as(TestIdentityTokens.agent("agent-agencies-1", WRITER, List.of(own))),
                        dossier(other, "001099012345", RECEIVED, Duration.ofDays(5)))
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/forbidden")
                .jsonPath("$.detail")
                .isEqualTo("This key may not file dossiers for the agency " + other)
                .jsonPath("$.errors[0].name")
                .isEqualTo("agencyCode");

        assertThat(dossiersOf(other)).isZero();
    }

    @Test
    void refusesAnAgentWhoseKeyNamesNoAgency() {
        file(
                        as(TestIdentityTokens.agent("agent-agencies-2", WRITER)),
                        dossier(own, "001099012345", RECEIVED, Duration.ofDays(5)))
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("agencyCode");

        assertThat(dossiersOf(own)).isZero();
    }

    @Test
    void filesForTheAgenciesTheKeyNames() {
        String code = (String) filed(
                        as(TestIdentityTokens.agent("agent-agencies-3", WRITER, List.of(other, own))),
                        dossier(own, "001099012345", RECEIVED, Duration.ofDays(5)))
                .get("code");

        assertThat(code).startsWith(own + "-");
    }

    @Test
    void letsTheCitySystemFileForAnyAgency() {
        filed(
                as(TestIdentityTokens.system("city-agencies")),
                dossier(other, "001099012345", RECEIVED, Duration.ofDays(5)));

        assertThat(dossiersOf(other)).isOne();
    }

    private long dossiersOf(String agency) {
        return db.sql("SELECT count(*) AS n FROM dossier WHERE agency_code = :agency")
                .bind("agency", agency)
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }
}

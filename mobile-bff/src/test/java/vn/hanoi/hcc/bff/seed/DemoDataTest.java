package vn.hanoi.hcc.bff.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.hanoi.hcc.bff.privacy.PersonalDataHasher;
import vn.hanoi.hcc.contract.apikey.ApiKeyHasher;
import vn.hanoi.hcc.testsupport.embedded.PostgresAddress;
import vn.hanoi.hcc.testsupport.embedded.TestInfrastructure;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/** The local profile seeds demo dossiers and API keys (in a database of its own here). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles({"test", "local"})
class DemoDataTest {

    private static final PostgresAddress DATABASE = TestInfrastructure.shared().localDatabase("demo");

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @Autowired
    PersonalDataHasher personalData;

    @Autowired
    ApiKeyHasher apiKeys;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestInfrastructure.shared().environment().forEach((name, value) -> registry.add(name, () -> value));
        registry.add(
                "spring.r2dbc.url",
                () -> "r2dbc:postgresql://" + DATABASE.host() + ":" + DATABASE.port() + "/" + DATABASE.database());
        registry.add("spring.flyway.url", DATABASE::jdbcUrl);
    }

    @Test
    void seedsDossiersInEveryStatusSomeOverdueAndSomeOfTheDemoCitizen() {
        assertThat(count("SELECT count(*) AS n FROM dossier")).isBetween(250L, 350L);
        assertThat(count("SELECT count(DISTINCT status) AS n FROM dossier")).isEqualTo(10);
        assertThat(count("SELECT count(*) AS n FROM dossier WHERE status IN (1, 2, 4) AND due_at < now()"))
                .isPositive();
        assertThat(count("SELECT count(*) AS n FROM dossier WHERE status IN (1, 2, 4) AND due_at >= now()"))
                .isPositive();
        assertThat(count("SELECT count(*) AS n FROM dossier_rating")).isPositive();
        assertThat(count("SELECT count(*) AS n FROM dossier WHERE applicant_ref = '"
                        + personalData.citizenRef(DemoDossiers.DEMO_CITIZEN) + "'"))
                .isGreaterThanOrEqualTo(10);
        assertThat(count("SELECT count(*) AS n FROM dossier d WHERE version <> (SELECT count(*) FROM dossier_event e"
                        + " WHERE e.dossier_id = d.id)"))
                .as("versions count the timeline")
                .isZero();
    }

    @Test
    void looksUpTheDemoCitizensDossiersWithTheDemoSecret() {
        String code = db.sql("SELECT code FROM dossier WHERE applicant_name = :name ORDER BY (status = 9) DESC,"
                        + " received_at DESC LIMIT 1")
                .bind("name", DemoDossiers.DEMO_NAME)
                .map(row -> row.get("code", String.class))
                .one()
                .block();

        web.post()
                .uri("/api/v1/dossiers/lookup")
                .header(TestIdentityTokens.HEADER, TestIdentityTokens.anonymous())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", code, "secret", DemoDossiers.DEMO_SECRET))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.applicantName")
                .isEqualTo("Ng*** V** A**");
        web.get()
                .uri("/api/v1/me/dossiers")
                .header(TestIdentityTokens.HEADER, TestIdentityTokens.citizen(DemoDossiers.DEMO_CITIZEN))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .value(total -> assertThat(((Number) total).intValue()).isGreaterThanOrEqualTo(10));
    }

    @Test
    void registersTheDemoApiKeys() {
        for (String key : List.of("dev-system-key", "dev-agent-key")) {
            web.get()
                    .uri("/internal/v1/api-keys/" + apiKeys.hash(key))
                    .header(TestIdentityTokens.HEADER, TestIdentityTokens.gateway())
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
    }

    private long count(String sql) {
        return db.sql(sql).map(row -> row.get("n", Long.class)).one().block();
    }
}

package vn.hanoi.hcc.bff.dossier.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.applied;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.dossier;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.event;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.filed;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.post;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.bff.dossier.DossierChangeListener;
import vn.hanoi.hcc.bff.dossier.DossierChanged;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/**
 * The dossier feature tells its listeners (the owner's notification, the agent's webhook) inside the
 * change's transaction: when one of them fails, the change and everything the others wrote roll back,
 * and the same event sent again applies whole.
 */
@Import(DossierChangeListenersTest.FailingListener.class)
class DossierChangeListenersTest extends BffIntegrationTest {

    private static final Instant RECEIVED =
            Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
    private static final String CITIZEN = "001099777111";

    @Autowired
    DatabaseClient db;

    @Autowired
    FailingListener failing;

    @Test
    void aListenersFailureRollsTheChangeBackWithWhatTheOthersWrote() {
        String agency = DossierFixtures.freshAgency();
        WebTestClient agent = as(TestIdentityTokens.agent(
                "agent-listeners", List.of("dossiers:read", "dossiers:write", "webhooks:write"), List.of(agency)));
        agent.put()
                .uri("/api/v1/agent/webhook")
                .header("Content-Type", "application/json")
                .bodyValue(Map.of(
                        "url",
                        "http://127.0.0.1:9/hooks",
                        "secret",
                        "whsec_YS13ZWJob29rLXNlY3JldC1vZi0zMi1ieXRlcyEhISE="))
                .exchange()
                .expectStatus()
                .isCreated();
        String code = (String) filed(agent, dossier(agency, CITIZEN, RECEIVED, Duration.ofDays(8)))
                .get("code");
        failing.codes.add(code);

        post(agent, code, event("ready-" + code, 9, RECEIVED.plus(Duration.ofHours(3))))
                .expectStatus()
                .is5xxServerError();

        assertThat(count("SELECT count(*) FROM dossier WHERE code = :code AND status = 9", code))
                .isZero();
        assertThat(count("SELECT count(*) FROM dossier_event WHERE event_id = :code", "ready-" + code))
                .isZero();
        assertThat(count("SELECT count(*) FROM notification WHERE dossier_code = :code", code))
                .isZero();
        assertThat(count("SELECT count(*) FROM webhook_message WHERE dossier_code = :code", code))
                .isZero();

        failing.codes.remove(code);
        applied(agent, code, event("ready-" + code, 9, RECEIVED.plus(Duration.ofHours(3))));
        assertThat(count(
                        "SELECT count(*) FROM notification WHERE dossier_code = :code AND event = 'RESULT_READY'",
                        code))
                .isOne();
        assertThat(count("SELECT count(*) FROM webhook_message WHERE dossier_code = :code", code))
                .isOne();
    }

    private long count(String sql, String code) {
        return db.sql(sql)
                .bind("code", code)
                .map(row -> row.get(0, Long.class))
                .one()
                .block(Duration.ofSeconds(10));
    }

    /** Fails every change of the dossiers the test names. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FailingListener implements DossierChangeListener {

        final Set<String> codes = ConcurrentHashMap.newKeySet();

        @Override
        public Mono<Void> on(DossierChanged change) {
            return codes.contains(change.dossier().code())
                    ? Mono.error(new IllegalStateException(
                            "listener failed for " + change.dossier().code()))
                    : Mono.empty();
        }
    }
}

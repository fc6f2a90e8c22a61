package vn.hanoi.hcc.bff.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import vn.hanoi.hcc.testsupport.embedded.RestartablePostgres;
import vn.hanoi.hcc.testsupport.embedded.TestInfrastructure;

/**
 * The dispatcher running on its own, as in production, while PostgreSQL is restarted in the
 * middle of a thousand messages: none is lost, every one ends sent, and the only repeats are those
 * of the batch that was at FCM when the database went away (its outcome could not be written).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(PushDispatcherTest.FakeFcmConfiguration.class)
@TestPropertySource(
        properties = {
            "hcc.bff.push.enabled=true",
            "hcc.bff.push.poll-interval=100ms",
            "hcc.bff.push.batch-size=50",
            "hcc.bff.push.lease=4s",
            "hcc.bff.push.send-timeout=2s",
            "hcc.bff.push.first-backoff=200ms",
            "hcc.bff.push.firebase.project-id=test-project"
        })
@DirtiesContext
class PushAcrossPostgresRestartTest {

    private static final Logger log = LoggerFactory.getLogger(PushAcrossPostgresRestartTest.class);
    private static final int MESSAGES = 1_000;
    private static final int BATCH = 50;
    private static RestartablePostgres postgres;

    @Autowired
    FakeFcm fcm;

    @Autowired
    DatabaseClient db;

    @DynamicPropertySource
    static void ownPostgres(DynamicPropertyRegistry registry) throws Exception {
        postgres = RestartablePostgres.start("hcc_restart");
        TestInfrastructure.shared().environment().forEach((name, value) -> registry.add(name, () -> value));
        postgres.environment().forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void losesNoMessageWhenPostgresRestartsMidRun() throws Exception {
        fcm.latency(Duration.ofMillis(5));
        PushDispatcherTest.seed(db, "restart-", MESSAGES);
        await().atMost(Duration.ofSeconds(60)).until(() -> fcm.received().size() >= MESSAGES / 5);

        postgres.restart(Duration.ofSeconds(2));
        assertThat(fcm.received().size()).as("the restart came mid-run").isLessThan(MESSAGES);

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> sent() == MESSAGES);
        Map<String, Long> perToken = fcm.received().stream()
                .map(FakeFcm.Request::token)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long repeats = perToken.values().stream().mapToLong(times -> times - 1).sum();
        log.info(
                "PostgreSQL restarted mid-run: {} messages, {} distinct tokens at FCM, {} repeats",
                MESSAGES,
                perToken.size(),
                repeats);
        assertThat(perToken).hasSize(MESSAGES);
        assertThat(repeats).as("only a batch in flight may be sent again").isLessThanOrEqualTo(2L * BATCH);
        assertThat(states()).containsOnly("sent");
    }

    private long sent() {
        return db.sql("SELECT count(*) AS n FROM push_message WHERE state = 'sent'")
                .map(row -> row.get("n", Long.class))
                .one()
                .block(Duration.ofSeconds(5));
    }

    private List<String> states() {
        return db.sql("SELECT DISTINCT state FROM push_message")
                .map(row -> row.get("state", String.class))
                .all()
                .collectList()
                .block(Duration.ofSeconds(5));
    }
}

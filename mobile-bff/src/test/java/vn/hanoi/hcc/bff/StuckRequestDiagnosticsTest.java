package vn.hanoi.hcc.bff;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.hanoi.hcc.testsupport.embedded.PostgresAddress;
import vn.hanoi.hcc.testsupport.embedded.TestInfrastructure;

/** What a test that timed out waiting for an answer reports about the BFF at that moment. */
class StuckRequestDiagnosticsTest extends BffIntegrationTest {

    @Autowired
    ApplicationContext application;

    @Test
    void namesThePoolAndASessionLeftInATransaction() throws Exception {
        PostgresAddress database = TestInfrastructure.shared().database();
        try (Connection open = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                Statement statement = open.createStatement()) {
            open.setAutoCommit(false);
            statement.execute("SELECT count(*) FROM service_point");

            AssertionError explained = StuckRequestDiagnostics.explained(
                    application, new IllegalStateException("Timeout on blocking read for 5000000000 NANOSECONDS"));

            assertThat(explained.getMessage())
                    .startsWith("IllegalStateException: Timeout on blocking read")
                    .containsPattern("pool: acquired \\d+, allocated \\d+, idle \\d+, waiting \\d+")
                    .contains("idle in transaction")
                    .contains("SELECT count(*) FROM service_point");
            open.rollback();
        }
    }

    @Test
    void leavesOtherFailuresAlone() {
        assertThat(StuckRequestDiagnostics.timedOut(new AssertionError("expected 200 but was 500")))
                .isFalse();
        assertThat(StuckRequestDiagnostics.timedOut(new IllegalStateException("wrapped", new TimeoutException())))
                .isTrue();
    }
}

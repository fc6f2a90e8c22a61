package vn.hanoi.hcc.bff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
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
    void namesAThreadBlockedOnAMonitorAndTheThreadHoldingIt() throws InterruptedException {
        Object monitor = new Object();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(
                () -> {
                    synchronized (monitor) {
                        holding.countDown();
                        awaitQuietly(release);
                    }
                },
                "diagnostics-holder");
        holder.start();
        holding.await();
        Thread waiter = new Thread(
                () -> {
                    synchronized (monitor) {
                        monitor.notifyAll();
                    }
                },
                "diagnostics-waiter");
        waiter.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> waiter.getState() == Thread.State.BLOCKED);

        String threads = StuckRequestDiagnostics.threads();
        release.countDown();
        holder.join();
        waiter.join();

        assertThat(threads).contains("diagnostics-waiter BLOCKED on java.lang.Object@", "held by diagnostics-holder");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
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

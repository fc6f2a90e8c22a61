package vn.hanoi.hcc.bff;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import vn.hanoi.hcc.testsupport.embedded.PostgresAddress;
import vn.hanoi.hcc.testsupport.embedded.TestInfrastructure;

/**
 * When a test fails because an answer never came (a client's blocking read timed out), says where
 * the BFF stands at that moment, in the failure's message, which the build's console prints: the
 * R2DBC pool (connections handed out, idle, waited for), the database's sessions that are not idle
 * (their state, what they wait on, for how long, their statement), and the application threads
 * that are not parked. A hang seen once in CI is then diagnosable from its log alone; the whole
 * thread dump goes to the test's output file.
 */
public final class StuckRequestDiagnostics
        implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    private static final String SESSIONS = """
            SELECT pid, state, coalesce(wait_event_type || ':' || wait_event, '-') AS waiting,
                   extract(epoch FROM now() - state_change)::int AS seconds,
                   left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS statement
            FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
              AND state <> 'idle'
            ORDER BY state_change""";

    /** A test's set-up, where requests are made too (a history filed before each test). */
    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        handleTestExecutionException(context, failure);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (!timedOut(failure)) {
            throw failure;
        }
        System.err.println("Thread dump when the answer did not come:");
        Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(false, false))
                .forEach(info -> System.err.print(info));
        throw explained(SpringExtension.getApplicationContext(context), failure);
    }

    /** The failure, with the pool, the busy sessions and the BFF's busy threads in its message. */
    static AssertionError explained(ApplicationContext application, Throwable failure) {
        return new AssertionError(
                oneLine(failure) + " | pool: " + pool(application) + " | sessions: " + sessions() + " | threads: "
                        + threads(),
                failure);
    }

    static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException
                    || String.valueOf(cause.getMessage()).startsWith("Timeout on blocking read")) {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(Throwable failure) {
        return failure.getClass().getSimpleName() + ": "
                + String.valueOf(failure.getMessage()).replace('\n', ' ');
    }

    private static String pool(ApplicationContext application) {
        try {
            Object factory = application.getBean(ConnectionFactory.class);
            while (!(factory instanceof ConnectionPool) && factory instanceof Wrapped<?> wrapped) {
                factory = wrapped.unwrap();
            }
            if (!(factory instanceof ConnectionPool pool)) {
                return "not pooled";
            }
            return pool.getMetrics()
                    .map(metrics -> "acquired " + metrics.acquiredSize() + ", allocated " + metrics.allocatedSize()
                            + ", idle " + metrics.idleSize() + ", waiting " + metrics.pendingAcquireSize())
                    .orElse("no metrics");
        } catch (RuntimeException unknown) {
            return "unknown (" + unknown + ")";
        }
    }

    private static String sessions() {
        PostgresAddress database = TestInfrastructure.shared().database();
        List<String> sessions = new ArrayList<>();
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(SESSIONS)) {
            while (rows.next()) {
                sessions.add("[" + rows.getInt("pid") + " " + rows.getString("state") + " " + rows.getString("waiting")
                        + " " + rows.getInt("seconds") + "s: " + rows.getString("statement") + "]");
            }
        } catch (SQLException unreadable) {
            return "unknown (" + unreadable.getMessage() + ")";
        }
        return sessions.isEmpty() ? "none busy" : String.join(" ", sessions);
    }

    /**
     * The threads that could hold an answer up: any thread blocked on a monitor (and who holds it),
     * event-loop and scheduler threads that are not waiting for work, and threads in the BFF's code.
     */
    static String threads() {
        List<String> busy = new ArrayList<>();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, false)) {
            StackTraceElement[] stack = info.getStackTrace();
            if (stack.length == 0
                    || info.getThreadName().equals(Thread.currentThread().getName())) {
                continue;
            }
            if (info.getThreadState() == Thread.State.BLOCKED) {
                busy.add(info.getThreadName() + " BLOCKED on " + info.getLockName() + " held by "
                        + info.getLockOwnerName() + " at " + stack[0]);
            } else if ((loopOrScheduler(info.getThreadName()) && !waitingForWork(stack)) || inTheBff(stack)) {
                busy.add(info.getThreadName() + " " + info.getThreadState() + " at " + stack[0]
                        + (stack.length > 1 ? " < " + stack[1] : ""));
            }
        }
        return busy.isEmpty() ? "none busy" : String.join("; ", busy);
    }

    private static boolean loopOrScheduler(String name) {
        return name.startsWith("reactor-")
                || name.startsWith("lettuce-")
                || name.startsWith("parallel-")
                || name.startsWith("boundedElastic-");
    }

    /** Parked in a selector, an epoll wait or a pool's queue: idle. */
    private static boolean waitingForWork(StackTraceElement[] stack) {
        String top = stack[0].getClassName() + "." + stack[0].getMethodName();
        return top.contains("epollWait")
                || top.contains("Epoll.epoll")
                || top.contains("SelectorImpl")
                || top.contains("EPoll.wait")
                || top.contains("park");
    }

    private static boolean inTheBff(StackTraceElement[] stack) {
        return Arrays.stream(stack)
                .anyMatch(frame -> frame.getClassName().startsWith("vn.hanoi.hcc.bff")
                        && !frame.getClassName().startsWith(StuckRequestDiagnostics.class.getName()));
    }
}

package vn.hanoi.hcc.bff.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hanoi.hcc.bff.dossier.DossierHistoryWriter.Replayed;
import vn.hanoi.hcc.testsupport.embedded.PostgresAddress;
import vn.hanoi.hcc.testsupport.embedded.TestInfrastructure;

/**
 * A small synthetic history through the real tables (a database of its own, migrated as the
 * application migrates it) and back through the backtest's reader (plain JDBC, test code).
 */
class SyntheticHistoryDatabaseTest {

    private static final PostgresAddress DATABASE = TestInfrastructure.shared().separateDatabase("backtest");

    @Test
    void writesTheRowsTheServiceWouldHaveWrittenAndTheBacktestReadsThemBack() throws Exception {
        SyntheticHistoryTool.migrate(DATABASE.jdbcUrl(), DATABASE.user(), DATABASE.password());
        try (Connection connection = connect()) {
            List<Replayed> history = new SyntheticHistory(SyntheticWorld.read(connection), 3)
                    .generate(SyntheticHistory.Window.year(), 400);
            SyntheticHistoryTool.write(connection, history);
            SyntheticHistoryTool.write(connection, history); // a second run replaces the first

            List<BacktestDossier> read = BacktestDossier.readAll(connection);
            assertThat(read).hasSameSizeAs(history);
            for (int i = 0; i < history.size(); i++) {
                var written = history.get(i);
                var back = read.get(i);
                assertThat(back.finishedAt()).isEqualTo(written.dossier().finishedAt());
                assertThat(back.dueAt()).isEqualTo(written.dossier().dueAt());
                assertThat(back.timeline())
                        .extracting(BacktestDossier.Entry::dueAfter)
                        .containsExactlyElementsOf(written.steps().stream()
                                .map(s -> s.after().dueAt())
                                .toList());
            }
            assertThat(count(connection, """
                    SELECT count(*) FROM dossier d WHERE d.version <> (SELECT count(*) FROM dossier_event e
                        WHERE e.dossier_id = d.id) OR d.status <> (SELECT e.status_after FROM dossier_event e
                        WHERE e.dossier_id = d.id ORDER BY e.version_after DESC LIMIT 1)""")).isZero();
            assertThat(count(connection, "SELECT count(*) FROM dossier_event WHERE fingerprint = repeat('0', 64)"))
                    .isZero();

            ForecastBacktest.Result result = new ForecastBacktest(SyntheticWorld.readCalendar(connection), 5)
                    .run(
                            read,
                            new ForecastBacktest.Split(
                                    read.get(0).receivedAt(),
                                    SyntheticHistory.Window.year().asOf().minusSeconds(120L * 86_400),
                                    SyntheticHistory.Window.year().asOf()));
            assertThat(result.tested()).isGreaterThan(50);
            assertThat(result.overall().total()).isEqualTo(4 * result.tested());
            assertThat(result.overall().given()).isPositive();
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(DATABASE.jdbcUrl(), DATABASE.user(), DATABASE.password());
    }
}

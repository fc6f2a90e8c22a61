package vn.hanoi.hcc.bff.forecast;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import vn.hanoi.hcc.bff.dossier.DossierHistoryWriter;
import vn.hanoi.hcc.bff.dossier.DossierHistoryWriter.Replayed;
import vn.hanoi.hcc.bff.privacy.BenchHasher;
import vn.hanoi.hcc.bff.seed.BenchSeed;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;

/**
 * Writes a <b>synthetic</b> year of dossier history ({@link SyntheticHistory}) into the database at
 * a JDBC URL, after running the BFF's Flyway migrations there (Hanoi's points and holidays come
 * with them). A bench tool, never part of the application: it replaces any synthetic history
 * already there (client {@value SyntheticHistory#CLIENT}) and touches no other dossier.
 *
 * <p>With {@code demo} instead of a seed it writes the local run's demo dossiers instead (the same
 * code as {@code ./run-local.sh} seeds them with, about 300 over the last six weeks), to show what
 * the backtest says of so little data without starting the local run.
 *
 * <pre>java -cp … vn.hanoi.hcc.bff.forecast.SyntheticHistoryTool &lt;jdbc url&gt; [seed | demo] [dossiers]</pre>
 */
public final class SyntheticHistoryTool {

    private static final int COMMIT_EVERY = 2_000;

    private SyntheticHistoryTool() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        migrate(url, null, null);
        if (args.length > 1 && args[1].equals("demo")) {
            try (Connection connection = DriverManager.getConnection(url)) {
                BenchSeed.demoDossiers(connection, BenchHasher.withPepper(UUID.randomUUID() + "-demo-pepper"));
            }
            return;
        }
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20251101L;
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 60_000;
        try (Connection connection = DriverManager.getConnection(url)) {
            List<Replayed> history = new SyntheticHistory(SyntheticWorld.read(connection), seed)
                    .generate(SyntheticHistory.Window.year(), count);
            write(connection, history);
            System.out.println(summary(history));
        }
    }

    /** The BFF's migrations, Hanoi's seed among them, as the application runs them at startup. */
    static void migrate(String url, String user, String password) {
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .javaMigrations(BenchSeed.hanoiMigration())
                .load()
                .migrate();
    }

    static void write(Connection connection, List<Replayed> history) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement delete = connection.createStatement()) {
            String mine = "SELECT id FROM dossier WHERE filed_by_client = '" + SyntheticHistory.CLIENT + "'";
            delete.executeUpdate("DELETE FROM dossier_rating WHERE dossier_id IN (" + mine + ")");
            delete.executeUpdate("DELETE FROM dossier_event WHERE dossier_id IN (" + mine + ")");
            delete.executeUpdate("DELETE FROM dossier WHERE filed_by_client = '" + SyntheticHistory.CLIENT + "'");
        }
        try (DossierHistoryWriter writer = new DossierHistoryWriter(connection)) {
            int written = 0;
            for (Replayed dossier : history) {
                writer.write(dossier);
                if (++written % COMMIT_EVERY == 0) {
                    connection.commit();
                }
            }
        }
        counters(connection, history);
        connection.commit();
        connection.setAutoCommit(true);
    }

    /** The code counters past the synthetic codes, so that a dossier filed later gets a free one. */
    private static void counters(Connection connection, List<Replayed> history) throws SQLException {
        Map<String, Integer> last = new TreeMap<>();
        for (Replayed dossier : history) {
            String code = dossier.dossier().code();
            last.merge(
                    code.substring(0, code.length() - 5),
                    Integer.parseInt(code.substring(code.length() - 4)),
                    Math::max);
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO dossier_code_counter (agency_code, day, last_number) VALUES (?, to_date(?, 'YYMMDD'), ?)
                ON CONFLICT (agency_code, day)
                DO UPDATE SET last_number = greatest(dossier_code_counter.last_number, excluded.last_number)""")) {
            for (Map.Entry<String, Integer> entry : last.entrySet()) {
                String prefix = entry.getKey();
                upsert.setString(1, prefix.substring(0, prefix.length() - 7));
                upsert.setString(2, prefix.substring(prefix.length() - 6));
                upsert.setInt(3, entry.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** Counts by final status, and the share of results ready after their due time. */
    static String summary(List<Replayed> history) {
        Map<Integer, Long> statuses = history.stream()
                .collect(Collectors.groupingBy(r -> r.dossier().status().code(), TreeMap::new, Collectors.counting()));
        long finished =
                history.stream().filter(r -> r.dossier().finishedAt() != null).count();
        long late = history.stream().filter(SyntheticHistory::finishedLate).count();
        long extended = history.stream()
                .filter(r -> !r.dossier().dueAt().equals(r.dossier().originalDueAt())
                        && r.steps().stream().anyMatch(s -> s.event().dueAt() != null))
                .count();
        LocalDate first = history.get(0)
                .dossier()
                .receivedAt()
                .atZone(WorkingCalendar.ZONE)
                .toLocalDate();
        return String.format(
                "%d synthetic dossiers from %s, by status %s; %d results ready, %.1f %% of them late; %d extended",
                history.size(), first, statuses, finished, 100.0 * late / Math.max(1, finished), extended);
    }
}

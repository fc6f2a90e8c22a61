package vn.hanoi.hcc.bff.dossier;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;
import vn.hanoi.hcc.testsupport.embedded.PostgresAddress;

/**
 * Rows for {@link PgBouncerTransactionModeTest}, written over JDBC straight to PostgreSQL: three
 * dossiers of {@code agent-storm} for the concurrent queries, and the change-feed scenario of a
 * transaction that commits after a later one.
 */
final class FeedRows {

    static final String SNAPSHOT_CLIENT = "agent-snapshot";

    private FeedRows() {}

    static String dossierCode(int index) {
        return "D-" + index;
    }

    static void pointAndDossiers(PostgresAddress database) throws SQLException {
        try (Connection connection = connect(database)) {
            execute(connection, """
                    INSERT INTO service_point (id, type, name, search_name, lat, lon, coordinate_quality, opening_hours)
                    VALUES ('SP-1', 'HQ', 'Trụ sở', 'tru so', 21.0, 105.8, 'surveyed', '[]') ON CONFLICT DO NOTHING""");
            for (String code : List.of(dossierCode(0), dossierCode(1), dossierCode(2))) {
                execute(connection, dossier(code, "agent-storm"));
            }
            execute(connection, dossier("D-SNAP", SNAPSHOT_CLIENT));
        }
    }

    /** Events on the storm's dossiers, each committed on its own. */
    static void committedEvents(PostgresAddress database, String prefix, int count) {
        try (Connection connection = connect(database)) {
            for (int i = 0; i < count; i++) {
                execute(connection, event(dossierCode(i % 3), prefix + "-" + i));
            }
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }

    /**
     * e1 committed; e2 written by a transaction still open when e3 commits: the feed shows e1 alone
     * until e2's transaction ends, then e1, e2, e3 (in transaction order, not commit order).
     * {@code settle} is given, at each step, the event ids the feed must then answer.
     */
    static void snapshotScenario(PostgresAddress database, Consumer<List<String>> settle) {
        try (Connection autocommit = connect(database);
                Connection open = connect(database)) {
            execute(autocommit, event("D-SNAP", "e1"));
            settle.accept(List.of("e1"));
            open.setAutoCommit(false);
            execute(open, event("D-SNAP", "e2"));
            execute(autocommit, event("D-SNAP", "e3"));
            settle.accept(List.of("e1"));
            open.commit();
            settle.accept(List.of("e1", "e2", "e3"));
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static String dossier(String code, String client) {
        return """
                INSERT INTO dossier (code, agency_code, procedure_code, procedure_name, field, applicant_ref,
                    applicant_name, receiving_point_id, received_at, original_due_at, due_at, channel, result_delivery,
                    status, status_at, lookup_secret_hash, filed_by_client)
                VALUES ('%s', 'H26.99', '1.0', 'Thủ tục', 'Hộ tịch', repeat('0', 64), 'Nguyễn Văn An', 'SP-1', now(),
                    now(), now(), 'counter', 'counter', 2, now(), repeat('0', 64), '%s') ON CONFLICT DO NOTHING""".formatted(code, client);
    }

    private static String event(String dossierCode, String eventId) {
        return """
                INSERT INTO dossier_event (dossier_id, filed_by_client, client_id, event_id, kind, status, occurred_at,
                    applied, status_after, due_after, version_after, fingerprint)
                SELECT id, filed_by_client, filed_by_client, '%s', 'STATUS', 2, now(), true, 2, due_at, 1, repeat('0', 64)
                FROM dossier WHERE code = '%s'""".formatted(eventId, dossierCode);
    }

    private static Connection connect(PostgresAddress database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

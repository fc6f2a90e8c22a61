package vn.hanoi.hcc.bff.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import vn.hanoi.hcc.testsupport.embedded.PostgresAddress;
import vn.hanoi.hcc.testsupport.embedded.TestInfrastructure;

/**
 * V12 binds keys to agencies without breaking production: every agent key already in use gets the
 * agencies of the dossiers its client filed; the city system's keys get none (they file for any).
 * On a database of its own, migrated to V11 first as production is today.
 */
class ApiKeyAgenciesMigrationTest {

    private static final PostgresAddress DATABASE = TestInfrastructure.shared().separateDatabase("key_agencies");

    @Test
    void givesEachAgentKeyTheAgenciesItsClientHasFiledFor() throws SQLException {
        migrateTo("11");
        try (Connection connection = connect();
                Statement sql = connection.createStatement()) {
            sql.execute("""
                    INSERT INTO service_point (id, type, name, search_name, lat, lon, coordinate_quality, opening_hours)
                    VALUES ('SP-1', 'HQ', 'Trụ sở', 'tru so', 21.0, 105.8, 'surveyed', '[]')""");
            sql.execute("""
                    INSERT INTO api_key (client_id, kind, scopes, rate_tier, key_hash, key_hint) VALUES
                    ('agent-busy', 'agent', '{dossiers:write}', 'standard', repeat('a', 64), 'hcc_aaaa'),
                    ('agent-busy', 'agent', '{dossiers:read}', 'standard', repeat('b', 64), 'hcc_bbbb'),
                    ('agent-new', 'agent', '{dossiers:write}', 'standard', repeat('c', 64), 'hcc_cccc'),
                    ('city', 'system', '{dossiers:write}', 'system', repeat('d', 64), 'hcc_dddd')""");
            for (String code : List.of("H26.14-251122-0001", "H26.99-251122-0001", "H26.99-251122-0002")) {
                sql.execute(dossier(code, code.startsWith("H26.14") ? "H26.14" : "H26.99", "agent-busy"));
            }
            sql.execute(dossier("H26.21-251122-0001", "H26.21", "city"));
        }

        migrateTo("12");

        assertThat(agencies(repeat('a'))).containsExactly("H26.14", "H26.99");
        assertThat(agencies(repeat('b'))).containsExactly("H26.14", "H26.99");
        assertThat(agencies(repeat('c'))).isEmpty();
        assertThat(agencies(repeat('d'))).isEmpty();
    }

    private static String dossier(String code, String agency, String client) {
        return """
                INSERT INTO dossier (code, agency_code, procedure_code, procedure_name, field, applicant_ref,
                    applicant_name, receiving_point_id, received_at, original_due_at, due_at, channel, result_delivery,
                    status, status_at, lookup_secret_hash, filed_by_client)
                VALUES ('%s', '%s', '1.0', 'Thủ tục', 'Hộ tịch', repeat('0', 64), 'Nguyễn Văn An', 'SP-1', now(),
                    now(), now(), 'counter', 'counter', 2, now(), repeat('0', 64), '%s')""".formatted(code, agency, client);
    }

    private static void migrateTo(String version) {
        Flyway.configure()
                .dataSource(DATABASE.jdbcUrl(), DATABASE.user(), DATABASE.password())
                .locations("classpath:db/migration")
                .target(version)
                .load()
                .migrate();
    }

    private static List<String> agencies(String keyHash) throws SQLException {
        try (Connection connection = connect();
                Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SELECT agencies FROM api_key WHERE key_hash = '" + keyHash + "'")) {
            row.next();
            Array agencies = row.getArray(1);
            return List.of((String[]) agencies.getArray());
        }
    }

    private static String repeat(char character) {
        return String.valueOf(character).repeat(64);
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(DATABASE.jdbcUrl(), DATABASE.user(), DATABASE.password());
    }
}

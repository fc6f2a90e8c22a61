package vn.hanoi.hcc.bff.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The embedded database of {@code ./run-local.sh}, the only one the {@code local} profile's demo
 * data (published API keys, demo dossiers) may go to. The local infrastructure
 * ({@code vn.hanoi.hcc.testsupport.embedded.LocalInfrastructure}) marks the database it creates on its
 * own embedded server with a setting stored in the database itself ({@code ALTER DATABASE ... SET
 * hcc.local_database = 'embedded'}), which no real database has; a connection's own options do not
 * count.
 */
final class LocalDatabase {

    /** The database-level setting, as {@code pg_db_role_setting} keeps it. */
    static final String MARKER = "hcc.local_database=embedded";

    private LocalDatabase() {}

    /**
     * @throws IllegalStateException naming the database when it is not the local embedded one (JDBC:
     *         only ever called by Flyway, at startup)
     */
    static void requireEmbedded(Connection connection) throws SQLException {
        try (PreparedStatement marked = connection.prepareStatement("""
                SELECT current_database() AS name, EXISTS (SELECT 1 FROM pg_db_role_setting s
                    JOIN pg_database d ON d.oid = s.setdatabase
                    WHERE d.datname = current_database() AND s.setrole = 0 AND ? = ANY (s.setconfig)) AS marked""")) {
            marked.setString(1, MARKER);
            try (ResultSet row = marked.executeQuery()) {
                row.next();
                if (!row.getBoolean("marked")) {
                    throw new IllegalStateException("The local profile seeds the published demo API keys and demo "
                            + "dossiers, so it runs only on the embedded PostgreSQL of ./run-local.sh, which marks its "
                            + "database (" + MARKER + "); database " + row.getString("name") + " is not it. "
                            + "Start the BFF without the local profile.");
                }
            }
        }
    }
}

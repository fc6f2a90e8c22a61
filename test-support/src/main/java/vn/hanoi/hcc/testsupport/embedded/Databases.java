package vn.hanoi.hcc.testsupport.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** Creating and dropping whole databases on a server, over JDBC (setup code, never a request path). */
final class Databases {

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private Databases() {}

    /** Creates the database on the server at {@code server} unless it exists; returns its address. */
    static PostgresAddress createIfAbsent(PostgresAddress server, String name) throws SQLException {
        requireSafe(name);
        try (Connection connection = connect(server);
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet row = exists.executeQuery()) {
                if (!row.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE " + name);
                    }
                }
            }
        }
        return server.withDatabase(name);
    }

    /**
     * Marks the database as the local run's embedded one, the only kind the BFF's {@code local}
     * profile seeds its demo keys and dossiers into (see {@code vn.hanoi.hcc.bff.seed.LocalDatabase}):
     * a setting stored in the database itself, which no real database carries.
     */
    static void markAsLocal(PostgresAddress server, String name) throws SQLException {
        requireSafe(name);
        try (Connection connection = connect(server);
                Statement mark = connection.createStatement()) {
            mark.execute("ALTER DATABASE " + name + " SET hcc.local_database = 'embedded'");
        }
    }

    static void drop(PostgresAddress server, String name) throws SQLException {
        requireSafe(name);
        try (Connection connection = connect(server);
                Statement drop = connection.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static Connection connect(PostgresAddress server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
    }

    private static void requireSafe(String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
    }
}

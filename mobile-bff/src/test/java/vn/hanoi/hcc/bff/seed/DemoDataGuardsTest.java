package vn.hanoi.hcc.bff.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.hanoi.hcc.bff.MobileBffApplication;
import vn.hanoi.hcc.testsupport.embedded.PostgresAddress;
import vn.hanoi.hcc.testsupport.embedded.TestInfrastructure;
import vn.hanoi.hcc.testsupport.embedded.TestSecrets;

/**
 * The demo data never reaches a real database: the {@code local} profile refuses any database but
 * the local run's embedded one, and refuses {@code prod} beside it; any other run refuses to start
 * while a published demo key is active. Each case starts the whole BFF on a database of its own.
 */
class DemoDataGuardsTest {

    @Test
    void refusesTheLocalProfileOnADatabaseTheLocalRunDidNotMake() throws SQLException {
        PostgresAddress real = TestInfrastructure.shared().separateDatabase("not_local");

        assertThatThrownBy(() -> start(real, "test", "local"))
                .hasStackTraceContaining("is not it")
                .hasStackTraceContaining("Start the BFF without the local profile");
        assertThat(query(real, "SELECT to_regclass('api_key') IS NULL AS nothing"))
                .containsExactly("t");
    }

    @Test
    void refusesTheLocalProfileBesideProd() {
        PostgresAddress local = TestInfrastructure.shared().localDatabase("local_prod");

        assertThatThrownBy(() -> start(local, "prod", "local")).hasStackTraceContaining("refused together with prod");
    }

    @Test
    void refusesToStartWhileAPublishedDemoKeyIsActive() throws SQLException, GeneralSecurityException {
        PostgresAddress real = TestInfrastructure.shared().separateDatabase("demo_keys");
        start(real, "test").close();
        execute(
                real,
                "INSERT INTO api_key (client_id, kind, scopes, rate_tier, key_hash, key_hint) VALUES "
                        + "('dev-agent', 'agent', '{dossiers:write}', 'standard', '" + hash("dev-agent-key")
                        + "', 'dev-agen')");

        assertThatThrownBy(() -> start(real, "test"))
                .hasStackTraceContaining("dev-agent-key of dev-agent")
                .hasStackTraceContaining("Revoke them");

        execute(real, "UPDATE api_key SET revoked_at = now() WHERE client_id = 'dev-agent'");
        start(real, "test").close();
    }

    private static ConfigurableApplicationContext start(PostgresAddress database, String... profiles) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.r2dbc.url=r2dbc:postgresql://" + database.host() + ":" + database.port() + "/"
                        + database.database(),
                "--spring.flyway.url=" + database.jdbcUrl()));
        TestInfrastructure.shared().environment().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(MobileBffApplication.class)
                .profiles(profiles)
                .run(arguments.toArray(String[]::new));
    }

    /** HMAC-SHA256 with the test pepper, as the key store keeps a key. */
    private static String hash(String apiKey) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestSecrets.apiKeyPepper().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(apiKey.getBytes(StandardCharsets.UTF_8)));
    }

    private static void execute(PostgresAddress database, String sql) throws SQLException {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> query(PostgresAddress database, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static Connection connect(PostgresAddress database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }
}

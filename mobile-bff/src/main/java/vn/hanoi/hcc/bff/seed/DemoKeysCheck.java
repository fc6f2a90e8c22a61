package vn.hanoi.hcc.bff.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.callback.Event;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import vn.hanoi.hcc.contract.apikey.ApiKeyHasher;

/**
 * Outside the {@code local} profile, the BFF does not start while a published demo key
 * ({@link DemoApiKeys}) is active in its database under the configured pepper: one seeded by a run
 * that should never have been local would otherwise keep working through the real gateway. Run after
 * the migrations, on every start (JDBC, at startup only).
 */
@Component
@Profile("!local")
class DemoKeysCheck extends MigrationCallback {

    private final ApiKeyHasher hasher;

    DemoKeysCheck(ApiKeyHasher hasher) {
        super(Event.AFTER_MIGRATE, "demo-keys-check");
        this.hasher = hasher;
    }

    @Override
    void run(Connection connection) throws SQLException {
        List<String> active = activeDemoKeys(connection);
        if (!active.isEmpty()) {
            throw new IllegalStateException("The published demo API keys are active in this database ("
                    + String.join(", ", active) + "): anyone could use them through the gateway. Revoke them "
                    + "(UPDATE api_key SET revoked_at = now() WHERE id IN (the ids above)) before starting.");
        }
    }

    private List<String> activeDemoKeys(Connection connection) throws SQLException {
        List<String> active = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, client_id FROM api_key WHERE revoked_at IS NULL AND key_hash = ?")) {
            for (String key : DemoApiKeys.ALL) {
                query.setString(1, hasher.hash(key));
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        active.add(key + " of " + row.getString("client_id") + ", id " + row.getString("id"));
                    }
                }
            }
        }
        return active;
    }
}

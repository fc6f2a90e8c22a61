package vn.hanoi.hcc.bff.seed;

import java.sql.PreparedStatement;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import vn.hanoi.hcc.contract.apikey.ApiKeyHasher;

/**
 * The {@code local} profile's demo API keys, {@code dev-system-key} (the city system) and
 * {@code dev-agent-key} (an agent), as a repeatable Flyway migration: re-applied whenever the
 * pepper changes, so the stored hashes always match. Never registered in another profile, and only
 * ever written to run-local.sh's embedded database ({@link LocalDatabase}, {@link LocalDatabaseGuard}).
 */
@Component
@Profile("local")
class DevApiKeysMigration implements JavaMigration {

    private static final String UPSERT = """
            INSERT INTO api_key (id, client_id, kind, scopes, rate_tier, label, key_hash, key_hint, agencies, created_by)
            VALUES (?::uuid, ?, ?, ?::text[], ?, ?, ?, ?, ?::text[], 'run-local')
            ON CONFLICT (id) DO UPDATE SET key_hash = EXCLUDED.key_hash, agencies = EXCLUDED.agencies, revoked_at = NULL
            """;
    /** Changed whenever the keys' rows change, so that an existing local database gets them again. */
    private static final String VERSION = "2: agencies";

    private static final List<DevKey> KEYS = List.of(
            new DevKey(
                    "00000000-0000-4000-8000-000000000001",
                    DemoApiKeys.SYSTEM,
                    "dev-city-system",
                    "system",
                    "{dossiers:read,dossiers:write,webhooks:write}",
                    "system",
                    "Demo: the city's processing system",
                    "{}"),
            new DevKey(
                    "00000000-0000-4000-8000-000000000002",
                    DemoApiKeys.AGENT,
                    "dev-agent",
                    "agent",
                    "{dossiers:read,dossiers:write,webhooks:write}",
                    "standard",
                    "Demo: an online public-service agent",
                    "{H26.99}"));

    private final ApiKeyHasher hasher;

    DevApiKeysMigration(ApiKeyHasher hasher) {
        this.hasher = hasher;
    }

    private record DevKey(
            String id,
            String key,
            String clientId,
            String kind,
            String scopes,
            String tier,
            String label,
            String agencies) {}

    @Override
    public MigrationVersion getVersion() {
        return null; // repeatable
    }

    @Override
    public String getDescription() {
        return "local demo API keys";
    }

    @Override
    public Integer getChecksum() {
        return (VERSION + hasher.hash("checksum")).hashCode();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        LocalDatabase.requireEmbedded(context.getConnection());
        try (PreparedStatement upsert = context.getConnection().prepareStatement(UPSERT)) {
            for (DevKey key : KEYS) {
                upsert.setString(1, key.id());
                upsert.setString(2, key.clientId());
                upsert.setString(3, key.kind());
                upsert.setString(4, key.scopes());
                upsert.setString(5, key.tier());
                upsert.setString(6, key.label());
                upsert.setString(7, hasher.hash(key.key()));
                upsert.setString(8, key.key().substring(0, 8));
                upsert.setString(9, key.agencies());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }
}

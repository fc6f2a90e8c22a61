package vn.hanoi.hcc.bff.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Flyway migration V2: Hanoi's 126 wards and 159 service points. Spring Boot hands every
 * {@link JavaMigration} bean to Flyway, which runs this once per database, in a transaction,
 * under its lock. Its checksum covers the seed files: editing one after it ran makes validation
 * fail, and the change belongs in a new migration.
 */
@Component
class HanoiSeedMigration implements JavaMigration {

    private final JsonMapper json;

    HanoiSeedMigration(JsonMapper json) {
        this.json = json;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "Hanoi wards and service points";
    }

    @Override
    public Integer getChecksum() {
        try {
            return SeedFiles.checksum();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        new HanoiSeedLoader(json).load(context.getConnection());
    }
}

package vn.hanoi.hcc.bff.seed;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import vn.hanoi.hcc.bff.privacy.PersonalDataHasher;

/**
 * The {@code local} profile's demo dossiers ({@link DemoDossiers}), as a repeatable Flyway
 * migration: made on the first start, made again (the old ones removed) if the PII pepper changes,
 * since their stored hashes depend on it. Never registered in another profile, and only ever written
 * to run-local.sh's embedded database ({@link LocalDatabase}).
 */
@Component
@Profile("local")
class DemoDossiersMigration implements JavaMigration {

    private final PersonalDataHasher hasher;

    DemoDossiersMigration(PersonalDataHasher hasher) {
        this.hasher = hasher;
    }

    @Override
    public MigrationVersion getVersion() {
        return null; // repeatable
    }

    @Override
    public String getDescription() {
        return "local demo dossiers";
    }

    @Override
    public Integer getChecksum() {
        return (DemoDossiers.VERSION + hasher.citizenRef("checksum")).hashCode();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        LocalDatabase.requireEmbedded(connection);
        try (Statement delete = connection.createStatement()) {
            delete.executeUpdate("DELETE FROM dossier_rating WHERE dossier_id IN"
                    + " (SELECT id FROM dossier WHERE filed_by_client = '" + DemoDossiers.CLIENT + "')");
            delete.executeUpdate("DELETE FROM dossier_event WHERE filed_by_client = '" + DemoDossiers.CLIENT + "'");
            delete.executeUpdate("DELETE FROM dossier WHERE filed_by_client = '" + DemoDossiers.CLIENT + "'");
        }
        new DemoDossiers(hasher).insert(connection);
    }
}

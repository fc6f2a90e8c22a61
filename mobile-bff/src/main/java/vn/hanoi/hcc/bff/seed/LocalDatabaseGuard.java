package vn.hanoi.hcc.bff.seed;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.callback.Event;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The {@code local} profile fails closed: it refuses to start beside {@code prod}, and before any
 * migration runs it checks that the database is run-local.sh's embedded one ({@link LocalDatabase}),
 * so that the demo keys and dossiers can never be seeded into a real database, whatever pepper is
 * configured.
 */
@Component
@Profile("local")
class LocalDatabaseGuard extends MigrationCallback {

    LocalDatabaseGuard(Environment environment) {
        super(Event.BEFORE_MIGRATE, "local-database-guard");
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("The local profile (demo API keys and dossiers) is refused together with "
                    + "prod: start production with the prod profile alone");
        }
    }

    @Override
    void run(Connection connection) throws SQLException {
        LocalDatabase.requireEmbedded(connection);
    }
}

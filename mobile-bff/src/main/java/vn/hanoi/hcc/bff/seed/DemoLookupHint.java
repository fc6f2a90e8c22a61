package vn.hanoi.hcc.bff.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * After every migration in the {@code local} profile, logs the code of a demo dossier to look up
 * (its secret is the demo one, which run-local.sh prints; secrets are never logged).
 */
@Component
@Profile("local")
class DemoLookupHint extends MigrationCallback {

    private static final Logger log = LoggerFactory.getLogger(DemoLookupHint.class);

    DemoLookupHint() {
        super(Event.AFTER_MIGRATE, "demo-lookup-hint");
    }

    /** Only a hint: a failure to find one is logged, never a reason not to start. */
    @Override
    void run(Connection connection) {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT code FROM dossier WHERE filed_by_client = ? AND applicant_name = ?
                ORDER BY (status = 9) DESC, received_at DESC LIMIT 1""")) {
            query.setString(1, DemoDossiers.CLIENT);
            query.setString(2, DemoDossiers.DEMO_NAME);
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    log.info("Demo dossier to look up: {}", row.getString(1));
                }
            }
        } catch (SQLException unreadable) {
            log.warn("Could not find a demo dossier: {}", unreadable.getMessage());
        }
    }
}

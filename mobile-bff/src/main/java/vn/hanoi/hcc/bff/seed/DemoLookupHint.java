package vn.hanoi.hcc.bff.seed;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
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
class DemoLookupHint implements Callback {

    private static final Logger log = LoggerFactory.getLogger(DemoLookupHint.class);

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try (PreparedStatement query = context.getConnection().prepareStatement("""
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

    @Override
    public String getCallbackName() {
        return "demo-lookup-hint";
    }
}

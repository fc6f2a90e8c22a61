package vn.hanoi.hcc.bff.seed;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * A Flyway callback run at one event with Flyway's JDBC connection (at startup, never on a request
 * path); a failure to read stops the start, like the check itself failing.
 */
abstract class MigrationCallback implements Callback {

    private final Event event;
    private final String name;

    MigrationCallback(Event event, String name) {
        this.event = event;
        this.name = name;
    }

    /** @throws IllegalStateException to refuse the start */
    abstract void run(Connection connection) throws SQLException;

    @Override
    public boolean supports(Event candidate, Context context) {
        return candidate == event;
    }

    @Override
    public boolean canHandleInTransaction(Event candidate, Context context) {
        return true;
    }

    @Override
    public void handle(Event candidate, Context context) {
        try {
            run(context.getConnection());
        } catch (SQLException unreadable) {
            throw new IllegalStateException(name + " could not read the database", unreadable);
        }
    }

    @Override
    public String getCallbackName() {
        return name;
    }
}

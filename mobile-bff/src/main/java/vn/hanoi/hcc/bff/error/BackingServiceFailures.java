package vn.hanoi.hcc.bff.error;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a backing service that cannot be reached (PostgreSQL restarting, the pool out of
 * connections) from a fault of the request or of the code. Each layer wraps the one below
 * ({@code CannotCreateTransactionException} around R2DBC's resource exception around the socket's),
 * so the whole chain of causes is looked at.
 */
final class BackingServiceFailures {

    private BackingServiceFailures() {}

    /** The failure is the database (or another backing service) being out of reach: retry later. */
    static boolean isUnavailable(Throwable error) {
        return Causes.any(error, BackingServiceFailures::isUnavailableItself);
    }

    private static boolean isUnavailableItself(Throwable cause) {
        return cause instanceof CannotCreateTransactionException
                || cause instanceof DataAccessResourceFailureException
                || cause instanceof TransientDataAccessResourceException
                || cause instanceof QueryTimeoutException
                || cause instanceof R2dbcNonTransientResourceException
                || cause instanceof R2dbcTransientResourceException
                || cause instanceof R2dbcTimeoutException
                || cause instanceof TimeoutException // reactor-pool's PoolAcquireTimeoutException
                || cause instanceof ConnectException
                || cause instanceof ClosedChannelException
                || cause instanceof R2dbcException r2dbc && isUnavailableState(r2dbc.getSqlState());
    }

    /**
     * SQLSTATEs of a server that is going away or not yet there, which the driver reports as plain
     * R2DBC exceptions: class 08 (connection exception), 57P01-57P03 (admin or crash shutdown, cannot
     * connect now: a restart), 53300 (too many connections).
     */
    private static boolean isUnavailableState(String sqlState) {
        return sqlState != null
                && (sqlState.startsWith("08") || sqlState.startsWith("57P") || "53300".equals(sqlState));
    }
}

package vn.hanoi.hcc.testsupport.leaks;

/**
 * The one leak the check lets pass: rows of a PostgreSQL query whose subscriber went away while
 * they were in flight. r2dbc-postgresql 1.1.1 did not release the {@code DataRow}s a cancelled
 * or failed conversation still had queued, and so not the network frame they were sliced from
 * either (pgjdbc/r2dbc-postgresql#580, open): a query whose {@code one()} meets a second row leaks
 * every time. 1.1.3 (the version used now) has not shown it in the bad-input drill; the
 * pattern stays recognised until the issue is closed upstream. Here it showed in about one full run in four, one row
 * each time, so failing the build on it would only make the build flaky. It is written to standard
 * error instead, so that it stays seen.
 */
final class KnownDriverLeak {

    private KnownDriverLeak() {}

    /** A leaked r2dbc-postgresql row, or the frame buffer it was sliced from (the driver's frame decoder). */
    static boolean matches(String report) {
        return report.contains("io.r2dbc.postgresql.message.backend.DataRow.<init>")
                || report.contains("Hint: 'LengthFieldBasedFrameDecoder' will handle the message from this point.");
    }

    static void note(String scope, String report) {
        System.err.println(
                "Known r2dbc-postgresql leak (pgjdbc/r2dbc-postgresql#580), not failing " + scope + ":\n" + report);
    }
}

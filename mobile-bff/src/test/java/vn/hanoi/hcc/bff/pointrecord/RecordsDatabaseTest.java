package vn.hanoi.hcc.bff.pointrecord;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.ReactiveTransactionManager;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.bff.point.PointIndex;
import vn.hanoi.hcc.bff.rating.SatisfactionService;
import vn.hanoi.hcc.testsupport.embedded.PostgresAddress;
import vn.hanoi.hcc.testsupport.embedded.TestInfrastructure;

/**
 * The records' tests, in a database of their own (their dossiers and ratings are the only ones, so
 * that the counts are exact) and one application context. The application's own refresher is
 * stopped: each test refreshes through "replicas" of its own, which it drives.
 */
abstract class RecordsDatabaseTest extends BffIntegrationTest {

    static final Duration SOON = Duration.ofSeconds(10);
    private static final PostgresAddress DATABASE = TestInfrastructure.shared().separateDatabase("records");

    @Autowired
    DatabaseClient db;

    @Autowired
    PointRecordRepository repository;

    @Autowired
    PointRecordStore store;

    @Autowired
    private PointRecordRefresher applications;

    @Autowired
    private PointIndex index;

    @Autowired
    private SatisfactionService satisfaction;

    @Autowired
    private ReactiveTransactionManager transactionManager;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        useDatabase(registry, DATABASE);
    }

    @BeforeEach
    void noRefreshRunningOrRecent() {
        applications.stop();
        db.sql("UPDATE point_record_refresh SET window_to = NULL, claim = NULL, claimed_until = NULL")
                .fetch()
                .rowsUpdated()
                .block(SOON);
    }

    /** A refresher as another replica runs it, over the same database, with a store of its own. */
    PointRecordRefresher replica(Duration refreshEvery, Duration lease, PointRecordStore itsStore) {
        return new PointRecordRefresher(
                repository,
                itsStore,
                index,
                satisfaction,
                transactionManager,
                new PointRecordProperties(refreshEvery, Duration.ofHours(1), lease));
    }

    /** Computes the records now, as any replica would, and has this application's store read them. */
    void refreshNow() {
        PointRecordRefresher now = replica(Duration.ZERO, Duration.ofMinutes(1), store);
        org.assertj.core.api.Assertions.assertThat(now.refreshIfDue().block(SOON))
                .isTrue();
        store.reloadIfChanged().block(SOON);
    }
}

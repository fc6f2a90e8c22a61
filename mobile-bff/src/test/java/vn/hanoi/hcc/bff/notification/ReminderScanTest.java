package vn.hanoi.hcc.bff.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.hcc.bff.notification.ReminderScheduleTest.DEFAULTS;
import static vn.hanoi.hcc.bff.notification.ReminderScheduleTest.hanoi;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.bff.point.PointIndex;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;

/**
 * A pass over many waiting dossiers with none due queues nothing, and its candidates are read
 * through the partial index (the plan, not a timing: timings are the benchmarks' business). Its dossiers wait in 2012, an agency of their own, removed afterwards.
 */
class ReminderScanTest extends BffIntegrationTest {

    private static final String AGENCY = "RM.2012";
    private static final int WAITING = 5_000;

    @Autowired
    DatabaseClient db;

    @Autowired
    ConnectionFactory connections;

    @Autowired
    ReminderRepository repository;

    @Autowired
    PointIndex points;

    @AfterEach
    void removeTheDossiers() {
        db.sql("DELETE FROM dossier_reminder r USING dossier d WHERE d.id = r.dossier_id AND d.agency_code = :agency")
                .bind("agency", AGENCY)
                .then()
                .then(db.sql("DELETE FROM dossier WHERE agency_code = :agency")
                        .bind("agency", AGENCY)
                        .then())
                .block();
    }

    @Test
    void aPassWhereNothingIsDueQueuesNothingAndReadsTheWaitingDossiersThroughThePartialIndex() {
        // 5,000 results ready on 1 March 2012, each reminded on the 6th: nothing due before the 13th
        db.sql("""
                WITH waiting AS (
                    INSERT INTO dossier (code, agency_code, procedure_code, procedure_name, field, applicant_ref,
                        applicant_name, receiving_point_id, received_at, original_due_at, due_at, channel,
                        result_delivery, status, status_at, finished_at, lookup_secret_hash, filed_by_client)
                    SELECT :agency || '-120301-' || lpad(g::text, 4, '0'), :agency, '1.001193', 'Đăng ký kết hôn',
                        'Hộ tịch', repeat('c', 64), 'Test', 'W00070', :at - interval '5 days', :at, :at, 'counter',
                        'counter', 9, :at, :at, repeat('0', 64), 'reminder-scan-test'
                    FROM generate_series(1, :count) g
                    RETURNING id, status_at)
                INSERT INTO dossier_reminder (dossier_id, kind, episode_at, ordinal, sent_at)
                SELECT id, 'REMINDER_RESULT_READY', status_at, 1, :sent FROM waiting""")
                .bind("agency", AGENCY)
                .bind("at", hanoi("2012-03-01T10:00"))
                .bind("sent", hanoi("2012-03-06T10:00"))
                .bind("count", WAITING)
                .then()
                .block();
        db.sql("ANALYZE dossier").then().block();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ReminderSchedulerTest.SetClock clock = new ReminderSchedulerTest.SetClock();
        clock.set(hanoi("2012-03-08T10:00"));
        ReminderScheduler scheduler =
                new ReminderScheduler(repository, points, DEFAULTS, clock, meters, ObservationRegistry.NOOP);
        WorkingCalendar calendar = new WorkingCalendar(Set.of());

        scheduler.run(calendar).block(Duration.ofSeconds(30));
        assertThat(scheduler.run(calendar).block(Duration.ofSeconds(30))).isZero();

        assertThat(plan(hanoi("2012-03-08T10:00"))).contains("dossier_reminder_candidates_idx");
    }

    /** The candidates' plan, with sequential scans priced out so that any usable index shows. */
    private String plan(Instant now) {
        TransactionalOperator transaction = TransactionalOperator.create(new R2dbcTransactionManager(connections));
        return db.sql("SET LOCAL enable_seqscan = off")
                .then()
                .then(db.sql("EXPLAIN " + ReminderRepository.CANDIDATES)
                        .bind("after", now.minus(Duration.ofDays(30)))
                        .bind("before", now.minus(Duration.ofDays(2)))
                        .bind("cursorAt", Instant.EPOCH)
                        .bind("cursorId", 0L)
                        .bind("max", 3)
                        .bind("lastSentBefore", now.minus(Duration.ofDays(7)))
                        .bind("limit", 200)
                        .map(row -> row.get(0, String.class))
                        .all()
                        .collectList())
                .as(transaction::transactional)
                .map(lines -> String.join("\n", lines))
                .block(Duration.ofSeconds(10));
    }
}

package vn.hanoi.hcc.bff.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.JSON;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.applied;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.dossier;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.event;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.filed;
import static vn.hanoi.hcc.bff.notification.ReminderScheduleTest.DEFAULTS;
import static vn.hanoi.hcc.bff.notification.ReminderScheduleTest.NATIONAL_DAY;
import static vn.hanoi.hcc.bff.notification.ReminderScheduleTest.hanoi;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.bff.dossier.web.DossierFixtures;
import vn.hanoi.hcc.bff.point.PointIndex;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/**
 * The reminder scheduler against the real database, with a clock the test sets. Each test waits in
 * a year of its own, years before any other test's dossiers, so no scan meets another's.
 */
class ReminderSchedulerTest extends BffIntegrationTest {

    private static final String NAME = "Nguyễn Văn An";
    private static final WorkingCalendar CALENDAR = new WorkingCalendar(Set.of(NATIONAL_DAY));

    @Autowired
    ReminderRepository repository;

    @Autowired
    PointIndex points;

    @Autowired
    DatabaseClient db;

    @Autowired
    ObservationRegistry observations;

    @Autowired
    MeterRegistry meters;

    private final SetClock clock = new SetClock();
    private WebTestClient system;
    private String citizen;

    @BeforeEach
    void fresh() {
        system = as(TestIdentityTokens.system("city-reminder-tests"));
        citizen = "0013" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    @Test
    void remindsOfAResultNotCollectedAfterThreeWorkingDaysThenWeeklyThreeTimesInAll() {
        registerDevice();
        // ready on Friday 30 August 2019 at 10:00; the weekend and Monday's National Day do not count
        String code = fileAndMove(hanoi("2019-08-30T10:00"), 4, 9);
        ReminderScheduler scheduler = scheduler(DEFAULTS);

        runAt(scheduler, "2019-09-05T09:59");
        assertThat(reminders(code)).isEmpty();
        runAt(scheduler, "2019-09-05T10:00");
        runAt(scheduler, "2019-09-05T10:00");
        assertThat(reminders(code)).containsExactly("REMINDER_RESULT_READY");
        assertThat(pushes(code)).containsExactly("REMINDER_RESULT_READY");
        runAt(scheduler, "2019-09-12T09:59");
        assertThat(reminders(code)).hasSize(1);
        runAt(scheduler, "2019-09-12T10:00");
        runAt(scheduler, "2019-09-19T10:00");
        runAt(scheduler, "2019-09-26T10:00");
        assertThat(reminders(code)).hasSize(3);
        assertThat(pushes(code)).hasSize(3);
    }

    @Test
    void eachPassIsTimedAndTracedAndItsPushesNameItAsTheirWriter() {
        registerDevice();
        String code = fileAndMove(hanoi("2014-03-03T09:00"), 4, 9);
        long passes = passes();

        runAt(scheduler(DEFAULTS), "2014-03-06T09:00");

        String writer = db.sql("""
                        SELECT m.trace_parent FROM push_message m JOIN notification n ON n.id = m.notification_id
                        WHERE n.dossier_code = :code AND n.event LIKE 'REMINDER%'""")
                .bind("code", code)
                .map(row -> String.valueOf(row.get("trace_parent", String.class)))
                .one()
                .block();
        assertThat(writer)
                .as("the pass's span, which the dispatch span will link to")
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(passes()).isGreaterThan(passes);
    }

    private long passes() {
        Timer passes = meters.find("hcc.reminders.scan").timer();
        return passes == null ? 0 : passes.count();
    }

    @Test
    void remindersCarryNoPersonalDataAndOpsSeeThemAsReminders() {
        registerDevice();
        String ready = fileAndMove(hanoi("2020-03-02T09:00"), 4, 9);
        String toPay = fileAndMove(hanoi("2020-03-02T09:00"), 4, 6);
        runAt(scheduler(DEFAULTS), "2020-03-05T09:00");

        List<Map<String, Object>> inbox = inbox("en");
        assertThat(inbox)
                .extracting(entry -> entry.get("event"))
                .containsExactlyInAnyOrder("REMINDER_RESULT_READY", "REMINDER_ACTION_NEEDED");
        Map<String, Object> payment = inbox.stream()
                .filter(entry -> toPay.equals(entry.get("dossierCode")))
                .findFirst()
                .orElseThrow();
        assertThat((String) payment.get("body")).contains(toPay, "Pay the fees due");
        assertThat(inbox("vi").toString()).contains("Thực hiện nghĩa vụ tài chính");
        for (Map<String, Object> entry : inbox) {
            assertThat(entry.get("title") + " " + entry.get("body")).doesNotContain(NAME, citizen, "Nguyễn");
        }
        as(TestIdentityTokens.ops("ops-reminders"))
                .get()
                .uri("/api/v1/ops/push-messages?dossierCode={code}", ready)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].event")
                .isEqualTo("REMINDER_RESULT_READY");
    }

    @Test
    void stopsOnceTheResultIsCollectedOrTheDossierResumesAndStartsAgainAtTheNextPause() {
        Instant since = hanoi("2018-06-04T09:00");
        String collected = fileAndMove(since, 4, 9);
        applied(system, collected, event("r-" + UUID.randomUUID(), 10, since.plus(Duration.ofDays(1))));
        String resumed = fileAndMove(since, 4, 5);
        applied(system, resumed, event("r-" + UUID.randomUUID(), 4, since.plus(Duration.ofDays(1))));
        String waiting = fileAndMove(since, 4, 5);
        ReminderScheduler scheduler = scheduler(DEFAULTS);

        runAt(scheduler, "2018-06-07T09:00");
        assertThat(reminders(collected)).isEmpty();
        assertThat(reminders(resumed)).isEmpty();
        assertThat(reminders(waiting)).containsExactly("REMINDER_ACTION_NEEDED");

        // paused again on Friday the 8th: a new wait, reminded three working days on
        applied(system, resumed, event("r-" + UUID.randomUUID(), 5, hanoi("2018-06-08T09:00")));
        runAt(scheduler, "2018-06-13T08:59");
        assertThat(reminders(resumed)).isEmpty();
        runAt(scheduler, "2018-06-13T09:00");
        assertThat(reminders(resumed)).containsExactly("REMINDER_ACTION_NEEDED");
    }

    @Test
    void holdsARemindersDueInTheQuietHoursUntilSevenInTheMorning() {
        String code = fileAndMove(hanoi("2017-05-08T10:00"), 4, 9);
        ReminderScheduler scheduler = scheduler(DEFAULTS);

        // due on Thursday at 10:00, but no replica looked until the evening
        runAt(scheduler, "2017-05-11T21:00");
        runAt(scheduler, "2017-05-12T03:00");
        runAt(scheduler, "2017-05-12T06:59:59");
        assertThat(reminders(code)).isEmpty();
        runAt(scheduler, "2017-05-12T07:00");
        assertThat(reminders(code)).hasSize(1);
    }

    @Test
    void queuesEachReminderOnceWhenTwoReplicasScanAtOnce() {
        registerDevice();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            codes.add(fileAndMove(hanoi("2016-10-03T09:00").plusSeconds(i), 4, i % 2 == 0 ? 9 : 6));
        }
        // pages of 7, so that the two replicas race over several pages
        ReminderProperties small = ReminderScheduleTest.readingPagesOf(7);
        clock.set(hanoi("2016-10-06T09:00:30"));
        ReminderScheduler one = scheduler(small);
        ReminderScheduler other = scheduler(small);

        List<Long> queued = Flux.merge(
                        one.run(CALENDAR).subscribeOn(Schedulers.parallel()),
                        other.run(CALENDAR).subscribeOn(Schedulers.parallel()))
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(queued.stream().mapToLong(Long::longValue).sum()).isEqualTo(30);
        for (String code : codes) {
            assertThat(reminders(code)).as(code).hasSize(1);
            assertThat(pushes(code)).as(code).hasSize(1);
        }
    }

    @Test
    void aDossierWhoseOwnerTurnedRemindersOffGetsNoneUntilTheyTurnThemOn() {
        String code = fileAndMove(hanoi("2015-04-06T09:00"), 4, 9);
        ReminderScheduler scheduler = scheduler(DEFAULTS);

        setReminders(code, false);
        runAt(scheduler, "2015-04-09T09:00");
        assertThat(reminders(code)).isEmpty();
        setReminders(code, true);
        runAt(scheduler, "2015-04-09T09:01");
        assertThat(reminders(code)).hasSize(1);
    }

    private ReminderScheduler scheduler(ReminderProperties properties) {
        return new ReminderScheduler(repository, points, properties, clock, new SimpleMeterRegistry(), observations);
    }

    private void runAt(ReminderScheduler scheduler, String hanoiTime) {
        clock.set(hanoi(hanoiTime));
        scheduler.run(CALENDAR).block(Duration.ofSeconds(30));
    }

    /** Files a dossier received a day before {@code at} and moves it through these statuses, the last at {@code at}. */
    private String fileAndMove(Instant at, int... statuses) {
        Instant received = at.minus(Duration.ofDays(1));
        String code =
                (String) filed(system, dossier(DossierFixtures.freshAgency(), citizen, received, Duration.ofDays(20)))
                        .get("code");
        for (int i = 0; i < statuses.length; i++) {
            Instant when = i == statuses.length - 1 ? at : received.plus(Duration.ofHours(i + 1));
            applied(system, code, event("r-" + UUID.randomUUID(), statuses[i], when));
        }
        return code;
    }

    private void registerDevice() {
        as(TestIdentityTokens.citizen(citizen))
                .post()
                .uri("/api/v1/me/devices")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", "fcm_" + UUID.randomUUID() + ":APA91b", "platform", "android"))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    private void setReminders(String code, boolean enabled) {
        as(TestIdentityTokens.citizen(citizen))
                .put()
                .uri("/api/v1/me/dossiers/{code}/reminders", code)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("enabled", enabled))
                .exchange()
                .expectStatus()
                .isOk();
    }

    /** The reminders in the citizen's inbox, in this language. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> inbox(String language) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) as(TestIdentityTokens.citizen(citizen))
                .get()
                .uri("/api/v1/me/notifications?size=50")
                .header("Accept-Language", language)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody()
                .get("items");
        return items.stream()
                .filter(entry -> ((String) entry.get("event")).startsWith("REMINDER_"))
                .toList();
    }

    private List<String> reminders(String code) {
        return db.sql(
                        "SELECT event FROM notification WHERE dossier_code = :code AND event LIKE 'REMINDER%' ORDER BY id")
                .bind("code", code)
                .map(row -> row.get("event", String.class))
                .all()
                .collectList()
                .block();
    }

    private List<String> pushes(String code) {
        return db.sql("""
                SELECT n.event FROM push_message m JOIN notification n ON n.id = m.notification_id
                WHERE n.dossier_code = :code AND n.event LIKE 'REMINDER%' ORDER BY m.id""")
                .bind("code", code)
                .map(row -> row.get("event", String.class))
                .all()
                .collectList()
                .block();
    }

    /** A clock the test moves. */
    static final class SetClock extends Clock {

        private volatile Instant now = Instant.EPOCH;

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

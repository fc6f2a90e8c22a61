package vn.hanoi.hcc.bff.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.background.BackgroundLoop;
import vn.hanoi.hcc.bff.observability.ObservedMono;
import vn.hanoi.hcc.bff.point.PointIndex;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;

/**
 * Queues the reminders that are due ({@link ReminderSchedule}) through the push outbox and the inbox,
 * every {@code poll-interval}, on every replica: {@link ReminderRepository#queue} makes each reminder
 * exactly once whoever finds it. Outside the quiet hours only: a reminder due at night is queued at
 * their end. The working days are counted in the point network's calendar (its public holidays).
 * Counted in {@code hcc.reminders.queued} (by event), {@code hcc.reminders.skipped} (not queued after all:
 * another replica did first, or the dossier moved on meanwhile), {@code hcc.reminders.held} (passes skipped in the quiet hours).
 * Each pass is the observation {@code hcc.reminders.scan}: a timer of that name, and a span, the root
 * of its statements' spans, which every push it queues names as its writer ({@code trace_parent}), so
 * that the dispatch of a reminder links back to the pass that made it, as a status push's links back
 * to the request that changed the status.
 */
@Component
class ReminderScheduler extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(ReminderScheduler.class);

    private final ReminderRepository reminders;
    private final PointIndex points;
    private final ReminderProperties properties;
    private final ReminderSchedule schedule;
    private final Clock clock;
    private final Map<NotificationEvent, Counter> queued;
    private final Counter skipped;
    private final Counter held;
    private final ObservationRegistry observations;

    ReminderScheduler(
            ReminderRepository reminders,
            PointIndex points,
            ReminderProperties properties,
            Clock clock,
            MeterRegistry meters,
            ObservationRegistry observations) {
        this.reminders = reminders;
        this.points = points;
        this.properties = properties;
        this.schedule = new ReminderSchedule(properties);
        this.clock = clock;
        this.queued = Stream.of(NotificationEvent.REMINDER_RESULT_READY, NotificationEvent.REMINDER_ACTION_NEEDED)
                .collect(Collectors.toUnmodifiableMap(
                        Function.identity(),
                        event -> meters.counter(
                                "hcc.reminders.queued", "event", event.name().toLowerCase(Locale.ROOT))));
        this.skipped = meters.counter("hcc.reminders.skipped");
        this.held = meters.counter("hcc.reminders.held");
        this.observations = observations;
    }

    @Override
    protected Disposable begin() {
        if (!properties.enabled()) {
            log.info("Reminders are off on this replica (hcc.bff.reminders.enabled)");
            return null;
        }
        return every(properties.pollInterval(), properties.pollInterval(), "Queuing reminders", this::run);
    }

    /** One pass over the candidates, in the point network's calendar: the number of reminders this replica queued. */
    Mono<Long> run() {
        return points.snapshot().flatMap(snapshot -> run(snapshot.calendar()));
    }

    /** One pass over the candidates, counting working days in this calendar. */
    Mono<Long> run(WorkingCalendar calendar) {
        Instant now = clock.instant();
        if (schedule.isQuiet(now)) {
            held.increment();
            return Mono.just(0L);
        }
        ReminderRepository.Bounds bounds = new ReminderRepository.Bounds(
                schedule.waitingAfter(now),
                schedule.waitingBefore(now),
                schedule.maxReminders(),
                schedule.lastSentBefore(now));
        return ObservedMono.of(
                () -> Observation.start("hcc.reminders.scan", observations),
                () -> page(bounds, calendar, now, ReminderRepository.Cursor.START)
                        .doOnNext(count -> {
                            if (count > 0) {
                                log.info("Queued {} reminders", count);
                            }
                        }));
    }

    /** The candidates page by page from the cursor, each page's due reminders queued before the next is read. */
    private Mono<Long> page(
            ReminderRepository.Bounds bounds, WorkingCalendar calendar, Instant now, ReminderRepository.Cursor after) {
        return reminders.candidates(bounds, after, properties.batchSize()).flatMap(page -> {
            Mono<Long> queuedHere = queueDue(page, calendar, now);
            if (page.size() < properties.batchSize()) {
                return queuedHere;
            }
            ReminderCandidate last = page.get(page.size() - 1);
            ReminderRepository.Cursor next = new ReminderRepository.Cursor(last.waitingSince(), last.dossierId());
            return queuedHere.flatMap(count -> page(bounds, calendar, now, next).map(more -> count + more));
        });
    }

    private Mono<Long> queueDue(List<ReminderCandidate> page, WorkingCalendar calendar, Instant now) {
        return Flux.fromIterable(page)
                .filter(candidate -> schedule.nextDue(
                                calendar, candidate.waitingSince(), candidate.sent(), candidate.lastSentAt())
                        .filter(due -> !due.isAfter(now))
                        .isPresent())
                .concatMap(candidate -> reminders.queue(candidate, now).doOnNext(done -> count(candidate, done)))
                .filter(done -> done)
                .count();
    }

    private void count(ReminderCandidate candidate, boolean done) {
        if (done) {
            queued.get(candidate.event()).increment();
        } else {
            skipped.increment();
        }
    }
}

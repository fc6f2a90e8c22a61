package vn.hanoi.hcc.bff.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vn.hanoi.hcc.bff.dossier.DossierStatus;
import vn.hanoi.hcc.bff.dossier.ResultDelivery;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;

/**
 * One synthetic dossier's life after its filing, as status events in time order: online
 * submissions accepted (or refused, or withdrawn) after a few working hours; processing; perhaps a
 * request for documents (5) or for payment (6) that the citizen answers after some calendar days, or
 * never (withdrawn, stopped); the result (9) after the dossier's working time; its collection (10)
 * some days later, or at once when delivered electronically. Officers act in working hours; the
 * citizen's answers are recorded at the next working moment. Synthetic: every rate and time below
 * is an assumption, not a measurement.
 */
final class SyntheticLife {

    /** A status reached at an instant. */
    record Step(DossierStatus status, Instant at) {}

    /**
     * What shapes a life.
     *
     * @param work the working time the administration needs, pauses excluded
     * @param supplementShare the chance of a request for documents
     * @param paymentShare the chance of a request for payment near the end
     */
    record Shape(Duration work, boolean online, boolean direct, double supplementShare, double paymentShare) {}

    private static final double REFUSED = 0.03;
    private static final double WITHDRAWN_ONLINE = 0.005;
    private static final double WITHDRAWN = 0.015;
    private static final double STOPPED = 0.007;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final WorkingCalendar calendar;
    private final Random random;
    private final List<Step> steps = new ArrayList<>();
    private Instant now;
    private Duration spent = Duration.ZERO;

    SyntheticLife(WorkingCalendar calendar, Random random, Instant received) {
        this.calendar = calendar;
        this.random = random;
        this.now = received;
    }

    /** The steps after the filing; the last one is where the life ends. */
    List<Step> live(Shape shape, ResultDelivery delivery) {
        if (shape.online() && !accepted(shape.work())) {
            return steps;
        }
        if (!shape.direct()) {
            work(shape.work().minus(spent).multipliedBy(5 + random.nextInt(20)).dividedBy(100));
            step(DossierStatus.PROCESSING);
        }
        if (random.nextDouble() < WITHDRAWN + STOPPED) {
            work(shape.work().minus(spent).multipliedBy(random.nextInt(90)).dividedBy(100));
            step(
                    random.nextDouble() * (WITHDRAWN + STOPPED) < WITHDRAWN
                            ? DossierStatus.WITHDRAWN
                            : DossierStatus.STOPPED);
            return steps;
        }
        if (random.nextDouble() < shape.supplementShare() && !supplied(shape.work())) {
            return steps;
        }
        if (random.nextDouble() < shape.paymentShare() && paidLast(shape.work())) {
            return collected(delivery);
        }
        work(shape.work().minus(spent));
        step(DossierStatus.RESULT_READY);
        return collected(delivery);
    }

    /** Online: accepted (2) after a few working hours, or refused, or withdrawn before. */
    private boolean accepted(Duration work) {
        work(min(lognormal(Duration.ofMinutes(90), 0.8), work.dividedBy(3)));
        double roll = random.nextDouble();
        if (roll < REFUSED + WITHDRAWN_ONLINE) {
            step(roll < REFUSED ? DossierStatus.REJECTED : DossierStatus.WITHDRAWN);
            return false;
        }
        step(DossierStatus.RECEIVED);
        return true;
    }

    /** Documents required (5) partway; the citizen brings them days later, or never. */
    private boolean supplied(Duration work) {
        work(work.minus(spent).multipliedBy(10 + random.nextInt(70)).dividedBy(100));
        step(DossierStatus.SUPPLEMENT_REQUIRED);
        double roll = random.nextDouble();
        if (roll < 0.12) {
            // withdrawn at the desk (8 in 100), or stopped by the agency a month later (4 in 100)
            boolean withdrawn = roll < 0.08;
            Duration wait = withdrawn ? lognormal(Duration.ofDays(5), 0.6) : Duration.ofDays(30);
            resumeAfter(wait);
            step(withdrawn ? DossierStatus.WITHDRAWN : DossierStatus.STOPPED);
            return false;
        }
        resumeAfter(min(lognormal(Duration.ofDays(3), 0.9), Duration.ofDays(45)));
        step(DossierStatus.PROCESSING);
        return true;
    }

    /**
     * Payment required (6) near the end of the work. When the work was done, the result is ready
     * once paid (6→9, true); otherwise processing goes on (6→4, false).
     */
    private boolean paidLast(Duration work) {
        int percent = 85 + random.nextInt(16);
        work(work.minus(spent).multipliedBy(percent).dividedBy(100));
        step(DossierStatus.PAYMENT_REQUIRED);
        resumeAfter(min(lognormal(Duration.ofHours(36), 0.8), Duration.ofDays(30)));
        boolean last = percent == 100 || random.nextBoolean();
        if (last) {
            step(DossierStatus.RESULT_READY);
        } else {
            step(DossierStatus.PROCESSING);
        }
        return last;
    }

    /** The result collected: at once when electronic, days later at the desk or by post; some never. */
    private List<Step> collected(ResultDelivery delivery) {
        double roll = random.nextDouble();
        switch (delivery) {
            case ELECTRONIC -> {
                if (roll < 0.97) {
                    now = now.plus(Duration.ofMinutes(1 + random.nextInt(120)));
                    step(DossierStatus.RETURNED);
                }
            }
            case POSTAL -> {
                if (roll < 0.95) {
                    resumeAfter(lognormal(Duration.ofDays(3), 0.4));
                    step(DossierStatus.RETURNED);
                }
            }
            default -> {
                if (roll < 0.92) {
                    resumeAfter(lognormal(Duration.ofDays(2), 1.0));
                    step(DossierStatus.RETURNED);
                }
            }
        }
        return steps;
    }

    /** Working time passes, in whole seconds (as the city system's timestamps come). */
    private void work(Duration working) {
        Duration positive = working.isNegative() ? Duration.ZERO : Duration.ofSeconds(working.toSeconds());
        now = calendar.plus(now, positive.plus(MINUTE));
        spent = spent.plus(positive.plus(MINUTE));
    }

    /** Calendar time passes (the citizen's), then the officer records it within the next working hours. */
    private void resumeAfter(Duration calendarTime) {
        now = calendar.plus(now.plus(calendarTime), Duration.ofMinutes(1 + random.nextInt(180)));
    }

    private void step(DossierStatus status) {
        steps.add(new Step(status, now));
    }

    /** A log-normal duration with this median and spread (σ of the logarithm). */
    Duration lognormal(Duration median, double sigma) {
        double factor = Math.exp(sigma * random.nextGaussian());
        return Duration.ofSeconds(Math.max(60, Math.round(median.toSeconds() * factor)));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

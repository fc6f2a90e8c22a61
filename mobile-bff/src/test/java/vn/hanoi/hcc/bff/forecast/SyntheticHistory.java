package vn.hanoi.hcc.bff.forecast;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import vn.hanoi.hcc.bff.dossier.Channel;
import vn.hanoi.hcc.bff.dossier.DossierHistoryWriter.Replayed;
import vn.hanoi.hcc.bff.dossier.DossierStatus;
import vn.hanoi.hcc.bff.dossier.NewDossier;
import vn.hanoi.hcc.bff.dossier.ResultDelivery;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;

/**
 * <b>Synthetic</b> dossier history, for the forecast's backtest and nothing else: a year of
 * dossiers of the demo procedures received at Hanoi's service points, made up from a seed (the same
 * seed and world give the same history, event for event). Nothing in it was observed; its shape
 * follows what the Center's desks describe, and every rate is an assumption named where it is set:
 *
 * <ul>
 *   <li>intake on working days, heavier on Mondays and in the weeks before Tết, online submissions
 *       also at night and on days off; points drawn by their ward's population;
 *   <li>the legal due time: receipt + the procedure's working days on the Center's calendar (public
 *       holidays included, Tết among them);
 *   <li>the working time a dossier needs: log-normal around a median that depends on the procedure
 *       and the agency (each agency its own speed, drawn once from the seed), slower in the months
 *       around Tết and at the year's end, with a few dossiers stuck three times as long;
 *   <li>pauses for documents or payment ({@link SyntheticLife}), which move the due time by the
 *       paused time as the service does; withdrawals and stops; collection of results;
 *   <li>apology slips: half the dossiers about to run late get a due-date extension
 *       shortly before their due time, and some finish late all the same.
 * </ul>
 *
 * Commune-level procedures (the demo's agency {@value SyntheticWorld#WARD_AGENCY}) are processed by
 * the receiving ward's committee ({@code H26.99.<ward code>}), land and construction by the
 * agency's office of the point's branch group ({@code H26.31.<n>}), the rest by their one agency.
 */
final class SyntheticHistory {

    static final String CLIENT = "synthetic-history";

    /** Receipts from {@code from} for {@code months}; nothing after {@code asOf} is recorded. */
    record Window(LocalDate from, int months, Instant asOf) {

        /** Twelve months of receipts from 1 November 2025, recorded as of 1 December 2026 in Hanoi. */
        static Window year() {
            return new Window(
                    LocalDate.of(2025, 11, 1),
                    12,
                    LocalDate.of(2026, 12, 1).atStartOfDay(WorkingCalendar.ZONE).toInstant());
        }
    }

    private final SyntheticWorld world;
    private final long seed;
    private final Random random;
    private final SyntheticDossiers dossiers;
    private final Map<String, Integer> numbers = new HashMap<>();

    SyntheticHistory(SyntheticWorld world, long seed) {
        this.world = world;
        this.seed = seed;
        this.random = new Random(seed);
        this.dossiers = new SyntheticDossiers(world, seed, random);
    }

    /** About {@code count} dossiers over the window, in the order they were received. */
    List<Replayed> generate(Window window, int count) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = window.from(); day.isBefore(window.from().plusMonths(window.months())); ) {
            days.add(day);
            day = day.plusDays(1);
        }
        double total = days.stream().mapToDouble(this::intake).sum();
        List<Replayed> history = new ArrayList<>();
        for (LocalDate day : days) {
            double expected = count * intake(day) / total;
            int today = (int) expected + (random.nextDouble() < expected - (int) expected ? 1 : 0);
            for (int i = 0; i < today; i++) {
                boolean working = world.calendar().isWorkingDay(day);
                Instant received = received(day, working);
                if (received.isBefore(window.asOf())) {
                    history.add(dossiers.make(received, working ? channel() : Channel.ONLINE, window.asOf(), this));
                }
            }
        }
        history.sort(java.util.Comparator.comparing(r -> r.dossier().receivedAt()));
        return history;
    }

    /** The next code of an agency's day: {@code <agency>-YYMMDD-NNNN}. */
    String nextCode(String agency, LocalDate day) {
        String prefix = agency + "-"
                + String.format("%02d%02d%02d", day.getYear() % 100, day.getMonthValue(), day.getDayOfMonth());
        int number = numbers.merge(prefix, 1, Integer::sum);
        return prefix + "-" + String.format("%04d", number);
    }

    long seed() {
        return seed;
    }

    /** A day's share of the intake: working days by weekday and season, days off online only. */
    private double intake(LocalDate day) {
        if (!world.calendar().isWorkingDay(day)) {
            return 0.08;
        }
        double weekday =
                day.getDayOfWeek() == DayOfWeek.MONDAY ? 1.2 : day.getDayOfWeek() == DayOfWeek.FRIDAY ? 0.9 : 1.0;
        // the rush before Tết (mid-January to Tết 2026, 14 February)
        boolean beforeTet = day.getMonth() == Month.JANUARY && day.getDayOfMonth() > 15
                || day.getMonth() == Month.FEBRUARY && day.getDayOfMonth() < 14;
        return weekday * (beforeTet ? 1.35 : 1.0);
    }

    private Instant received(LocalDate day, boolean working) {
        if (!working) {
            return day.atStartOfDay(WorkingCalendar.ZONE).toInstant().plusSeconds(random.nextInt(86_400));
        }
        Instant opens =
                day.atTime(LocalTime.of(8, 0)).atZone(WorkingCalendar.ZONE).toInstant();
        return world.calendar().plus(opens, Duration.ofSeconds(random.nextInt(8 * 3600)));
    }

    /** Online 35 in 100, at the desk 55, through an agent 5, by post 5 (an assumption). */
    private Channel channel() {
        int roll = random.nextInt(100);
        return roll < 35 ? Channel.ONLINE : roll < 90 ? Channel.COUNTER : roll < 95 ? Channel.AGENT : Channel.POSTAL;
    }

    /** Electronic 30 in 100, at the desk 60, by post 10. */
    ResultDelivery delivery() {
        int roll = random.nextInt(100);
        return roll < 30 ? ResultDelivery.ELECTRONIC : roll < 90 ? ResultDelivery.COUNTER : ResultDelivery.POSTAL;
    }

    /** Whether the result came after the due time in force (the timing class LATE). */
    static boolean finishedLate(Replayed replayed) {
        Instant finished = replayed.dossier().finishedAt();
        return finished != null && finished.isAfter(replayed.dossier().dueAt());
    }

    static DossierStatus initialStatus(Channel channel) {
        return channel == Channel.ONLINE ? DossierStatus.NEW : DossierStatus.RECEIVED;
    }

    static NewDossier filed(
            String code,
            SyntheticWorld.Procedure procedure,
            String agency,
            String point,
            Instant received,
            Instant due,
            Channel channel,
            ResultDelivery delivery,
            String applicant) {
        return new NewDossier(
                code,
                agency,
                procedure.code(),
                procedure.name(),
                procedure.field(),
                null,
                applicant,
                point,
                received,
                due,
                channel,
                delivery,
                initialStatus(channel));
    }
}

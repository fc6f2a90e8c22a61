package vn.hanoi.hcc.bff.forecast;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import vn.hanoi.hcc.bff.dossier.Channel;
import vn.hanoi.hcc.bff.dossier.DossierHistoryWriter.Replayed;
import vn.hanoi.hcc.bff.dossier.ResultDelivery;
import vn.hanoi.hcc.bff.forecast.SyntheticWorld.Point;
import vn.hanoi.hcc.bff.forecast.SyntheticWorld.Procedure;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;

/**
 * One synthetic dossier at a time (see {@link SyntheticHistory}): its procedure, receiving point
 * and agency, its legal due time, the working time it needs at that agency, its life, and perhaps an
 * apology slip.
 */
final class SyntheticDossiers {

    /** The median share of the legal time an agency takes: most finish well ahead of the limit. */
    private static final double MEDIAN_SHARE = 0.55;
    /** How much agencies differ (σ of the logarithm of their speed). */
    private static final double AGENCY_SPREAD = 0.35;
    /** Dossiers stuck for three times as long (a lost file, a busy officer): 4 in 100. */
    private static final double STUCK = 0.04;

    private final SyntheticWorld world;
    private final long seed;
    private final Random random;
    private final List<String> branchGroups;
    private final Map<String, Double> speeds = new HashMap<>();
    private final SyntheticApologies apologies;

    SyntheticDossiers(SyntheticWorld world, long seed, Random random) {
        this.world = world;
        this.seed = seed;
        this.random = random;
        Set<String> groups = new TreeSet<>();
        world.points().stream().filter(p -> p.branchGroup() != null).forEach(p -> groups.add(p.branchGroup()));
        this.branchGroups = List.copyOf(groups);
        this.apologies = new SyntheticApologies(world.calendar(), random);
    }

    Replayed make(Instant received, Channel channel, Instant asOf, SyntheticHistory history) {
        Procedure procedure = pick(world.procedures(), Procedure::weight);
        Point point = point(procedure);
        String agency = agency(procedure, point);
        WorkingCalendar calendar = world.calendar();
        Instant due = calendar.plus(received, WorkingCalendar.WORKING_DAY.multipliedBy(procedure.workingDays()));
        LocalDate day = received.atZone(WorkingCalendar.ZONE).toLocalDate();
        String code = history.nextCode(agency, day);
        ResultDelivery delivery = history.delivery();
        var filed = SyntheticHistory.filed(
                code,
                procedure,
                agency,
                point.id(),
                received,
                due,
                channel,
                delivery,
                "Người nộp tổng hợp " + code.substring(code.length() - 4));
        SyntheticLife.Shape shape = new SyntheticLife.Shape(
                work(procedure, agency, day),
                channel == Channel.ONLINE,
                procedure.workingDays() <= 1 && random.nextDouble() < 0.4,
                supplementShare(procedure),
                paymentShare(procedure));
        List<SyntheticLife.Step> steps = new SyntheticLife(calendar, random, received).live(shape, delivery);
        return apologies.apply(filed, hex(), hex(), steps, procedure.workingDays(), asOf);
    }

    /** The working time this dossier needs at this agency, in this season. */
    private Duration work(Procedure procedure, String agency, LocalDate day) {
        double median = procedure.workingDays() * 8 * 3600 * MEDIAN_SHARE * speed(procedure, agency) * season(day);
        double factor = Math.exp(spread(procedure) * random.nextGaussian());
        if (random.nextDouble() < STUCK) {
            factor *= 3;
        }
        return Duration.ofSeconds(Math.max(600, Math.round(median * factor)));
    }

    /** An agency's speed on a procedure, drawn once from the seed and the pair (whatever the order of draws). */
    private double speed(Procedure procedure, String agency) {
        return speeds.computeIfAbsent(
                procedure.code() + "@" + agency,
                pair -> Math.exp(AGENCY_SPREAD * new Random(seed * 31 + pair.hashCode()).nextGaussian()));
    }

    /** How much one dossier differs from the next of the same procedure at the same agency. */
    private double spread(Procedure procedure) {
        return 0.35 + 0.2 * new Random(seed * 17 + procedure.code().hashCode()).nextDouble();
    }

    /** Slower around Tết (January, February) and at the year's end. */
    private static double season(LocalDate day) {
        Month month = day.getMonth();
        return month == Month.FEBRUARY ? 1.2 : month == Month.JANUARY || month == Month.DECEMBER ? 1.1 : 1.0;
    }

    private static double supplementShare(Procedure procedure) {
        return landOrConstruction(procedure) ? 0.25 : procedure.field().contains("kinh doanh") ? 0.15 : 0.08;
    }

    private static double paymentShare(Procedure procedure) {
        return procedure.field().equals("Đất đai") ? 0.5 : procedure.field().equals("Hoạt động xây dựng") ? 0.15 : 0;
    }

    private static boolean landOrConstruction(Procedure procedure) {
        return procedure.field().equals("Đất đai") || procedure.field().equals("Hoạt động xây dựng");
    }

    /** A point that receives the procedure: the wards' by population, the Center's by size; land at both. */
    private Point point(Procedure procedure) {
        Set<String> types = world.receivedAt(procedure);
        boolean wards = types.contains("WARD_POINT") && (!types.contains("HQ") || random.nextDouble() < 0.6);
        List<Point> candidates = world.points().stream()
                .filter(p -> wards
                        ? p.type().equals("WARD_POINT")
                        : types.contains(p.type()) && !p.type().equals("WARD_POINT"))
                .toList();
        return pick(candidates, Point::weight);
    }

    private String agency(Procedure procedure, Point point) {
        if (procedure.agency().equals(SyntheticWorld.WARD_AGENCY) && point.wardCode() != null) {
            return procedure.agency() + "." + point.wardCode();
        }
        if (landOrConstruction(procedure) && point.branchGroup() != null) {
            return procedure.agency() + "." + (branchGroups.indexOf(point.branchGroup()) + 1);
        }
        return procedure.agency();
    }

    private <T> T pick(List<T> items, java.util.function.ToDoubleFunction<T> weight) {
        double total = items.stream().mapToDouble(weight).sum();
        double roll = random.nextDouble() * total;
        for (T item : items) {
            roll -= weight.applyAsDouble(item);
            if (roll < 0) {
                return item;
            }
        }
        return items.get(items.size() - 1);
    }

    /** A random 64-hex value: a stored hash of no citizen ID and no secret (nobody owns these dossiers). */
    private String hex() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}

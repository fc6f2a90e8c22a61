package vn.hanoi.hcc.bff.forecast;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The distributions of every group at every level, all over the same window of finished dossiers
 * ({@code windowFrom} to {@code windowTo}), tagged with the version they were read at. Immutable:
 * a change makes a new table ({@link #with}); reading one is a map lookup.
 */
public final class DistributionTable {

    /** No distributions at all, no version. */
    public static final DistributionTable EMPTY = new DistributionTable(0, Instant.EPOCH, Instant.EPOCH, Map.of());

    private final long version;
    private final Instant windowFrom;
    private final Instant windowTo;
    private final Map<Group, DurationDistribution> groups;

    private DistributionTable(
            long version, Instant windowFrom, Instant windowTo, Map<Group, DurationDistribution> groups) {
        this.version = version;
        this.windowFrom = windowFrom;
        this.windowTo = windowTo;
        this.groups = groups;
    }

    /** A table of exactly these groups. */
    public static DistributionTable of(
            long version, Instant windowFrom, Instant windowTo, Map<Group, DurationDistribution> groups) {
        return new DistributionTable(version, windowFrom, windowTo, Map.copyOf(groups));
    }

    /**
     * This table with some groups changed: a group given a distribution gets it, a group given
     * none (an empty optional) is dropped, the others stay.
     */
    public DistributionTable with(
            long newVersion,
            Instant newWindowFrom,
            Instant newWindowTo,
            Map<Group, Optional<DurationDistribution>> changes) {
        Map<Group, DurationDistribution> next = new HashMap<>(groups);
        changes.forEach((group, distribution) -> {
            if (distribution.isPresent()) {
                next.put(group, distribution.get());
            } else {
                next.remove(group);
            }
        });
        return new DistributionTable(newVersion, newWindowFrom, newWindowTo, Map.copyOf(next));
    }

    public Optional<DurationDistribution> find(ForecastLevel level, String key) {
        return Optional.ofNullable(groups.get(new Group(level, key)));
    }

    public long version() {
        return version;
    }

    public Instant windowFrom() {
        return windowFrom;
    }

    public Instant windowTo() {
        return windowTo;
    }

    public int size() {
        return groups.size();
    }

    /** One group of comparable dossiers: a level and its key. */
    public record Group(ForecastLevel level, String key) {}
}

package vn.hanoi.hcc.bff.point;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.hanoi.hcc.bff.geo.LatLon;

class PointSnapshotTest {

    private static final OpeningHours WEEKDAYS = new OpeningHours(List.of(
            new OpeningHours.Interval(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 0)),
            new OpeningHours.Interval(DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(17, 0)),
            new OpeningHours.Interval(DayOfWeek.SATURDAY, LocalTime.of(8, 0), LocalTime.of(12, 0))));

    @Test
    void isOpenWithinItsHoursInHanoiTimeAndNeverOnAHoliday() {
        ServicePoint point = point("P1", 21.0, 105.8);
        PointSnapshot snapshot = new PointSnapshot(1, List.of(point), Set.of(LocalDate.of(2026, 11, 30)), List.of());

        // Monday 23 November 2026, 09:00 in Hanoi is 02:00 UTC
        assertThat(snapshot.isOpen(point, Instant.parse("2026-11-23T02:00:00Z")))
                .isTrue();
        assertThat(snapshot.isOpen(point, Instant.parse("2026-11-23T00:59:59Z")))
                .isFalse();
        assertThat(snapshot.isOpen(point, Instant.parse("2026-11-23T01:00:00Z")))
                .isTrue();
        assertThat(snapshot.isOpen(point, Instant.parse("2026-11-23T05:30:00Z")))
                .as("lunch break")
                .isFalse();
        assertThat(snapshot.isOpen(point, Instant.parse("2026-11-23T10:00:00Z")))
                .as("17:00 closes")
                .isFalse();
        assertThat(snapshot.isOpen(point, Instant.parse("2026-11-28T02:00:00Z")))
                .as("Saturday morning")
                .isTrue();
        assertThat(snapshot.isOpen(point, Instant.parse("2026-11-30T02:00:00Z")))
                .as("a holiday Monday")
                .isFalse();
    }

    @Test
    void findsPointsAcrossTheAntimeridianAndBreaksTiesById() {
        List<ServicePoint> points = List.of(
                point("EAST", 0.0, 179.99),
                point("WEST", 0.0, -179.99),
                point("FAR", 0.0, 170.0),
                point("B", 10.0, 10.0),
                point("A", 10.0, 10.0));
        PointSnapshot snapshot = new PointSnapshot(1, points, Set.of(), List.of());

        assertThat(snapshot.nearest(new LatLon(0, -179.999), 2, any -> true))
                .extracting(ranked -> ranked.point().id())
                .containsExactly("WEST", "EAST");
        assertThat(snapshot.nearest(new LatLon(10, 10.001), 2, any -> true))
                .extracting(ranked -> ranked.point().id())
                .containsExactly("A", "B");
    }

    @Test
    void returnsFewerWhenFewerPassTheFilterAndSearchesTheWholeGlobe() {
        List<ServicePoint> points = List.of(point("HANOI", 21.03, 105.85), point("QUITO", -0.18, -78.47));
        PointSnapshot snapshot = new PointSnapshot(1, points, Set.of(), List.of());

        assertThat(snapshot.nearest(
                        new LatLon(21.03, 105.85), 5, point -> !point.id().equals("HANOI")))
                .singleElement()
                .satisfies(ranked -> assertThat(ranked.point().id()).isEqualTo("QUITO"));
        assertThat(snapshot.nearest(new LatLon(89.9, 0), 1, any -> true))
                .extracting(ranked -> ranked.point().id())
                .containsExactly("HANOI");
    }

    private static ServicePoint point(String id, double lat, double lon) {
        return new ServicePoint(
                id,
                PointType.WARD_POINT,
                id,
                null,
                null,
                null,
                null,
                lat,
                lon,
                CoordinateQuality.SURVEYED,
                WEEKDAYS,
                null,
                true);
    }
}

package vn.hanoi.hcc.bff.point;

import java.util.List;
import vn.hanoi.hcc.bff.geo.LatLon;

/**
 * A place where citizens file dossiers and collect results.
 *
 * @param id stable identifier ({@code HQ}, {@code CN7}, {@code D001}, {@code W00070}...)
 * @param wardCode GSO code of the ward the point stands in
 * @param wardName that ward's name
 * @param branchGroup the regional branch group the point belongs to
 * @param note what a citizen should know about the point (a temporary address, say)
 * @param active whether the point currently receives dossiers
 */
public record ServicePoint(
        String id,
        PointType type,
        String name,
        String address,
        String wardCode,
        String wardName,
        String branchGroup,
        double lat,
        double lon,
        CoordinateQuality coordinateQuality,
        OpeningHours openingHours,
        String note,
        boolean active) {

    public LatLon position() {
        return new LatLon(lat, lon);
    }

    /** A point known only by its position, active, with no address and no opening hours: a proposed site. */
    public static ServicePoint proposed(String id, PointType type, String name, LatLon position) {
        return new ServicePoint(
                id,
                type,
                name,
                null,
                null,
                null,
                null,
                position.lat(),
                position.lon(),
                CoordinateQuality.SURVEYED,
                new OpeningHours(List.of()),
                null,
                true);
    }
}

package vn.hanoi.hcc.bff.point;

/**
 * What the Center says a point is: everything but its id, its ward's name and branch group (both
 * taken from the ward).
 */
public record PointDraft(
        PointType type,
        String name,
        String address,
        String wardCode,
        double lat,
        double lon,
        CoordinateQuality coordinateQuality,
        OpeningHours openingHours,
        String note,
        boolean active) {}

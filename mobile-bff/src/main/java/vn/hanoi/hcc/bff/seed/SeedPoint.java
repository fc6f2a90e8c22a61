package vn.hanoi.hcc.bff.seed;

/** A service point as the seed files describe it, ready to insert. */
record SeedPoint(
        String id,
        String type,
        String name,
        String address,
        String wardCode,
        String branchGroup,
        double lat,
        double lon,
        String coordinateQuality,
        String openingHoursJson,
        String note,
        String source) {}

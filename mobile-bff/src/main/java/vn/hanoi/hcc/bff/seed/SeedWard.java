package vn.hanoi.hcc.bff.seed;

import org.locationtech.jts.geom.Geometry;

/** A ward as the seed files describe it, with its boundary as GeoJSON and as a JTS geometry. */
record SeedWard(
        String code,
        String name,
        String fullName,
        String kind,
        int population,
        double areaKm2,
        double lat,
        double lon,
        String branchGroup,
        String hqAddress,
        String boundaryGeoJson,
        Geometry boundary) {}

package vn.hanoi.hcc.bff.coverage;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.json.JsonMapper;
import vn.hanoi.hcc.bff.geo.GeoJsonMultiPolygon;

/** Hanoi's wards with their boundaries and populations, sampled for coverage. */
@Repository
class WardRepository {

    private final DatabaseClient db;
    private final JsonMapper json;
    private final CoverageProperties properties;

    WardRepository(DatabaseClient db, JsonMapper json, CoverageProperties properties) {
        this.db = db;
        this.json = json;
        this.properties = properties;
    }

    /** Every ward, in code order, its boundary parsed and sampled on the given scheduler (CPU work). */
    Flux<Ward> findAll(Scheduler sampleOn) {
        return db.sql("SELECT code, full_name, population, area_km2::float8 AS area_km2, boundary::text AS boundary "
                        + "FROM ward ORDER BY code")
                .map(row -> new WardRow(
                        row.get("code", String.class),
                        row.get("full_name", String.class),
                        row.get("population", Integer.class),
                        row.get("area_km2", Double.class),
                        row.get("boundary", String.class)))
                .all()
                .publishOn(sampleOn)
                .map(this::toWard);
    }

    private Ward toWard(WardRow row) {
        var boundary = json.readValue(row.boundary(), GeoJsonMultiPolygon.class).toGeometry();
        return new Ward(
                row.code(),
                row.name(),
                row.population(),
                boundary,
                WardSampler.sample(boundary, WardSampler.count(row.areaKm2(), properties)));
    }

    private record WardRow(String code, String name, int population, double areaKm2, String boundary) {}
}

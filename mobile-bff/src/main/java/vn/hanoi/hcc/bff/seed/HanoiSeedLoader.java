package vn.hanoi.hcc.bff.seed;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import vn.hanoi.hcc.bff.point.SearchText;

/**
 * Writes the seed wards and points over JDBC. Rows that already exist are left as they are (the
 * Center may have edited them), so running it again changes nothing.
 */
final class HanoiSeedLoader {

    private static final String INSERT_WARD = """
            INSERT INTO ward (code, name, full_name, kind, population, area_km2, lat, lon, branch_group,
                              hq_address, boundary)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
            ON CONFLICT (code) DO NOTHING
            """;
    private static final String INSERT_POINT = """
            INSERT INTO service_point (id, type, name, search_name, address, ward_code, branch_group, lat, lon,
                                       coordinate_quality, opening_hours, note, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
            ON CONFLICT (id) DO NOTHING
            """;

    private final JsonMapper json;

    HanoiSeedLoader(JsonMapper json) {
        this.json = json;
    }

    /** How many rows this run inserted (zero of each on a database already seeded). */
    record Result(int wards, int points) {}

    Result load(Connection connection) throws IOException, SQLException {
        List<SeedWard> wards;
        try (InputStream geoJson = SeedFiles.open(SeedFiles.WARDS)) {
            wards = new WardGeoJsonReader(json).read(geoJson);
        }
        List<SeedPoint> points = new ServicePointSeedReader(json, wards).read();
        return new Result(insertWards(connection, wards), insertPoints(connection, points));
    }

    private static int insertWards(Connection connection, List<SeedWard> wards) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_WARD)) {
            for (SeedWard ward : wards) {
                insert.setString(1, ward.code());
                insert.setString(2, ward.name());
                insert.setString(3, ward.fullName());
                insert.setString(4, ward.kind());
                insert.setInt(5, ward.population());
                insert.setDouble(6, ward.areaKm2());
                insert.setDouble(7, ward.lat());
                insert.setDouble(8, ward.lon());
                insert.setString(9, ward.branchGroup());
                insert.setString(10, ward.hqAddress());
                insert.setString(11, ward.boundaryGeoJson());
                insert.addBatch();
            }
            return Arrays.stream(insert.executeBatch()).sum();
        }
    }

    private static int insertPoints(Connection connection, List<SeedPoint> points) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_POINT)) {
            for (SeedPoint point : points) {
                insert.setString(1, point.id());
                insert.setString(2, point.type());
                insert.setString(3, point.name());
                insert.setString(4, SearchText.fold(point.name()));
                insert.setString(5, point.address());
                insert.setString(6, point.wardCode());
                insert.setString(7, point.branchGroup());
                insert.setDouble(8, point.lat());
                insert.setDouble(9, point.lon());
                insert.setString(10, point.coordinateQuality());
                insert.setString(11, point.openingHoursJson());
                insert.setString(12, point.note());
                insert.setString(13, point.source());
                insert.addBatch();
            }
            return Arrays.stream(insert.executeBatch()).sum();
        }
    }
}

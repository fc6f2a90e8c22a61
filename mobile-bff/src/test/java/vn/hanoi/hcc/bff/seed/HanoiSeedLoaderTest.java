package vn.hanoi.hcc.bff.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.testsupport.embedded.PostgresAddress;
import vn.hanoi.hcc.testsupport.embedded.TestInfrastructure;

/** The seed as Flyway left it, checked over plain JDBC (test code, off any event loop). */
class HanoiSeedLoaderTest extends BffIntegrationTest {

    @Autowired
    JsonMapper json;

    @Test
    void loadedHanoisWardsWithTheirPopulation() throws SQLException {
        assertThat(queryLong("SELECT count(*) FROM ward")).isEqualTo(126);
        assertThat(queryLong("SELECT sum(population) FROM ward")).isEqualTo(8_807_523);
        assertThat(queryLong("SELECT count(*) FROM ward WHERE kind = 'PHUONG'")).isEqualTo(51);
        assertThat(queryLong("SELECT count(*) FROM ward WHERE boundary->>'type' = 'MultiPolygon'"))
                .isEqualTo(126);
    }

    @Test
    void loadedEveryKindOfPointWithItsCoordinateQuality() throws SQLException {
        assertThat(queryLong("SELECT count(*) FROM service_point WHERE type = 'HQ'"))
                .isEqualTo(1);
        assertThat(queryLong("SELECT count(*) FROM service_point WHERE type = 'BRANCH'"))
                .isEqualTo(2);
        assertThat(queryLong("SELECT count(*) FROM service_point WHERE type = 'RECEPTION'"
                        + " AND coordinate_quality = 'district-centroid'"))
                .isEqualTo(30);
        assertThat(queryLong("SELECT count(*) FROM service_point WHERE type = 'WARD_POINT'"
                        + " AND coordinate_quality = 'ward-representative'"))
                .isEqualTo(126);
        assertThat(queryLong("SELECT count(*) FROM service_point WHERE coordinate_quality = 'surveyed'"))
                .isZero();
    }

    @Test
    void placedEveryPointInAWardAndEveryWardPointInItsOwnWard() throws SQLException {
        assertThat(queryLong("SELECT count(*) FROM service_point WHERE ward_code IS NULL"))
                .isZero();
        assertThat(queryLong(
                        "SELECT count(*) FROM service_point WHERE type = 'WARD_POINT'" + " AND id <> 'W' || ward_code"))
                .isZero();
        assertThat(queryLong("SELECT count(DISTINCT ward_code) FROM service_point WHERE type = 'WARD_POINT'"))
                .isEqualTo(126);
    }

    @Test
    void gaveEveryPointDefaultOpeningHours() throws SQLException {
        assertThat(queryLong("SELECT count(*) FROM service_point WHERE jsonb_array_length(opening_hours) < 10"))
                .isZero();
    }

    @Test
    void usesTheConfirmedAddressesOfThreeWardPoints() throws SQLException {
        assertThat(queryLong("SELECT count(*) FROM service_point WHERE id = 'W00235'"
                        + " AND address = '71 Tôn Đức Thắng, phường Đống Đa' AND note LIKE '%Hoàng Cầu%'"))
                .isEqualTo(1);
    }

    @Test
    void changesNothingWhenRunAgain() throws Exception {
        long before = queryLong("SELECT count(*) FROM service_point") + queryLong("SELECT count(*) FROM ward");
        try (Connection connection = connect()) {
            HanoiSeedLoader.Result again = new HanoiSeedLoader(json).load(connection);

            assertThat(again).isEqualTo(new HanoiSeedLoader.Result(0, 0));
        }
        long after = queryLong("SELECT count(*) FROM service_point") + queryLong("SELECT count(*) FROM ward");
        assertThat(after).isEqualTo(before).isEqualTo(159 + 126);
    }

    @Test
    void leavesAnEditedPointAsTheCenterLeftIt() throws Exception {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE service_point SET note = 'edited by ops' WHERE id = 'CN7'");
            new HanoiSeedLoader(json).load(connection);
            try (ResultSet row = statement.executeQuery("SELECT note FROM service_point WHERE id = 'CN7'")) {
                row.next();
                assertThat(row.getString(1)).isEqualTo("edited by ops");
            }
            statement.executeUpdate("UPDATE service_point SET note = NULL WHERE id = 'CN7'");
        }
    }

    private static long queryLong(String sql) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        PostgresAddress database = TestInfrastructure.shared().database();
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }
}

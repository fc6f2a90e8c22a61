package vn.hanoi.hcc.bff.point;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import vn.hanoi.hcc.bff.bench.BenchConfig;
import vn.hanoi.hcc.bff.bench.SyntheticNetwork;
import vn.hanoi.hcc.bff.geo.LatLon;

/**
 * One nearest-point query (the 5 nearest, with their distances) on the same points and origins,
 * in memory ({@link PointSnapshot}) and in PostGIS (KNN on a GiST-indexed geography column,
 * over JDBC on loopback), so that the ratio is measured in one run. {@code hanoi}: the active
 * points of the benchmark database; {@code national}: 10,000 synthetic points over Vietnam.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NearestPointBenchmark {

    private static final int ORIGINS = 4096;
    private static final int NEAREST = 5;
    private static final String KNN = "SELECT id, ST_Distance(geog, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography) "
            + "FROM %s ORDER BY geog <-> ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography LIMIT " + NEAREST;

    @Param({"hanoi", "national"})
    public String network;

    private PointSnapshot snapshot;
    private List<LatLon> origins;
    private Connection connection;
    private PreparedStatement knn;
    private int next;

    @Setup(Level.Trial)
    public void load() throws SQLException {
        connection = BenchConfig.database();
        List<ServicePoint> points = "hanoi".equals(network) ? hanoiPoints() : nationalPoints();
        snapshot = new PointSnapshot(1, points, Set.of(), List.of());
        origins = "hanoi".equals(network) ? hanoiOrigins() : SyntheticNetwork.origins(ORIGINS, 29);
        String table = "bench_point_" + network;
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            ddl.execute("DROP TABLE IF EXISTS " + table);
            ddl.execute("CREATE TABLE " + table + " (id text PRIMARY KEY, geog geography(Point, 4326) NOT NULL)");
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + table + " VALUES (?, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography)")) {
            for (ServicePoint point : points) {
                insert.setString(1, point.id());
                insert.setDouble(2, point.lon());
                insert.setDouble(3, point.lat());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE INDEX ON " + table + " USING gist (geog)");
            ddl.execute("ANALYZE " + table);
        }
        knn = connection.prepareStatement(KNN.formatted(table));
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        connection.close();
    }

    private LatLon nextOrigin() {
        next = (next + 1) % origins.size();
        return origins.get(next);
    }

    @Benchmark
    public void inMemory(Blackhole results) {
        results.consume(snapshot.nearest(nextOrigin(), NEAREST, point -> true));
    }

    @Benchmark
    public void postgis(Blackhole results) throws SQLException {
        LatLon origin = nextOrigin();
        knn.setDouble(1, origin.lon());
        knn.setDouble(2, origin.lat());
        knn.setDouble(3, origin.lon());
        knn.setDouble(4, origin.lat());
        try (ResultSet rows = knn.executeQuery()) {
            while (rows.next()) {
                results.consume(rows.getString(1));
                results.consume(rows.getDouble(2));
            }
        }
    }

    private List<ServicePoint> hanoiPoints() throws SQLException {
        List<ServicePoint> points = new ArrayList<>();
        try (Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("SELECT id, type, lat, lon FROM service_point WHERE active")) {
            while (rows.next()) {
                points.add(point(
                        rows.getString(1), PointType.valueOf(rows.getString(2)), rows.getDouble(3), rows.getDouble(4)));
            }
        }
        if (points.isEmpty()) {
            throw new IllegalStateException("No points in the benchmark database: run bench/nearest-bench.sh");
        }
        return points;
    }

    private static List<ServicePoint> nationalPoints() {
        List<LatLon> positions = SyntheticNetwork.points(10_000, 17);
        List<ServicePoint> points = new ArrayList<>(positions.size());
        for (int i = 0; i < positions.size(); i++) {
            points.add(point(
                    "N" + i,
                    PointType.WARD_POINT,
                    positions.get(i).lat(),
                    positions.get(i).lon()));
        }
        return points;
    }

    private static List<LatLon> hanoiOrigins() {
        Random random = new Random(23);
        List<LatLon> origins = new ArrayList<>(ORIGINS);
        for (int i = 0; i < ORIGINS; i++) {
            origins.add(new LatLon(20.56 + random.nextDouble() * 0.83, 105.29 + random.nextDouble() * 0.73));
        }
        return origins;
    }

    private static ServicePoint point(String id, PointType type, double lat, double lon) {
        return new ServicePoint(
                id,
                type,
                id,
                null,
                null,
                null,
                null,
                lat,
                lon,
                CoordinateQuality.SURVEYED,
                new OpeningHours(List.of()),
                null,
                true);
    }
}

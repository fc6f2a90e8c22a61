package vn.hanoi.hcc.bff.coverage;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.MultiPolygon;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.json.JsonMapper;
import vn.hanoi.hcc.bff.bench.BenchConfig;
import vn.hanoi.hcc.bff.geo.GeoJsonMultiPolygon;
import vn.hanoi.hcc.bff.point.CoordinateQuality;
import vn.hanoi.hcc.bff.point.OpeningHours;
import vn.hanoi.hcc.bff.point.PointSnapshot;
import vn.hanoi.hcc.bff.point.PointType;
import vn.hanoi.hcc.bff.point.ServicePoint;
import vn.hanoi.hcc.bff.routing.HeuristicTravelTimes;
import vn.hanoi.hcc.bff.routing.TravelMode;
import vn.hanoi.hcc.bff.routing.TravelProperties;
import vn.hanoi.hcc.bff.routing.TravelTimes;

/**
 * The full coverage computation of Hanoi (126 wards, the active points of the benchmark
 * database), with the configuration the application runs with: the report from sampled wards
 * (what a network change costs), and from scratch (sampling the ward polygons first, as at
 * startup); and the suggestions of 10 new sites over the whole city, by ward and by grid, each
 * computed afresh (never from the service's cache).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CoverageBenchmark {

    private record WardRow(String code, String name, long population, double areaKm2, MultiPolygon boundary) {}

    private CoverageProperties settings;
    private CoverageCalculator calculator;
    private CoverageSuggester suggester;
    private TravelProperties.Target target;
    private PointSnapshot network;
    private List<WardRow> rows;
    private List<Ward> wards;

    @Setup(Level.Trial)
    public void load() throws SQLException {
        settings = BenchConfig.bind("hcc.bff.coverage", CoverageProperties.class);
        HeuristicTravelTimes model =
                new HeuristicTravelTimes(BenchConfig.bind("hcc.bff.travel", TravelProperties.class));
        calculator = new CoverageCalculator(model, TravelTimes.of(model, null, new SimpleMeterRegistry()));
        suggester = new CoverageSuggester(model);
        target = model.target();
        JsonMapper json = JsonMapper.builder().build();
        rows = new ArrayList<>();
        List<ServicePoint> points = new ArrayList<>();
        try (Connection connection = BenchConfig.database();
                Statement query = connection.createStatement()) {
            try (ResultSet ward = query.executeQuery(
                    "SELECT code, full_name, population, area_km2::float8, boundary::text FROM ward ORDER BY code")) {
                while (ward.next()) {
                    rows.add(new WardRow(
                            ward.getString(1),
                            ward.getString(2),
                            ward.getLong(3),
                            ward.getDouble(4),
                            json.readValue(ward.getString(5), GeoJsonMultiPolygon.class)
                                    .toGeometry()));
                }
            }
            try (ResultSet point = query.executeQuery("SELECT id, type, lat, lon FROM service_point WHERE active")) {
                while (point.next()) {
                    points.add(new ServicePoint(
                            point.getString(1),
                            PointType.valueOf(point.getString(2)),
                            point.getString(1),
                            null,
                            null,
                            null,
                            null,
                            point.getDouble(3),
                            point.getDouble(4),
                            CoordinateQuality.SURVEYED,
                            new OpeningHours(List.of()),
                            null,
                            true));
                }
            }
        }
        network = new PointSnapshot(1, points, Set.of(), List.of());
        wards = sample();
    }

    private List<Ward> sample() {
        List<Ward> sampled = new ArrayList<>(rows.size());
        for (WardRow row : rows) {
            sampled.add(new Ward(
                    row.code(),
                    row.name(),
                    row.population(),
                    row.boundary(),
                    WardSampler.sample(row.boundary(), WardSampler.count(row.areaKm2(), settings))));
        }
        return sampled;
    }

    @Benchmark
    public CoverageReport report() {
        return calculator.compute(wards, network, TravelMode.MOTORBIKE, settings.referenceTime());
    }

    @Benchmark
    public CoverageReport fromScratch() {
        return calculator.compute(sample(), network, TravelMode.MOTORBIKE, settings.referenceTime());
    }

    @Benchmark
    public Suggestions suggestTenByWard() {
        return suggestTen(SuggestionQuery.Candidates.WARDS);
    }

    @Benchmark
    public Suggestions suggestTenByGrid() {
        return suggestTen(SuggestionQuery.Candidates.GRID);
    }

    private Suggestions suggestTen(SuggestionQuery.Candidates candidates) {
        SuggestionQuery query = new SuggestionQuery(TravelMode.MOTORBIKE, 10, target, candidates, List.of(), List.of());
        return suggester.suggest(
                wards,
                network,
                query,
                settings.referenceTime(),
                settings.suggestions().gridStepKm(),
                System.nanoTime() + settings.suggestions().deadline().toNanos());
    }
}

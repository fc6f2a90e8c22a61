package vn.hanoi.hcc.bff.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hanoi.hcc.bff.geo.Geodesy;
import vn.hanoi.hcc.bff.geo.LatLon;

/** The city-scale benchmark's grid: the size it says, the tags it says, and a graph GraphHopper imports. */
class SyntheticCityOsmTest {

    @TempDir
    Path directory;

    @Test
    void importsAsAGraphOfTheJunctionsItWrote() throws IOException {
        Path osm = directory.resolve("grid.osm");
        SyntheticCityOsm.Grid grid = SyntheticCityOsm.write(osm, 400, 90, 1);
        Path built = directory.resolve("graph");
        RoadGraph.build(osm, built);

        try (RoadGraph graph = RoadGraph.open(null, built, 200)) {
            assertThat(graph.nodes()).isEqualTo(grid.junctions()).isEqualTo(400);
            LatLon corner = grid.junction(0, 0);
            LatLon opposite = grid.junction(19, 19);
            RoadGraph.Route across = graph.route(TravelMode.MOTORBIKE, corner, opposite);
            double geodesic = Geodesy.distanceMeters(corner.lat(), corner.lon(), opposite.lat(), opposite.lon());
            assertThat(across).isNotNull();
            // along the grid's streets: about the two sides, never the diagonal
            assertThat(across.meters()).isBetween(1.3 * geodesic, 1.8 * geodesic);
        }
    }

    @Test
    void writesTheNodesAndTagsItSays() throws IOException {
        Path osm = directory.resolve("grid.osm");
        SyntheticCityOsm.Grid grid = SyntheticCityOsm.write(osm, 10_000, 90, 7);
        String xml = Files.readString(osm);

        assertThat(grid.side()).isEqualTo(100);
        assertThat(count(xml, "<node ")).isEqualTo(grid.osmNodes()).isEqualTo(10_000 + 2 * 100 * 99);
        assertThat(count(xml, "<way ")).isEqualTo(grid.ways());
        assertThat(count(xml, "k=\"oneway\"") / (double) grid.ways()).isBetween(0.12, 0.16);
        long residential = count(xml, "v=\"residential\"");
        long foot = count(xml, "v=\"footway\"") + count(xml, "v=\"pedestrian\"");
        assertThat(foot / (double) (residential + foot)).isBetween(0.06, 0.10);
        assertThat(count(xml, "v=\"primary\"") + count(xml, "v=\"secondary\"")).isEqualTo(2 * 20 * 17);
        assertThat(grid.sideKm()).isCloseTo(8.91, offset(0.01));
    }

    @Test
    void theSameSeedWritesTheSameFile() throws IOException {
        SyntheticCityOsm.write(directory.resolve("a.osm"), 900, 90, 3);
        SyntheticCityOsm.write(directory.resolve("b.osm"), 900, 90, 3);
        SyntheticCityOsm.write(directory.resolve("c.osm"), 900, 90, 4);

        assertThat(Files.mismatch(directory.resolve("a.osm"), directory.resolve("b.osm")))
                .isEqualTo(-1);
        assertThat(Files.mismatch(directory.resolve("a.osm"), directory.resolve("c.osm")))
                .isNotEqualTo(-1);
    }

    private static long count(String text, String what) {
        return Pattern.compile(Pattern.quote(what)).matcher(text).results().count();
    }
}

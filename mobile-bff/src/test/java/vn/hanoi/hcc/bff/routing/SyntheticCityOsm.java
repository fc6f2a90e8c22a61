package vn.hanoi.hcc.bff.routing;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vn.hanoi.hcc.bff.geo.Geodesy;
import vn.hanoi.hcc.bff.geo.LatLon;

/**
 * A synthetic city's roads as OpenStreetMap XML, the same for the same seed: a square grid of
 * streets centred on Hoàn Kiếm, junctions jittered a little, one shape node bending each block.
 * Every 5th street is secondary and every 10th primary (named, paved, speed-limited), the rest
 * residential; streets are cut into ways of 6 blocks, 15 % of them one-way (either direction), and
 * 8 % of the residential ones footways or pedestrian streets (closed to motorbikes and cars). A
 * test bed of a city's size for the road graph, not a map of anywhere.
 */
final class SyntheticCityOsm {

    static final LatLon CENTRE = new LatLon(21.0285, 105.8542);

    private static final double JITTER = 0.1;

    /** The grid written: side × side junctions this far apart, in this many ways. */
    record Grid(int side, double spacingMeters, int ways) {

        int junctions() {
            return side * side;
        }

        /** Junctions and shape nodes. */
        long osmNodes() {
            return junctions() + 2L * side * (side - 1);
        }

        double sideKm() {
            return (side - 1) * spacingMeters / 1000;
        }

        /** Where a junction would lie without the jitter. */
        LatLon junction(double row, double column) {
            double half = (side - 1) / 2.0;
            return new LatLon(
                    CENTRE.lat() + degreesNorth((row - half) * spacingMeters),
                    CENTRE.lon() + degreesEast((column - half) * spacingMeters));
        }

        /** Positions anywhere on the grid, uniformly. */
        List<LatLon> uniform(int count, Random random) {
            List<LatLon> positions = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                positions.add(junction(random.nextDouble() * (side - 1), random.nextDouble() * (side - 1)));
            }
            return positions;
        }
    }

    private SyntheticCityOsm() {}

    private static double degreesEast(double meters) {
        return meters / (Geodesy.MEAN_RADIUS * Math.cos(Math.toRadians(CENTRE.lat()))) * 180 / Math.PI;
    }

    private static double degreesNorth(double meters) {
        return meters / Geodesy.MEAN_RADIUS * 180 / Math.PI;
    }

    /** Writes a grid of about this many junctions (the nearest square) to the file. */
    static Grid write(Path file, int junctions, double spacingMeters, long seed) throws IOException {
        int side = Math.max(2, (int) Math.round(Math.sqrt(junctions)));
        Random random = new Random(seed);
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"synthetic grid\">\n");
            double[][] positions = junctions(out, side, spacingMeters, random);
            shapeNodes(out, side, spacingMeters, positions, random);
            int ways = new SyntheticStreets(out, side, random).write();
            out.write("</osm>\n");
            return new Grid(side, spacingMeters, ways);
        }
    }

    private static double[][] junctions(Writer out, int side, double spacing, Random random) throws IOException {
        double half = (side - 1) / 2.0;
        double[][] positions = new double[side * side][];
        for (int row = 0; row < side; row++) {
            for (int column = 0; column < side; column++) {
                double north = (row - half + (random.nextDouble() * 2 - 1) * JITTER) * spacing;
                double east = (column - half + (random.nextDouble() * 2 - 1) * JITTER) * spacing;
                int id = junctionId(side, row, column);
                positions[id - 1] = new double[] {CENTRE.lat() + degreesNorth(north), CENTRE.lon() + degreesEast(east)};
                node(out, id, positions[id - 1][0], positions[id - 1][1]);
            }
        }
        return positions;
    }

    /** One node midway along every block, pushed sideways a little: streets are not ruled lines. */
    private static void shapeNodes(Writer out, int side, double spacing, double[][] at, Random random)
            throws IOException {
        for (int row = 0; row < side; row++) {
            for (int column = 0; column < side; column++) {
                double[] from = at[junctionId(side, row, column) - 1];
                if (column + 1 < side) {
                    double[] to = at[junctionId(side, row, column + 1) - 1];
                    double aside = degreesNorth((random.nextDouble() * 2 - 1) * JITTER * spacing);
                    node(out, eastShapeId(side, row, column), (from[0] + to[0]) / 2 + aside, (from[1] + to[1]) / 2);
                }
                if (row + 1 < side) {
                    double[] to = at[junctionId(side, row + 1, column) - 1];
                    double aside = degreesEast((random.nextDouble() * 2 - 1) * JITTER * spacing);
                    node(out, northShapeId(side, row, column), (from[0] + to[0]) / 2, (from[1] + to[1]) / 2 + aside);
                }
            }
        }
    }

    private static void node(Writer out, long id, double lat, double lon) throws IOException {
        out.append(" <node id=\"")
                .append(Long.toString(id))
                .append("\" version=\"1\" lat=\"")
                .append(Double.toString(Math.round(lat * 1e7) / 1e7))
                .append("\" lon=\"")
                .append(Double.toString(Math.round(lon * 1e7) / 1e7))
                .append("\"/>\n");
    }

    static int junctionId(int side, int row, int column) {
        return row * side + column + 1;
    }

    /** The shape node between (row, column) and (row, column + 1). */
    static long eastShapeId(int side, int row, int column) {
        return (long) side * side + (long) row * (side - 1) + column + 1;
    }

    /** The shape node between (row, column) and (row + 1, column). */
    static long northShapeId(int side, int row, int column) {
        return (long) side * side + (long) side * (side - 1) + (long) row * side + column + 1;
    }
}

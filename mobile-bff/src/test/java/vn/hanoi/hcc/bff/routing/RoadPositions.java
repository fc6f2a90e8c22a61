package vn.hanoi.hcc.bff.routing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.hanoi.hcc.bff.geo.Geodesy;
import vn.hanoi.hcc.bff.geo.LatLon;

/**
 * Positions on an OpenStreetMap extract's roads, drawn at random along its highway ways (each
 * segment weighted by its length, so a long street gets as many as its length earns), and uniform
 * positions within the extract's bounds.
 */
final class RoadPositions {

    /** Highways a motorbike or a car may use. */
    static final Set<String> DRIVABLE = Set.of(
            "motorway",
            "trunk",
            "primary",
            "secondary",
            "tertiary",
            "unclassified",
            "residential",
            "living_street",
            "service",
            "motorway_link",
            "trunk_link",
            "primary_link",
            "secondary_link",
            "tertiary_link");

    /** Every highway a person may use: the drivable ones and the footways. */
    static final Set<String> ANY = Stream.concat(DRIVABLE.stream(), Stream.of("footway", "pedestrian", "path", "steps"))
            .collect(Collectors.toUnmodifiableSet());

    /** Points of the synthetic network the nearest query is asked about on the extract. */
    static final int NETWORK_POINTS = 60;

    /** lat1, lon1, lat2, lon2 of every segment of the chosen ways. */
    private final List<double[]> segments;

    private final double[] cumulativeMeters;
    private final double[] bounds;

    private RoadPositions(List<double[]> segments, double[] bounds) {
        this.segments = segments;
        this.bounds = bounds;
        cumulativeMeters = new double[segments.size()];
        double total = 0;
        for (int i = 0; i < segments.size(); i++) {
            double[] s = segments.get(i);
            total += Geodesy.distanceMeters(s[0], s[1], s[2], s[3]);
            cumulativeMeters[i] = total;
        }
    }

    /** The segments of the ways whose {@code highway} tag is one of these, from an OSM XML file. */
    static RoadPositions read(Path osm, Set<String> highways) throws IOException {
        Map<Long, double[]> nodes = new HashMap<>();
        List<double[]> segments = new ArrayList<>();
        double[] bounds = null;
        try (InputStream in = Files.newInputStream(osm)) {
            XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in);
            List<Long> way = new ArrayList<>();
            String highway = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamReader.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "bounds" ->
                            bounds = new double[] {
                                number(xml, "minlat"),
                                number(xml, "minlon"),
                                number(xml, "maxlat"),
                                number(xml, "maxlon")
                            };
                        case "node" ->
                            nodes.put(
                                    Long.parseLong(xml.getAttributeValue(null, "id")),
                                    new double[] {number(xml, "lat"), number(xml, "lon")});
                        case "way" -> {
                            way.clear();
                            highway = null;
                        }
                        case "nd" -> way.add(Long.parseLong(xml.getAttributeValue(null, "ref")));
                        case "tag" -> {
                            if ("highway".equals(xml.getAttributeValue(null, "k"))) {
                                highway = xml.getAttributeValue(null, "v");
                            }
                        }
                        default -> {}
                    }
                } else if (event == XMLStreamReader.END_ELEMENT
                        && "way".equals(xml.getLocalName())
                        && highway != null
                        && highways.contains(highway)) {
                    addSegments(way, nodes, segments);
                }
            }
        } catch (XMLStreamException unreadable) {
            throw new IOException("Cannot read " + osm, unreadable);
        }
        if (segments.isEmpty()) {
            throw new IllegalStateException("No " + highways + " ways in " + osm);
        }
        return new RoadPositions(segments, bounds != null ? bounds : extent(segments));
    }

    private static double number(XMLStreamReader xml, String attribute) {
        return Double.parseDouble(xml.getAttributeValue(null, attribute));
    }

    private static void addSegments(List<Long> way, Map<Long, double[]> nodes, List<double[]> segments) {
        for (int i = 1; i < way.size(); i++) {
            double[] from = nodes.get(way.get(i - 1));
            double[] to = nodes.get(way.get(i));
            if (from != null && to != null) {
                segments.add(new double[] {from[0], from[1], to[0], to[1]});
            }
        }
    }

    private static double[] extent(List<double[]> segments) {
        double[] extent = {90, 180, -90, -180};
        for (double[] s : segments) {
            extent[0] = Math.min(extent[0], Math.min(s[0], s[2]));
            extent[1] = Math.min(extent[1], Math.min(s[1], s[3]));
            extent[2] = Math.max(extent[2], Math.max(s[0], s[2]));
            extent[3] = Math.max(extent[3], Math.max(s[1], s[3]));
        }
        return extent;
    }

    /** Synthetic service points on the extract's drivable roads, and origins of trips to them. */
    record Network(List<LatLon> points, List<LatLon> origins) {}

    /** 60 points and this many origins on the extract's drivable roads, drawn from this seed. */
    static Network network(Path osm, int origins, long seed) throws IOException {
        RoadPositions drivable = read(osm, DRIVABLE);
        Random random = new Random(seed);
        return new Network(drivable.onRoads(NETWORK_POINTS, random), drivable.onRoads(origins, random));
    }

    /** A position on one of the roads: a segment by its length, a point along it. */
    LatLon onRoad(Random random) {
        double at = random.nextDouble() * cumulativeMeters[cumulativeMeters.length - 1];
        int found = Arrays.binarySearch(cumulativeMeters, at);
        double[] s = segments.get(found >= 0 ? found : Math.min(-found - 1, segments.size() - 1));
        double along = random.nextDouble();
        return new LatLon(s[0] + (s[2] - s[0]) * along, s[1] + (s[3] - s[1]) * along);
    }

    List<LatLon> onRoads(int count, Random random) {
        List<LatLon> positions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            positions.add(onRoad(random));
        }
        return positions;
    }

    /** Positions anywhere within the extract's bounds, as a ward's samples are drawn: roads or not. */
    List<LatLon> uniform(int count, Random random) {
        List<LatLon> positions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            positions.add(new LatLon(
                    bounds[0] + random.nextDouble() * (bounds[2] - bounds[0]),
                    bounds[1] + random.nextDouble() * (bounds[3] - bounds[1])));
        }
        return positions;
    }

    /** The extract's size, "1.3 km × 0.8 km". */
    String size() {
        double middle = (bounds[0] + bounds[2]) / 2;
        return "%.1f km × %.1f km"
                .formatted(
                        Geodesy.distanceMeters(middle, bounds[1], middle, bounds[3]) / 1000,
                        Geodesy.distanceMeters(bounds[0], bounds[1], bounds[2], bounds[1]) / 1000);
    }
}

package vn.hanoi.hcc.bff.routing;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The ways of {@link SyntheticCityOsm}'s grid: each street, east–west and north–south, cut into
 * ways of 6 blocks through its junctions and shape nodes, tagged by the street's class.
 */
final class SyntheticStreets {

    private static final int BLOCKS_PER_WAY = 6;
    private static final double ONE_WAY = 0.15;
    private static final double FOOTWAY = 0.05;
    private static final double PEDESTRIAN = 0.03;

    private final Writer out;
    private final int side;
    private final Random random;
    private int ways;

    SyntheticStreets(Writer out, int side, Random random) {
        this.out = out;
        this.side = side;
        this.random = random;
    }

    /** Writes every way; returns how many. */
    int write() throws IOException {
        for (int index = 0; index < side; index++) {
            street(index, true);
            street(index, false);
        }
        return ways;
    }

    private void street(int index, boolean eastWest) throws IOException {
        for (int from = 0; from < side - 1; from += BLOCKS_PER_WAY) {
            int to = Math.min(side - 1, from + BLOCKS_PER_WAY);
            List<Long> nodes = new ArrayList<>();
            for (int block = from; block < to; block++) {
                nodes.add((long)
                        (eastWest
                                ? SyntheticCityOsm.junctionId(side, index, block)
                                : SyntheticCityOsm.junctionId(side, block, index)));
                nodes.add(
                        eastWest
                                ? SyntheticCityOsm.eastShapeId(side, index, block)
                                : SyntheticCityOsm.northShapeId(side, block, index));
            }
            nodes.add((long)
                    (eastWest
                            ? SyntheticCityOsm.junctionId(side, index, to)
                            : SyntheticCityOsm.junctionId(side, to, index)));
            way(nodes, tags(index, eastWest, nodes));
        }
    }

    /** The street's class and name; a residential way may be a footway; a road one-way (nodes reversed for the other way). */
    private Map<String, String> tags(int index, boolean eastWest, List<Long> nodes) {
        Map<String, String> tags = new LinkedHashMap<>();
        String name = (eastWest ? "Phố " : "Đường ") + (index + 1);
        if (index % 5 == 0) {
            boolean primary = index % 10 == 0;
            tags.put("highway", primary ? "primary" : "secondary");
            tags.put("maxspeed", primary ? "60" : "50");
            tags.put("lanes", primary ? "4" : "2");
            tags.put("surface", "asphalt");
        } else {
            double kind = random.nextDouble();
            tags.put(
                    "highway", kind < FOOTWAY ? "footway" : kind < FOOTWAY + PEDESTRIAN ? "pedestrian" : "residential");
            name = "Ngõ " + (index + 1);
        }
        tags.put("name", name);
        boolean road =
                !tags.get("highway").equals("footway") && !tags.get("highway").equals("pedestrian");
        if (road && random.nextDouble() < ONE_WAY) {
            tags.put("oneway", "yes");
            if (random.nextBoolean()) {
                Collections.reverse(nodes);
            }
        }
        return tags;
    }

    private void way(List<Long> nodes, Map<String, String> tags) throws IOException {
        ways++;
        out.append(" <way id=\"").append(Integer.toString(ways)).append("\" version=\"1\">\n");
        for (long node : nodes) {
            out.append("  <nd ref=\"").append(Long.toString(node)).append("\"/>\n");
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            out.append("  <tag k=\"")
                    .append(tag.getKey())
                    .append("\" v=\"")
                    .append(tag.getValue())
                    .append("\"/>\n");
        }
        out.append(" </way>\n");
    }
}

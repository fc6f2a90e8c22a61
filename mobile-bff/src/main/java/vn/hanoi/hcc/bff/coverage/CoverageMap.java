package vn.hanoi.hcc.bff.coverage;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import vn.hanoi.hcc.bff.i18n.Language;
import vn.hanoi.hcc.bff.point.PointType;
import vn.hanoi.hcc.bff.point.ServicePoint;

/**
 * Draws a coverage report as SVG: every ward shaded by the mean travel time of its people to the
 * nearest point, the points drawn by type, a legend, and the city-wide figure. Longitude is
 * scaled by the cosine of the mid latitude, so the map keeps Hanoi's proportions.
 */
final class CoverageMap {

    static final int WIDTH = 1000;
    static final int HEIGHT = 900;
    private static final int MAP_SIZE = 820;
    private static final int MARGIN = 20;
    private static final int TOP = 70;
    /** Upper bounds of the shading classes in minutes, and their colours (ColorBrewer YlOrRd). */
    private static final double[] BOUNDS = {10, 15, 20, 25, 30, 45, Double.POSITIVE_INFINITY};

    private static final String[] COLOURS = {"#ffffcc", "#ffeda0", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026"
    };

    private final Envelope extent = new Envelope();
    private final double scale;
    private final double lonFactor;
    private final boolean english;

    private CoverageMap(Map<String, Ward> wards, Locale locale) {
        wards.values().forEach(ward -> extent.expandToInclude(ward.boundary().getEnvelopeInternal()));
        lonFactor = Math.cos(Math.toRadians(extent.centre().y));
        scale = Math.min(MAP_SIZE / (extent.getWidth() * lonFactor), (HEIGHT - TOP - MARGIN) / extent.getHeight());
        english = Language.of(locale).isEnglish();
    }

    /** The map, with these suggested sites numbered in build order (none: the map alone). */
    static String render(
            CoverageReport report,
            Map<String, Ward> wards,
            List<ServicePoint> points,
            List<Suggestions.Site> sites,
            Locale locale) {
        return new CoverageMap(wards, locale).draw(report, wards, points, sites);
    }

    private String draw(
            CoverageReport report, Map<String, Ward> wards, List<ServicePoint> points, List<Suggestions.Site> sites) {
        StringBuilder svg = new StringBuilder(600_000);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" font-family=\"Arial, sans-serif\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#f4f6f8\"/>\n");
        title(svg, report);
        svg.append("<g class=\"wards\" stroke=\"#ffffff\" stroke-width=\"0.6\">\n");
        for (WardCoverage coverage : report.wards()) {
            Ward ward = wards.get(coverage.code());
            if (ward != null) {
                ward(svg, ward, coverage);
            }
        }
        svg.append("</g>\n<g class=\"points\">\n");
        points.stream().sorted((a, b) -> b.type().compareTo(a.type())).forEach(point -> point(svg, point));
        svg.append("</g>\n");
        legend(svg);
        if (!sites.isEmpty()) {
            suggested(svg, sites);
        }
        if (report.attribution() != null) {
            // the road data's licence asks for its credit wherever answers derived from it are shown
            svg.append("<text class=\"attribution\" x=\"")
                    .append(MARGIN)
                    .append("\" y=\"")
                    .append(HEIGHT - 8)
                    .append("\" font-size=\"11\" fill=\"#555555\">")
                    .append(escape(report.attribution()))
                    .append("</text>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    private void title(StringBuilder svg, CoverageReport report) {
        String heading = english
                ? "Travel time to the nearest HCC service point"
                : "Thời gian đến điểm Phục vụ hành chính công gần nhất";
        String mode = switch (report.mode()) {
            case WALK -> english ? "on foot" : "đi bộ";
            case MOTORBIKE -> english ? "by motorbike" : "xe máy";
            case CAR -> english ? "by car" : "ô tô";
        };
        String share = String.format(Locale.ROOT, "%.1f", report.coveredShare() * 100);
        String people = String.format(Locale.ROOT, "%,d", report.population());
        String distance = number(report.target().maxDistanceKm());
        String minutes = number(report.target().maxTravelMinutes());
        String figure = english
                ? share + " % of " + people + " people within " + distance + " km or " + minutes + " min (" + mode
                        + ", leaving at " + report.referenceTime() + ")"
                : share.replace('.', ',') + " % dân số (" + people.replace(',', '.') + " người) trong vòng " + distance
                        + " km hoặc " + minutes + " phút (" + mode + ", lúc " + report.referenceTime() + ")";
        svg.append("<text class=\"title\" x=\"")
                .append(MARGIN)
                .append("\" y=\"32\" font-size=\"22\" font-weight=\"bold\">")
                .append(escape(heading))
                .append("</text>\n")
                .append("<text class=\"figure\" x=\"")
                .append(MARGIN)
                .append("\" y=\"56\" font-size=\"15\">")
                .append(escape(figure))
                .append("</text>\n");
    }

    private void ward(StringBuilder svg, Ward ward, WardCoverage coverage) {
        Double minutes = coverage.meanTravelMinutes();
        String tooltip = String.format(
                Locale.ROOT,
                english
                        ? "%s: %.0f %% within target, %s min on average"
                        : "%s: %.0f %% trong chuẩn, trung bình %s phút",
                ward.name(),
                coverage.coveredShare() * 100,
                minutes == null ? "-" : number(minutes));
        svg.append("<path class=\"ward\" data-ward=\"")
                .append(ward.code())
                .append("\" fill=\"")
                .append(minutes == null ? COLOURS[COLOURS.length - 1] : colour(minutes))
                .append("\" d=\"");
        Geometry boundary = ward.boundary();
        for (int i = 0; i < boundary.getNumGeometries(); i++) {
            Polygon polygon = (Polygon) boundary.getGeometryN(i);
            ring(svg, polygon.getExteriorRing());
            for (int hole = 0; hole < polygon.getNumInteriorRing(); hole++) {
                ring(svg, polygon.getInteriorRingN(hole));
            }
        }
        svg.append("\" fill-rule=\"evenodd\"><title>").append(escape(tooltip)).append("</title></path>\n");
    }

    private void ring(StringBuilder svg, LineString ring) {
        Coordinate[] coordinates = ring.getCoordinates();
        for (int i = 0; i < coordinates.length - 1; i++) {
            svg.append(i == 0 ? 'M' : 'L')
                    .append(x(coordinates[i].x))
                    .append(',')
                    .append(y(coordinates[i].y));
        }
        svg.append('Z');
    }

    private void point(StringBuilder svg, ServicePoint point) {
        svg.append("<g class=\"point ")
                .append(point.type().name().toLowerCase(Locale.ROOT))
                .append("\"><title>")
                .append(escape(point.name()))
                .append("</title>");
        marker(svg, point.type(), Double.parseDouble(x(point.lon())), Double.parseDouble(y(point.lat())));
        svg.append("</g>\n");
    }

    private static void marker(StringBuilder svg, PointType type, double cx, double cy) {
        String at = String.format(Locale.ROOT, "%.1f,%.1f", cx, cy);
        switch (type) {
            case HQ ->
                svg.append("<path transform=\"translate(")
                        .append(at)
                        .append(
                                ")\" d=\"M0,-10L2.9,-4L9.5,-3.1L4.8,1.5L5.9,8.1L0,5L-5.9,8.1L-4.8,1.5L-9.5,-3.1L-2.9,-4Z\""
                                        + " fill=\"#111111\" stroke=\"#ffffff\" stroke-width=\"1\"/>");
            case BRANCH ->
                svg.append("<rect transform=\"translate(")
                        .append(at)
                        .append(
                                ")\" x=\"-5\" y=\"-5\" width=\"10\" height=\"10\" fill=\"#2166ac\" stroke=\"#ffffff\"/>");
            case RECEPTION ->
                svg.append("<path transform=\"translate(")
                        .append(at)
                        .append(
                                ")\" d=\"M0,-6L5.5,4L-5.5,4Z\" fill=\"#762a83\" stroke=\"#ffffff\" stroke-width=\"0.8\"/>");
            case WARD_POINT ->
                svg.append("<circle transform=\"translate(")
                        .append(at)
                        .append(")\" r=\"2.6\" fill=\"#253494\" stroke=\"#ffffff\" stroke-width=\"0.6\"/>");
            case COMMUNITY ->
                svg.append("<path transform=\"translate(")
                        .append(at)
                        .append(
                                ")\" d=\"M0,-5L5,0L0,5L-5,0Z\" fill=\"#1b7837\" stroke=\"#ffffff\" stroke-width=\"0.8\"/>");
        }
    }

    private void legend(StringBuilder svg) {
        int left = MARGIN + MAP_SIZE + 10;
        int y = TOP + 10;
        svg.append("<g class=\"legend\" font-size=\"13\">\n<text x=\"")
                .append(left)
                .append("\" y=\"")
                .append(y)
                .append("\" font-weight=\"bold\">")
                .append(english ? "Mean travel time" : "Thời gian trung bình")
                .append("</text>\n");
        double lower = 0;
        for (int i = 0; i < BOUNDS.length; i++) {
            y += 24;
            String unit = english ? " min" : " phút";
            String label = Double.isInfinite(BOUNDS[i])
                    ? "≥ " + number(lower) + unit
                    : number(lower) + "–" + number(BOUNDS[i]) + unit;
            svg.append("<rect x=\"")
                    .append(left)
                    .append("\" y=\"")
                    .append(y - 13)
                    .append("\" width=\"22\" height=\"16\" fill=\"")
                    .append(COLOURS[i])
                    .append("\" stroke=\"#999999\" stroke-width=\"0.5\"/><text x=\"")
                    .append(left + 30)
                    .append("\" y=\"")
                    .append(y)
                    .append("\">")
                    .append(escape(label))
                    .append("</text>\n");
            lower = BOUNDS[i];
        }
        y += 40;
        svg.append("<text x=\"")
                .append(left)
                .append("\" y=\"")
                .append(y)
                .append("\" font-weight=\"bold\">")
                .append(english ? "Service points" : "Điểm phục vụ")
                .append("</text>\n");
        String[][] kinds = {
            {"HQ", english ? "Headquarters" : "Trụ sở"},
            {"BRANCH", english ? "Branch" : "Chi nhánh"},
            {"RECEPTION", english ? "Reception point" : "Điểm tiếp nhận"},
            {"WARD_POINT", english ? "Ward point" : "Điểm cấp xã"},
            {"COMMUNITY", english ? "Community point" : "Điểm cộng đồng"}
        };
        for (String[] kind : kinds) {
            y += 24;
            marker(svg, PointType.valueOf(kind[0]), left + 11, y - 5);
            svg.append("<text x=\"")
                    .append(left + 30)
                    .append("\" y=\"")
                    .append(y)
                    .append("\">")
                    .append(escape(kind[1]))
                    .append("</text>\n");
        }
        svg.append("</g>\n");
    }

    /** Numbered white discs ringed in magenta, and their legend line below the others. */
    private void suggested(StringBuilder svg, List<Suggestions.Site> sites) {
        svg.append("<g class=\"suggested\" font-size=\"11\" font-weight=\"bold\" text-anchor=\"middle\">\n");
        for (Suggestions.Site site : sites) {
            String people = String.format(Locale.ROOT, "%,d", site.newlyCoveredPopulation());
            svg.append("<g><title>")
                    .append(escape(
                            english
                                    ? "Suggested site " + site.rank() + ": " + people + " more people within target"
                                    : "Vị trí đề xuất " + site.rank() + ": thêm " + people + " người trong chuẩn"))
                    .append("</title>");
            numbered(svg, Double.parseDouble(x(site.lon())), Double.parseDouble(y(site.lat())), site.rank());
            svg.append("</g>\n");
        }
        int left = MARGIN + MAP_SIZE + 10;
        int y = TOP + 450;
        numbered(svg, left + 11, y - 5, 1);
        svg.append("<text x=\"")
                .append(left + 30)
                .append("\" y=\"")
                .append(y)
                .append("\" font-size=\"13\" font-weight=\"normal\" text-anchor=\"start\">")
                .append(english ? "Suggested site, build order" : "Vị trí đề xuất, thứ tự xây")
                .append("</text>\n</g>\n");
    }

    private static void numbered(StringBuilder svg, double cx, double cy, int number) {
        String at = String.format(Locale.ROOT, "%.1f,%.1f", cx, cy);
        svg.append("<circle transform=\"translate(")
                .append(at)
                .append(
                        ")\" r=\"8\" fill=\"#ffffff\" stroke=\"#c51b7d\" stroke-width=\"2.5\"/><text transform=\"translate(")
                .append(at)
                .append(")\" y=\"4\" fill=\"#c51b7d\">")
                .append(number)
                .append("</text>");
    }

    private String x(double lon) {
        return String.format(Locale.ROOT, "%.1f", MARGIN + (lon - extent.getMinX()) * lonFactor * scale);
    }

    private String y(double lat) {
        return String.format(Locale.ROOT, "%.1f", TOP + (extent.getMaxY() - lat) * scale);
    }

    private static String colour(double minutes) {
        for (int i = 0; i < BOUNDS.length; i++) {
            if (minutes < BOUNDS[i]) {
                return COLOURS[i];
            }
        }
        return COLOURS[COLOURS.length - 1];
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}

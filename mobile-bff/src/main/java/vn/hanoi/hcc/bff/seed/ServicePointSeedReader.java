package vn.hanoi.hcc.bff.seed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.json.JsonMapper;

/** Builds the service points from the seed CSV files. */
final class ServicePointSeedReader {

    private static final String WARD_POINT_PREFIX = "Điểm Phục vụ hành chính công ";
    private static final String RECEPTION_PREFIX = "Điểm tiếp nhận hồ sơ ";
    private static final String RECEPTION_NOTE = "Địa chỉ chưa được công bố; vị trí là tâm của quận, huyện cũ."
            + " / Address not yet published; the location is the former district's centroid.";
    private static final String WARD_SOURCE = "sapnhap.bando.com.vn (ward HQ address)";
    private static final String RECEPTION_SOURCE = "gis.chinhphu.vn via daohoangson/dvhcvn (former district centroid)";

    private final JsonMapper json;
    private final WardLocator wards;

    ServicePointSeedReader(JsonMapper json, List<SeedWard> wards) {
        this.json = json;
        this.wards = new WardLocator(wards);
    }

    List<SeedPoint> read() throws IOException {
        Map<String, String> hours = defaultHours();
        Map<String, CSVRecord> confirmed = SeedFiles.readCsv(SeedFiles.CONFIRMED_ADDRESSES, row -> row).stream()
                .collect(Collectors.toMap(row -> row.get("ward_code"), row -> row));
        List<SeedPoint> points = new ArrayList<>();
        points.addAll(SeedFiles.readCsv(SeedFiles.OFFICES, row -> office(row, hours)));
        points.addAll(SeedFiles.readCsv(SeedFiles.RECEPTION_POINTS, row -> reception(row, hours)));
        points.addAll(SeedFiles.readCsv(SeedFiles.WARD_POINTS, row -> wardPoint(row, confirmed, hours)));
        return points;
    }

    private SeedPoint office(CSVRecord row, Map<String, String> hours) {
        double lat = Double.parseDouble(row.get("lat"));
        double lon = Double.parseDouble(row.get("lon"));
        SeedWard ward = wardAt(row.get("id"), lat, lon);
        return new SeedPoint(
                row.get("id"),
                row.get("type"),
                row.get("name"),
                row.get("address"),
                ward.code(),
                ward.branchGroup(),
                lat,
                lon,
                row.get("coord_quality"),
                hours.get(row.get("type")),
                blankToNull(row.get("note")),
                row.get("source"));
    }

    private SeedPoint reception(CSVRecord row, Map<String, String> hours) {
        double lat = Double.parseDouble(row.get("lat"));
        double lon = Double.parseDouble(row.get("lon"));
        SeedWard ward = wardAt(row.get("id"), lat, lon);
        return new SeedPoint(
                row.get("id"),
                "RECEPTION",
                RECEPTION_PREFIX + row.get("old_district") + " (cũ)",
                null,
                ward.code(),
                row.get("branch_group"),
                lat,
                lon,
                "district-centroid",
                hours.get("RECEPTION"),
                RECEPTION_NOTE,
                RECEPTION_SOURCE);
    }

    private SeedPoint wardPoint(CSVRecord row, Map<String, CSVRecord> confirmed, Map<String, String> hours) {
        String wardCode = row.get("ward_code");
        Optional<CSVRecord> override = Optional.ofNullable(confirmed.get(wardCode));
        return new SeedPoint(
                row.get("id"),
                "WARD_POINT",
                WARD_POINT_PREFIX + lowerFirst(row.get("name")),
                override.map(o -> o.get("address")).orElse(row.get("hq_address")),
                wardCode,
                row.get("branch_group"),
                Double.parseDouble(row.get("lat")),
                Double.parseDouble(row.get("lon")),
                "ward-representative",
                hours.get("WARD_POINT"),
                override.map(o -> blankToNull(o.get("note"))).orElse(null),
                override.map(o -> o.get("source")).orElse(WARD_SOURCE));
    }

    private SeedWard wardAt(String pointId, double lat, double lon) {
        return wards.locate(lat, lon)
                .orElseThrow(
                        () -> new IllegalStateException("Point " + pointId + " lies in no ward: " + lat + "," + lon));
    }

    /** The default opening hours of each point type, as the JSON stored in opening_hours. */
    private Map<String, String> defaultHours() throws IOException {
        record Row(String type, Map<String, String> interval) {}
        List<Row> rows = SeedFiles.readCsv(
                SeedFiles.DEFAULT_HOURS,
                row -> new Row(
                        row.get("type"),
                        Map.of("day", row.get("day"), "opens", row.get("opens"), "closes", row.get("closes"))));
        return rows.stream()
                .collect(Collectors.groupingBy(
                        Row::type,
                        Collectors.collectingAndThen(
                                Collectors.mapping(Row::interval, Collectors.toList()), json::writeValueAsString)));
    }

    private static String lowerFirst(String wardFullName) {
        return Character.toLowerCase(wardFullName.charAt(0)) + wardFullName.substring(1);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}

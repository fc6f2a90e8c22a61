package vn.hanoi.hcc.bff.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.zip.CRC32;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The seed files on the classpath, under {@code seed/hanoi/}. */
final class SeedFiles {

    static final String WARDS = "hanoi_wards_2025.geojson";
    static final String WARD_POINTS = "hanoi_service_points_ward_level_126.csv";
    static final String RECEPTION_POINTS = "hanoi_branch_points_30_proxy.csv";
    static final String OFFICES = "hcc_offices.csv";
    static final String CONFIRMED_ADDRESSES = "ward_point_confirmed_addresses.csv";
    static final String DEFAULT_HOURS = "default_opening_hours.csv";
    private static final List<String> ALL =
            List.of(WARDS, WARD_POINTS, RECEPTION_POINTS, OFFICES, CONFIRMED_ADDRESSES, DEFAULT_HOURS);

    private static final String FOLDER = "seed/hanoi/";
    private static final CSVFormat CSV =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private SeedFiles() {}

    static InputStream open(String name) throws IOException {
        InputStream stream = SeedFiles.class.getClassLoader().getResourceAsStream(FOLDER + name);
        if (stream == null) {
            throw new IOException("Seed file missing from the classpath: " + FOLDER + name);
        }
        return stream;
    }

    /** Every record of a CSV file, mapped; a malformed file fails the whole load. */
    static <T> List<T> readCsv(String name, Function<CSVRecord, T> mapper) throws IOException {
        try (Reader reader = new InputStreamReader(open(name), StandardCharsets.UTF_8);
                CSVParser parser = CSV.parse(reader)) {
            return parser.getRecords().stream().map(mapper).toList();
        }
    }

    /** A checksum over every seed file, so that Flyway notices if one is edited after loading. */
    static int checksum() throws IOException {
        CRC32 crc = new CRC32();
        for (String name : ALL) {
            try (InputStream stream = open(name)) {
                crc.update(stream.readAllBytes());
            }
        }
        return (int) crc.getValue();
    }
}

package vn.hanoi.hcc.bff.seed;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.JavaMigration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed for tools outside the application (benchmarks, backtests): the V2 migration of Hanoi's
 * wards and points, which Flyway needs beside the SQL migrations, and the demo procedures' file.
 */
public final class BenchSeed {

    private BenchSeed() {}

    /** Flyway's V2, as Spring Boot hands it over in the application. */
    public static JavaMigration hanoiMigration() {
        return new HanoiSeedMigration(JsonMapper.builder().build());
    }

    /** Every row of {@code seed/hanoi/demo_procedures.csv}, mapped. */
    public static <T> List<T> demoProcedures(Function<CSVRecord, T> mapper) throws IOException {
        return SeedFiles.readCsv("demo_procedures.csv", mapper);
    }
}

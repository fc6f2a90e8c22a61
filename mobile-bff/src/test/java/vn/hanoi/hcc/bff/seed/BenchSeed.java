package vn.hanoi.hcc.bff.seed;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.JavaMigration;
import tools.jackson.databind.json.JsonMapper;
import vn.hanoi.hcc.bff.privacy.PersonalDataHasher;

/**
 * The seed for tools outside the application (benchmarks, backtests): the V2 migration of Hanoi's
 * wards and points, which Flyway needs beside the SQL migrations, the demo procedures' file, and
 * the local run's demo dossiers.
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

    /** The local run's demo dossiers ({@code DemoDossiers}, about 300 over the last six weeks), as it seeds them. */
    public static void demoDossiers(Connection connection, PersonalDataHasher hasher) throws SQLException {
        new DemoDossiers(hasher).insert(connection);
    }
}

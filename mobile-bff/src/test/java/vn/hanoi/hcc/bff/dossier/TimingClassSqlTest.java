package vn.hanoi.hcc.bff.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.hanoi.hcc.bff.BffIntegrationTest;

/** The Center's counts derive the timing class in SQL: it must agree with {@link TimingClass#of}. */
class TimingClassSqlTest extends BffIntegrationTest {

    @Autowired
    DatabaseClient db;

    @Test
    void derivesTheSameTimingClassInSqlAsInJava() {
        Random random = new Random(42);
        Instant now = db.sql("SELECT now() AS now")
                .map(row -> row.get("now", Instant.class))
                .one()
                .block();
        StringJoiner rows = new StringJoiner(", ");
        List<TimingClass> expected = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            int status = 1 + random.nextInt(10);
            Instant due = now.plus(Duration.ofMinutes(random.nextInt(20_000) - 10_000));
            Instant finished =
                    random.nextBoolean() ? due.plus(Duration.ofMinutes(random.nextInt(4_000) - 3_000)) : null;
            rows.add("(" + i + ", " + status + ", timestamptz '" + due + "', "
                    + (finished == null ? "NULL::timestamptz" : "timestamptz '" + finished + "'") + ")");
            expected.add(TimingClass.of(DossierStatus.of(status), due, finished, now));
        }

        List<TimingClass> derived = db.sql("SELECT " + DossierMonitoringRepository.TIMING_CLASS_SQL + " AS timing_class"
                        + " FROM (VALUES " + rows + ") AS d(i, status, due_at, finished_at) ORDER BY d.i")
                .map(row -> TimingClass.valueOf(row.get("timing_class", String.class)))
                .all()
                .collectList()
                .block();

        assertThat(derived).isEqualTo(expected);
    }
}

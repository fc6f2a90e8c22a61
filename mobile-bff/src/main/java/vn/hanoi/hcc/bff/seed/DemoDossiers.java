package vn.hanoi.hcc.bff.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVRecord;
import vn.hanoi.hcc.bff.privacy.PersonalDataHasher;

/**
 * About 300 demo dossiers for the local run: real procedure names, made-up applicants, every
 * status, timelines spread over the last six weeks (so some are overdue, some due soon), a dozen
 * owned by the demo citizen (all with the demo secret), and ratings on some finished ones.
 * Deterministic but for the anchor time, the moment they are made.
 */
final class DemoDossiers {

    static final String VERSION = "demo-2";
    static final String CLIENT = "demo-seed";
    static final String DEMO_CITIZEN = "001099012345";
    static final String DEMO_NAME = "Nguyễn Văn An";
    /** The secret of the demo citizen's dossiers: printed by run-local.sh, never logged. */
    static final String DEMO_SECRET = "HANG2345";

    private static final int COUNT = 300;
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter CODE_DATE =
            DateTimeFormatter.ofPattern("yyMMdd").withZone(HANOI);
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Minh", "Đức", "Thu", "Ngọc", "Quang", "Thanh", "Hữu"};
    private static final String[] GIVEN = {
        "An", "Bình", "Cường", "Dũng", "Hà", "Hoa", "Hùng", "Lan", "Linh", "Mai", "Nam", "Phương", "Quân", "Sơn", "Tâm",
        "Trang", "Tuấn", "Yến"
    };
    /** Target statuses with their weights, and how a dossier filed in 2 (or 1, online) reaches them. */
    private static final int[][] PATHS = {
        {1}, {2}, {1, 3}, {2, 4}, {2, 4, 5}, {2, 4, 6}, {2, 7}, {2, 4, 8}, {2, 4, 9}, {2, 4, 9, 10}
    };

    private static final int[] WEIGHTS = {5, 10, 4, 25, 8, 6, 3, 3, 16, 20};

    private final PersonalDataHasher hasher;
    private final Random random = new Random(20251122);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);

    DemoDossiers(PersonalDataHasher hasher) {
        this.hasher = hasher;
    }

    private record Procedure(String code, String name, String field, String agency, int days) {}

    void insert(Connection connection) throws SQLException {
        List<Procedure> procedures = procedures();
        List<String> points = points(connection);
        try (DemoWriter writer = new DemoWriter(connection)) {
            for (int i = 0; i < COUNT; i++) {
                Procedure procedure = procedures.get(random.nextInt(procedures.size()));
                boolean demoCitizen = i % 25 == 0;
                int[] path = PATHS[weighted()];
                Instant received = officeHours(1 + random.nextInt(40));
                Instant due = received.plus(Duration.ofDays(procedure.days())).plus(Duration.ofHours(8));
                String code = writer.nextCode(procedure.agency(), CODE_DATE.format(received));
                String citizen = demoCitizen
                        ? DEMO_CITIZEN
                        : String.format("0%011d", Math.abs(random.nextLong()) % 100_000_000_000L);
                String secret = demoCitizen ? DEMO_SECRET : secret();
                List<Instant> times = times(received, due, path.length);
                long id = writer.dossier(
                        code,
                        procedure.agency(),
                        procedure.code(),
                        procedure.name(),
                        procedure.field(),
                        hasher.citizenRef(citizen),
                        demoCitizen ? DEMO_NAME : name(),
                        points.get(random.nextInt(points.size())),
                        received,
                        due,
                        path[0] == 1 ? "online" : pick("counter", "agent", "postal", "counter"),
                        pick("counter", "electronic", "postal"),
                        path,
                        times,
                        hasher.lookupSecretHash(code, secret));
                if (path[path.length - 1] >= 9 && random.nextInt(3) > 0) {
                    writer.rating(id, random.nextInt(10) < 8 ? 4 + random.nextInt(2) : 1 + random.nextInt(3));
                }
            }
        }
    }

    /** A moment between 08:00 and 16:30 in Hanoi, this many days ago. */
    private Instant officeHours(int daysAgo) {
        return now.atZone(HANOI)
                .toLocalDate()
                .minusDays(daysAgo)
                .atTime(8, 0)
                .atZone(HANOI)
                .toInstant()
                .plus(Duration.ofMinutes(random.nextInt(510)));
    }

    /** When each step happened: spread between filing and now, finished ones mostly before their due time. */
    private List<Instant> times(Instant received, Instant due, int steps) {
        List<Instant> times = new ArrayList<>();
        Instant last = received;
        Instant end = random.nextInt(5) == 0 ? now : (due.isBefore(now) ? due : now);
        for (int step = 0; step < steps; step++) {
            long room = Math.max(1, Duration.between(last, end).toMinutes() / (steps - step + 1));
            last = last.plus(Duration.ofMinutes(1 + (long) (random.nextDouble() * room)));
            times.add(last);
        }
        return times;
    }

    private int weighted() {
        int roll = random.nextInt(100);
        for (int i = 0; i < WEIGHTS.length; i++) {
            roll -= WEIGHTS[i];
            if (roll < 0) {
                return i;
            }
        }
        return WEIGHTS.length - 1;
    }

    private String secret() {
        String alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
        StringBuilder secret = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            secret.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return secret.toString();
    }

    private String name() {
        return pick(FAMILY) + " " + pick(MIDDLE) + " " + pick(GIVEN);
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static List<Procedure> procedures() {
        try {
            return SeedFiles.readCsv(
                    "demo_procedures.csv",
                    (CSVRecord row) -> new Procedure(
                            row.get("procedure_code"),
                            row.get("procedure_name"),
                            row.get("field"),
                            row.get("agency_code"),
                            Integer.parseInt(row.get("working_days"))));
        } catch (IOException missing) {
            throw new UncheckedIOException(missing);
        }
    }

    private static List<String> points(Connection connection) throws SQLException {
        List<String> points = new ArrayList<>();
        try (PreparedStatement query =
                        connection.prepareStatement("SELECT id FROM service_point WHERE active ORDER BY id");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                points.add(rows.getString(1));
            }
        }
        return points;
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

package vn.hanoi.hcc.bff.forecast;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.hanoi.hcc.bff.seed.BenchSeed;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;

/**
 * What a synthetic history is made of, all of it the project's own data: the demo procedures
 * ({@code seed/hanoi/demo_procedures.csv}), the active service points with their ward's population,
 * the kinds of point each field of procedures is received at ({@code procedure_field}), and the
 * Center's working calendar with the public holidays of {@code public_holiday}.
 *
 * @param fieldPointTypes point types by the field's Vietnamese name
 */
record SyntheticWorld(
        List<Procedure> procedures,
        List<Point> points,
        Map<String, Set<String>> fieldPointTypes,
        WorkingCalendar calendar) {

    /** Point types that receive a field the table does not name: the Center's own desks. */
    static final Set<String> CITY_DESKS = Set.of("HQ", "BRANCH", "RECEPTION");

    /** The ward People's Committees' stand-in agency code in the demo procedures. */
    static final String WARD_AGENCY = "H26.99";

    /**
     * A procedure: its legal time limit in working days, and its share of the Center's intake (an
     * assumption: certification and civil status dominate the wards' desks, land the Center's).
     */
    record Procedure(String code, String name, String field, String agency, int workingDays, double weight) {}

    /** An active receiving point: its intake weight is its ward's population, or a fixed one for the Center's. */
    record Point(String id, String type, String wardCode, String branchGroup, double weight) {}

    private static final Map<String, Double> INTAKE = Map.ofEntries(
            Map.entry("2.000815", 22.0),
            Map.entry("1.001193", 10.0),
            Map.entry("2.000635", 6.0),
            Map.entry("1.004873", 6.0),
            Map.entry("1.000894", 3.0),
            Map.entry("1.000656", 2.0),
            Map.entry("1.004227", 12.0),
            Map.entry("1.004238", 3.0),
            Map.entry("2.001417", 10.0),
            Map.entry("1.004194", 7.0),
            Map.entry("2.000575", 6.0),
            Map.entry("2.000575B", 3.0),
            Map.entry("1.009994", 4.0),
            Map.entry("1.001256", 2.0),
            Map.entry("2.000205", 4.0));

    /** The point types that receive this procedure. */
    Set<String> receivedAt(Procedure procedure) {
        return fieldPointTypes.getOrDefault(procedure.field(), CITY_DESKS);
    }

    static SyntheticWorld read(Connection connection) throws SQLException, IOException {
        return new SyntheticWorld(
                demoProcedures(), readPoints(connection), fields(connection), readCalendar(connection));
    }

    static List<Procedure> demoProcedures() throws IOException {
        return BenchSeed.demoProcedures(row -> new Procedure(
                row.get("procedure_code"),
                row.get("procedure_name"),
                row.get("field"),
                row.get("agency_code"),
                Integer.parseInt(row.get("working_days")),
                INTAKE.getOrDefault(row.get("procedure_code"), 3.0)));
    }

    private static List<Point> readPoints(Connection connection) throws SQLException {
        List<Point> points = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                        SELECT p.id, p.type, p.ward_code, coalesce(p.branch_group, w.branch_group) AS branch_group,
                            coalesce(w.population, 0) AS population
                        FROM service_point p LEFT JOIN ward w ON w.code = p.ward_code
                        WHERE p.active ORDER BY p.id""");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String type = rows.getString("type");
                double weight = "WARD_POINT".equals(type) ? rows.getInt("population") : cityWeight(type);
                points.add(new Point(
                        rows.getString("id"),
                        type,
                        rows.getString("ward_code"),
                        rows.getString("branch_group"),
                        weight));
            }
        }
        return points;
    }

    /** The HQ takes three times a reception point's intake, a branch twice. */
    private static double cityWeight(String type) {
        return switch (type) {
            case "HQ" -> 3;
            case "BRANCH" -> 2;
            default -> 1;
        };
    }

    private static Map<String, Set<String>> fields(Connection connection) throws SQLException {
        Map<String, Set<String>> fields = new TreeMap<>();
        try (PreparedStatement query =
                        connection.prepareStatement("SELECT name_vi, point_types FROM procedure_field ORDER BY code");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                Array types = rows.getArray("point_types");
                fields.put(rows.getString("name_vi"), new HashSet<>(List.of((String[]) types.getArray())));
            }
        }
        return fields;
    }

    /** The Center's calendar with the public holidays of the database. */
    static WorkingCalendar readCalendar(Connection connection) throws SQLException {
        Set<LocalDate> holidays = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT day FROM public_holiday");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                holidays.add(rows.getObject("day", LocalDate.class));
            }
        }
        return new WorkingCalendar(holidays);
    }
}

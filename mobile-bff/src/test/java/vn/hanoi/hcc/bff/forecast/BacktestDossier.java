package vn.hanoi.hcc.bff.forecast;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hanoi.hcc.bff.dossier.DossierStatus;
import vn.hanoi.hcc.bff.dossier.ProcessingClock;
import vn.hanoi.hcc.bff.dossier.StatusEvent;

/**
 * A dossier as the backtest reads it from the database: its groups, its final state and its applied
 * timeline, each entry with the due time in force after it (status changes and extensions alike), so
 * that the dossier can be seen as it stood at any past instant.
 */
record BacktestDossier(
        long id,
        String procedure,
        String agency,
        String field,
        Instant receivedAt,
        Instant finishedAt,
        Instant dueAt,
        List<Entry> timeline) {

    /** An applied timeline entry: a status reached ({@code status} null for an extension) and the due time after it. */
    record Entry(DossierStatus status, Instant at, Instant dueAfter) {}

    /** The result came after the due time in force (the timing class LATE). */
    boolean finishedLate() {
        return finishedAt != null && finishedAt.isAfter(dueAt);
    }

    /** The applied status events, in order: what {@link ProcessingClock} reads. */
    List<StatusEvent> statusEvents() {
        return timeline.stream()
                .filter(entry -> entry.status() != null)
                .map(entry -> new StatusEvent(entry.status(), entry.at()))
                .toList();
    }

    /** The dossier as it stood at {@code now}: the events known then and the due time then in force. */
    RunningDossier asOf(Instant now) {
        List<StatusEvent> known = new ArrayList<>();
        Instant due = dueAt;
        for (Entry entry : timeline) {
            if (entry.at().isAfter(now)) {
                break;
            }
            due = entry.dueAfter();
            if (entry.status() != null) {
                known.add(new StatusEvent(entry.status(), entry.at()));
            }
        }
        return new RunningDossier(procedure, agency, field, due, known);
    }

    /** Every dossier with its applied timeline, in the order received. */
    static List<BacktestDossier> readAll(Connection connection) throws SQLException {
        Map<Long, List<Entry>> timelines = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                        SELECT dossier_id, status, occurred_at, due_after FROM dossier_event
                        WHERE applied ORDER BY dossier_id, occurred_at, id""");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                short code = rows.getShort("status");
                DossierStatus status = rows.wasNull() ? null : DossierStatus.of(code);
                timelines
                        .computeIfAbsent(rows.getLong("dossier_id"), id -> new ArrayList<>())
                        .add(new Entry(
                                status,
                                rows.getObject("occurred_at", OffsetDateTime.class)
                                        .toInstant(),
                                rows.getObject("due_after", OffsetDateTime.class)
                                        .toInstant()));
            }
        }
        List<BacktestDossier> dossiers = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                        SELECT id, procedure_code, agency_code, field, received_at, finished_at, due_at FROM dossier
                        ORDER BY received_at, id""");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                OffsetDateTime finished = rows.getObject("finished_at", OffsetDateTime.class);
                long id = rows.getLong("id");
                dossiers.add(new BacktestDossier(
                        id,
                        rows.getString("procedure_code"),
                        rows.getString("agency_code"),
                        rows.getString("field"),
                        rows.getObject("received_at", OffsetDateTime.class).toInstant(),
                        finished == null ? null : finished.toInstant(),
                        rows.getObject("due_at", OffsetDateTime.class).toInstant(),
                        List.copyOf(timelines.getOrDefault(id, List.of()))));
            }
        }
        return dossiers;
    }
}

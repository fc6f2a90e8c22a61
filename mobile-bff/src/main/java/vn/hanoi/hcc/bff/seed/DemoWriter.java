package vn.hanoi.hcc.bff.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Writes demo dossiers, their timelines and ratings over JDBC, with statements prepared once. */
final class DemoWriter implements AutoCloseable {

    private final PreparedStatement counter;
    private final PreparedStatement dossier;
    private final PreparedStatement event;
    private final PreparedStatement rating;

    DemoWriter(Connection connection) throws SQLException {
        counter = connection.prepareStatement("""
                INSERT INTO dossier_code_counter (agency_code, day, last_number) VALUES (?, to_date(?, 'YYMMDD'), 1)
                ON CONFLICT (agency_code, day) DO UPDATE SET last_number = dossier_code_counter.last_number + 1
                RETURNING last_number""");
        dossier = connection.prepareStatement("""
                INSERT INTO dossier (code, agency_code, procedure_code, procedure_name, field, applicant_ref,
                    applicant_name, receiving_point_id, received_at, original_due_at, due_at, channel, result_delivery,
                    status, status_at, finished_at, lookup_secret_hash, filed_by_client, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""");
        event = connection.prepareStatement("""
                INSERT INTO dossier_event (dossier_id, filed_by_client, client_id, event_id, kind, status, occurred_at,
                    agency, applied, status_after, due_after, version_after, fingerprint)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?, repeat('0', 64))""");
        rating = connection.prepareStatement("""
                INSERT INTO dossier_rating (dossier_id, score, point_id)
                SELECT id, ?, receiving_point_id FROM dossier WHERE id = ?""");
    }

    String nextCode(String agency, String day) throws SQLException {
        counter.setString(1, agency);
        counter.setString(2, day);
        try (ResultSet row = counter.executeQuery()) {
            row.next();
            return agency + "-" + day + "-" + String.format("%04d", row.getInt(1));
        }
    }

    /**
     * Inserts a dossier filed in {@code path[0]} (1 or 2) that then went through the rest of the
     * path, one step at each of {@code times}; its timeline with it.
     */
    long dossier(
            String code,
            String agency,
            String procedureCode,
            String procedureName,
            String field,
            String applicantRef,
            String applicantName,
            String point,
            Instant received,
            Instant due,
            String channel,
            String delivery,
            int[] path,
            List<Instant> times,
            String secretHash)
            throws SQLException {
        int last = path[path.length - 1];
        Instant statusAt = path.length == 1 ? received : times.get(path.length - 1);
        Instant finished = null;
        for (int step = 0; step < path.length; step++) {
            if (path[step] == 9) {
                finished = step == 0 ? received : times.get(step);
            }
        }
        String[] texts = {code, agency, procedureCode, procedureName, field, applicantRef, applicantName, point};
        for (int i = 0; i < texts.length; i++) {
            dossier.setString(i + 1, texts[i]);
        }
        dossier.setTimestamp(9, DemoDossiers.timestamp(received));
        dossier.setTimestamp(10, DemoDossiers.timestamp(due));
        dossier.setTimestamp(11, DemoDossiers.timestamp(due));
        dossier.setString(12, channel);
        dossier.setString(13, delivery);
        dossier.setShort(14, (short) last);
        dossier.setTimestamp(15, DemoDossiers.timestamp(statusAt));
        dossier.setTimestamp(16, DemoDossiers.timestamp(finished));
        dossier.setString(17, secretHash);
        dossier.setString(18, DemoDossiers.CLIENT);
        dossier.setLong(19, path.length);
        long id;
        try (ResultSet row = dossier.executeQuery()) {
            row.next();
            id = row.getLong(1);
        }
        for (int step = 0; step < path.length; step++) {
            Instant at = step == 0 ? received : times.get(step);
            event.setLong(1, id);
            event.setString(2, DemoDossiers.CLIENT);
            event.setString(3, DemoDossiers.CLIENT);
            event.setString(4, step == 0 ? "filed:" + code : code + "/" + step);
            event.setString(5, step == 0 ? "FILED" : "STATUS");
            event.setShort(6, (short) path[step]);
            event.setTimestamp(7, DemoDossiers.timestamp(at));
            event.setString(8, step == 0 ? agency : "Bộ phận chuyên môn " + agency);
            event.setShort(9, (short) path[step]);
            event.setTimestamp(10, DemoDossiers.timestamp(due));
            event.setLong(11, step + 1L);
            event.addBatch();
        }
        event.executeBatch();
        return id;
    }

    void rating(long dossierId, int score) throws SQLException {
        rating.setShort(1, (short) score);
        rating.setLong(2, dossierId);
        rating.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
        counter.close();
        dossier.close();
        event.close();
        rating.close();
    }
}

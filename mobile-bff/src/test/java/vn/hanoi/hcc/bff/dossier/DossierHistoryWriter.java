package vn.hanoi.hcc.bff.dossier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a dossier's whole history over JDBC (a bench and test tool, never a request path), row
 * for row as the services would have written it had each event arrived when it happened: the
 * filing as {@code DossierFilingService} records it, each later event through the same
 * {@link DossierChange} that {@code DossierEventService} applies (transitions checked, a pause's
 * time added to the due time on leaving it, versions counted), with the same fingerprints. The
 * rows' {@code recorded_at} and {@code updated_at} are the events' own times.
 */
public final class DossierHistoryWriter implements AutoCloseable {

    /** A dossier and its events as they would be stored. */
    public record Replayed(Dossier dossier, List<Step> steps) {}

    /** One timeline row: the event and the dossier as it left it. */
    public record Step(DossierEventCommand event, EventKind kind, Dossier after, String fingerprint) {}

    private final PreparedStatement dossier;
    private final PreparedStatement event;

    public DossierHistoryWriter(Connection connection) throws SQLException {
        dossier = connection.prepareStatement("""
                INSERT INTO dossier (code, agency_code, procedure_code, procedure_name, field, applicant_ref,
                    applicant_name, receiving_point_id, received_at, original_due_at, due_at, channel, result_delivery,
                    status, status_at, finished_at, lookup_secret_hash, filed_by_client, version, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""");
        event = connection.prepareStatement("""
                INSERT INTO dossier_event (dossier_id, filed_by_client, client_id, event_id, kind, status, occurred_at,
                    agency, note, due_at, reason, applied, status_after, due_after, version_after, fingerprint,
                    recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?, ?, ?)""");
    }

    /**
     * The dossier filed with {@code filed.code()} by {@code client}, then moved by each event in
     * turn. Throws {@link IllegalTransitionException} (or the service's conflict) for an event the
     * service would refuse, and {@link IllegalArgumentException} for one it would file in the
     * timeline only: a history is written in the order it happened.
     */
    public static Replayed replay(
            NewDossier filed, String applicantRef, String secretHash, String client, List<DossierEventCommand> events) {
        Dossier current = new Dossier(
                0,
                filed.code(),
                filed.agencyCode(),
                filed.procedureCode(),
                filed.procedureName(),
                filed.field(),
                applicantRef,
                filed.applicantName(),
                filed.receivingPointId(),
                filed.receivedAt(),
                filed.dueAt(),
                filed.dueAt(),
                filed.channel(),
                filed.resultDelivery(),
                filed.initialStatus(),
                filed.receivedAt(),
                null,
                secretHash,
                client,
                1,
                filed.receivedAt());
        DossierEventCommand filing = new DossierEventCommand(
                "filed:" + filed.code(),
                filed.initialStatus(),
                filed.receivedAt(),
                filed.agencyCode(),
                null,
                null,
                null);
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(filing, EventKind.FILED, current, EventFingerprint.of(filed.code(), filing)));
        for (DossierEventCommand next : events) {
            DossierChange change = DossierChange.of(current, next);
            if (!change.applied()) {
                throw new IllegalArgumentException("Event " + next.eventId() + " is older than the dossier's status");
            }
            current = current.with(change);
            steps.add(new Step(next, next.kind(), current, EventFingerprint.of(filed.code(), next)));
        }
        return new Replayed(current, List.copyOf(steps));
    }

    /** Inserts the replayed dossier and its timeline; returns the dossier's id. */
    public long write(Replayed replayed) throws SQLException {
        long id = insertDossier(
                replayed.dossier(), replayed.steps().get(replayed.steps().size() - 1));
        for (Step step : replayed.steps()) {
            addEvent(id, replayed.dossier(), step);
        }
        event.executeBatch();
        return id;
    }

    private long insertDossier(Dossier last, Step newest) throws SQLException {
        String[] texts = {
            last.code(),
            last.agencyCode(),
            last.procedureCode(),
            last.procedureName(),
            last.field(),
            last.applicantRef(),
            last.applicantName(),
            last.receivingPointId()
        };
        for (int i = 0; i < texts.length; i++) {
            dossier.setString(i + 1, texts[i]);
        }
        dossier.setTimestamp(9, timestamp(last.receivedAt()));
        dossier.setTimestamp(10, timestamp(last.originalDueAt()));
        dossier.setTimestamp(11, timestamp(last.dueAt()));
        dossier.setString(12, last.channel().code());
        dossier.setString(13, last.resultDelivery().code());
        dossier.setShort(14, (short) last.status().code());
        dossier.setTimestamp(15, timestamp(last.statusAt()));
        dossier.setTimestamp(16, timestamp(last.finishedAt()));
        dossier.setString(17, last.lookupSecretHash());
        dossier.setString(18, last.filedByClient());
        dossier.setLong(19, last.version());
        dossier.setTimestamp(20, timestamp(last.receivedAt()));
        dossier.setTimestamp(21, timestamp(newest.event().occurredAt()));
        try (ResultSet row = dossier.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private void addEvent(long id, Dossier dossierRow, Step step) throws SQLException {
        DossierEventCommand command = step.event();
        event.setLong(1, id);
        event.setString(2, dossierRow.filedByClient());
        event.setString(3, dossierRow.filedByClient());
        event.setString(4, command.eventId());
        event.setString(5, step.kind().name());
        if (command.status() == null) {
            event.setNull(6, Types.SMALLINT);
        } else {
            event.setShort(6, (short) command.status().code());
        }
        event.setTimestamp(7, timestamp(command.occurredAt()));
        event.setString(8, command.agency());
        event.setString(9, command.note());
        event.setTimestamp(10, timestamp(command.dueAt()));
        event.setString(11, command.reason());
        event.setShort(12, (short) step.after().status().code());
        event.setTimestamp(13, timestamp(step.after().dueAt()));
        event.setLong(14, step.after().version());
        event.setString(15, step.fingerprint());
        event.setTimestamp(16, timestamp(command.occurredAt()));
        event.addBatch();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @Override
    public void close() throws SQLException {
        dossier.close();
        event.close();
    }
}

package vn.hanoi.hcc.bff.dossier;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Dossiers and their events in PostgreSQL, over R2DBC. */
@Repository
class DossierRepository {

    static final String DOSSIER_COLUMNS = """
            id, code, agency_code, procedure_code, procedure_name, field, applicant_ref, applicant_name,
            receiving_point_id, received_at, original_due_at, due_at, channel, result_delivery, status, status_at,
            finished_at, lookup_secret_hash, filed_by_client, version, updated_at""";
    static final String POINT_COLUMNS =
            "p.name AS point_name, p.address AS point_address, p.branch_group AS point_branch";
    private static final String EVENT_COLUMNS = "id, kind, status, occurred_at, agency, note, due_at, reason, applied";

    private final DatabaseClient db;

    DossierRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The dossier with its receiving point and timeline, as every view needs it. */
    Mono<DossierRecord> findRecord(String code) {
        return db.sql("SELECT " + qualified("d") + ", " + POINT_COLUMNS + " FROM dossier d"
                        + " JOIN service_point p ON p.id = d.receiving_point_id WHERE d.code = :code")
                .bind("code", code)
                .map(row -> new DossierRecord(toDossier(row), toPoint(row), java.util.List.of()))
                .one()
                .flatMap(record -> timeline(record.dossier().id())
                        .collectList()
                        .map(timeline -> new DossierRecord(record.dossier(), record.point(), timeline)));
    }

    /** The dossier columns, each prefixed with a table alias. */
    static String qualified(String alias) {
        return java.util.Arrays.stream(DOSSIER_COLUMNS.split(","))
                .map(column -> alias + "." + column.strip())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The dossier, locked until the transaction ends: events on one dossier apply one at a time. */
    Mono<Dossier> lockByCode(String code) {
        return db.sql("SELECT " + DOSSIER_COLUMNS + " FROM dossier WHERE code = :code FOR UPDATE")
                .bind("code", code)
                .map(DossierRepository::toDossier)
                .one();
    }

    /** Inserts the dossier; empty when the code is taken. */
    Mono<Dossier> insert(NewDossier dossier, String code, String applicantRef, String secretHash, String client) {
        return db.sql("""
                INSERT INTO dossier (code, agency_code, procedure_code, procedure_name, field, applicant_ref,
                    applicant_name, receiving_point_id, received_at, original_due_at, due_at, channel, result_delivery,
                    status, status_at, lookup_secret_hash, filed_by_client)
                VALUES (:code, :agency, :procedureCode, :procedureName, :field, :applicantRef, :applicantName, :point,
                    :receivedAt, :dueAt, :dueAt, :channel, :delivery, :status, :receivedAt, :secretHash, :client)
                ON CONFLICT (code) DO NOTHING
                """ + " RETURNING " + DOSSIER_COLUMNS)
                .bind("code", code)
                .bind("agency", dossier.agencyCode())
                .bind("procedureCode", dossier.procedureCode())
                .bind("procedureName", dossier.procedureName())
                .bind("field", dossier.field())
                .bind("applicantRef", applicantRef)
                .bind("applicantName", dossier.applicantName())
                .bind("point", dossier.receivingPointId())
                .bind("receivedAt", dossier.receivedAt())
                .bind("dueAt", dossier.dueAt())
                .bind("channel", dossier.channel().code())
                .bind("delivery", dossier.resultDelivery().code())
                .bind("status", (short) dossier.initialStatus().code())
                .bind("secretHash", secretHash)
                .bind("client", client)
                .map(DossierRepository::toDossier)
                .one();
    }

    Mono<Dossier> update(Dossier changed) {
        DatabaseClient.GenericExecuteSpec update = db.sql("""
                UPDATE dossier SET status = :status, status_at = :statusAt, due_at = :dueAt, finished_at = :finishedAt,
                    version = :version, updated_at = now()
                WHERE id = :id
                """ + " RETURNING " + DOSSIER_COLUMNS)
                .bind("id", changed.id())
                .bind("status", (short) changed.status().code())
                .bind("statusAt", changed.statusAt())
                .bind("dueAt", changed.dueAt())
                .bind("version", changed.version());
        update = changed.finishedAt() == null
                ? update.bindNull("finishedAt", Instant.class)
                : update.bind("finishedAt", changed.finishedAt());
        return update.map(DossierRepository::toDossier).one();
    }

    /** The next free number of the agency's day, for a generated code. */
    Mono<Integer> nextCodeNumber(String agencyCode, LocalDate day) {
        return db.sql("""
                INSERT INTO dossier_code_counter (agency_code, day, last_number) VALUES (:agency, :day, 1)
                ON CONFLICT (agency_code, day) DO UPDATE SET last_number = dossier_code_counter.last_number + 1
                RETURNING last_number
                """)
                .bind("agency", agencyCode)
                .bind("day", day)
                .map(row -> row.get("last_number", Integer.class))
                .one();
    }

    /** Records the event; empty when this client already sent this event id. */
    Mono<Long> insertEvent(
            Dossier after,
            String clientId,
            DossierEventCommand event,
            EventKind kind,
            boolean applied,
            String fingerprint) {
        DatabaseClient.GenericExecuteSpec insert = db.sql("""
                INSERT INTO dossier_event (dossier_id, filed_by_client, client_id, event_id, kind, status, occurred_at,
                    agency, note, due_at, reason, applied, status_after, due_after, version_after, fingerprint)
                VALUES (:dossier, :filedBy, :client, :eventId, :kind, :status, :occurredAt, :agency, :note, :dueAt,
                    :reason, :applied, :statusAfter, :dueAfter, :versionAfter, :fingerprint)
                ON CONFLICT (client_id, event_id) DO NOTHING
                RETURNING id
                """)
                .bind("dossier", after.id())
                .bind("filedBy", after.filedByClient())
                .bind("client", clientId)
                .bind("eventId", event.eventId())
                .bind("kind", kind.name())
                .bind("occurredAt", event.occurredAt())
                .bind("applied", applied)
                .bind("statusAfter", (short) after.status().code())
                .bind("dueAfter", after.dueAt())
                .bind("versionAfter", after.version())
                .bind("fingerprint", fingerprint);
        insert = bindNullable(
                insert,
                "status",
                event.status() == null ? null : (short) event.status().code(),
                Short.class);
        insert = bindNullable(insert, "agency", event.agency(), String.class);
        insert = bindNullable(insert, "note", event.note(), String.class);
        insert = bindNullable(insert, "dueAt", event.dueAt(), Instant.class);
        insert = bindNullable(insert, "reason", event.reason(), String.class);
        return insert.map(row -> row.get("id", Long.class)).one();
    }

    Mono<StoredEvent> findEvent(String clientId, String eventId) {
        return db.sql("""
                SELECT d.code, e.event_id, e.fingerprint, e.applied, e.status_after, e.due_after, e.version_after
                FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id
                WHERE e.client_id = :client AND e.event_id = :eventId
                """)
                .bind("client", clientId)
                .bind("eventId", eventId)
                .map(row -> new StoredEvent(
                        row.get("code", String.class),
                        row.get("event_id", String.class),
                        row.get("fingerprint", String.class),
                        Boolean.TRUE.equals(row.get("applied", Boolean.class)),
                        DossierStatus.of(row.get("status_after", Short.class)),
                        row.get("due_after", Instant.class),
                        row.get("version_after", Long.class)))
                .one();
    }

    /** The timeline, in the order things happened. */
    Flux<TimelineEntry> timeline(long dossierId) {
        return db.sql("SELECT " + EVENT_COLUMNS + " FROM dossier_event WHERE dossier_id = :id ORDER BY occurred_at, id")
                .bind("id", dossierId)
                .map(DossierRepository::toTimelineEntry)
                .all();
    }

    /** The timelines of these dossiers (by id), each in the order things happened: one indexed query. */
    Mono<Map<Long, Collection<TimelineEntry>>> timelines(Collection<Long> dossierIds) {
        return db.sql("SELECT dossier_id, " + EVENT_COLUMNS
                        + " FROM dossier_event WHERE dossier_id = ANY(:ids) ORDER BY dossier_id, occurred_at, id")
                .bind("ids", dossierIds.toArray(Long[]::new))
                .map(row -> Map.entry(row.get("dossier_id", Long.class), toTimelineEntry(row)))
                .all()
                .collectMultimap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private static TimelineEntry toTimelineEntry(Readable row) {
        Short status = row.get("status", Short.class);
        return new TimelineEntry(
                row.get("id", Long.class),
                EventKind.valueOf(row.get("kind", String.class)),
                status == null ? null : DossierStatus.of(status),
                row.get("occurred_at", Instant.class),
                row.get("agency", String.class),
                row.get("note", String.class),
                row.get("due_at", Instant.class),
                row.get("reason", String.class),
                Boolean.TRUE.equals(row.get("applied", Boolean.class)));
    }

    /** A citizen's dossiers with their receiving points (not their timelines), newest first. */
    Flux<DossierRecord> findByOwner(String applicantRef, int offset, int limit) {
        return db.sql("SELECT " + qualified("d") + ", " + POINT_COLUMNS + " FROM dossier d"
                        + " JOIN service_point p ON p.id = d.receiving_point_id WHERE d.applicant_ref = :ref"
                        + " ORDER BY d.received_at DESC, d.id DESC LIMIT :limit OFFSET :offset")
                .bind("ref", applicantRef)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(row -> new DossierRecord(toDossier(row), toPoint(row), java.util.List.of()))
                .all();
    }

    Mono<Long> countByOwner(String applicantRef) {
        return db.sql("SELECT count(*) AS n FROM dossier WHERE applicant_ref = :ref")
                .bind("ref", applicantRef)
                .map(row -> row.get("n", Long.class))
                .one();
    }

    private static <T> DatabaseClient.GenericExecuteSpec bindNullable(
            DatabaseClient.GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    static ReceivingPoint toPoint(Readable row) {
        return new ReceivingPoint(
                row.get("receiving_point_id", String.class),
                row.get("point_name", String.class),
                row.get("point_address", String.class),
                row.get("point_branch", String.class));
    }

    static Dossier toDossier(Readable row) {
        return new Dossier(
                row.get("id", Long.class),
                row.get("code", String.class),
                row.get("agency_code", String.class),
                row.get("procedure_code", String.class),
                row.get("procedure_name", String.class),
                row.get("field", String.class),
                row.get("applicant_ref", String.class),
                row.get("applicant_name", String.class),
                row.get("receiving_point_id", String.class),
                row.get("received_at", Instant.class),
                row.get("original_due_at", Instant.class),
                row.get("due_at", Instant.class),
                Channel.fromCode(row.get("channel", String.class)).orElseThrow(),
                ResultDelivery.fromCode(row.get("result_delivery", String.class))
                        .orElseThrow(),
                DossierStatus.of(row.get("status", Short.class)),
                row.get("status_at", Instant.class),
                row.get("finished_at", Instant.class),
                row.get("lookup_secret_hash", String.class),
                row.get("filed_by_client", String.class),
                row.get("version", Long.class),
                row.get("updated_at", Instant.class));
    }
}

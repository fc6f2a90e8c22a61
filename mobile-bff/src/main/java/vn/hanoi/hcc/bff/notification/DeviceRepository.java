package vn.hanoi.hcc.bff.notification;

import java.time.Duration;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The {@code device} table; forgetting a citizen's device (unregistered or evicted) always drops the
 * pushes still waiting for it.
 */
@Repository
class DeviceRepository {

    private final DatabaseClient db;

    DeviceRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Until the transaction ends, no other registration of this citizen's runs. */
    Mono<Void> lockCitizen(String citizenRef) {
        return db.sql("SELECT pg_advisory_xact_lock(hashtextextended('device:' || :citizen, 0))")
                .bind("citizen", citizenRef)
                .then();
    }

    /**
     * Registers the token for the citizen (moving it from another one, whose pushes still waiting
     * for it are dropped): its id, and whether it is new.
     */
    Mono<DeviceService.RegisteredDevice> upsert(String citizenRef, String token, String platform, String locale) {
        return db.sql("""
                WITH registered AS (
                    INSERT INTO device (token, citizen_ref, platform, locale) VALUES (:token, :citizen, :platform, :locale)
                    ON CONFLICT (token) DO UPDATE SET citizen_ref = excluded.citizen_ref, platform = excluded.platform,
                        locale = excluded.locale, last_seen_at = now()
                    RETURNING id, (xmax = 0) AS created),
                others AS (
                    UPDATE push_message m SET state = 'dropped', last_error = 'the token moved to another citizen',
                        finished_at = now()
                    FROM notification n
                    WHERE m.notification_id = n.id AND m.device_token = :token AND m.state = 'pending'
                      AND n.citizen_ref <> :citizen)
                SELECT id, created FROM registered""")
                .bind("token", token)
                .bind("citizen", citizenRef)
                .bind("platform", platform)
                .bind("locale", locale)
                .map(row -> new DeviceService.RegisteredDevice(
                        row.get("id", UUID.class), Boolean.TRUE.equals(row.get("created", Boolean.class))))
                .one();
    }

    /** Forgets the citizen's devices beyond the newest {@code kept} (the given token always kept). */
    Mono<Long> forgetBeyond(String citizenRef, String keptToken, int kept) {
        return forget("""
                token IN (SELECT token FROM device WHERE citizen_ref = :citizen
                          ORDER BY (token = :token) DESC, last_seen_at DESC, registered_at DESC, token OFFSET :kept)""", "the citizen registered a newer device")
                .bind("citizen", citizenRef)
                .bind("token", keptToken)
                .bind("kept", kept)
                .map(row -> row.get("gone", Long.class))
                .one();
    }

    /** Forgets one of the citizen's devices; 0 when the citizen has none with this id. */
    Mono<Long> forget(String citizenRef, UUID id) {
        return forget("id = :id AND citizen_ref = :citizen", "the device was unregistered")
                .bind("id", id)
                .bind("citizen", citizenRef)
                .map(row -> row.get("gone", Long.class))
                .one();
    }

    /**
     * Forgets the tokens no app has registered again for {@code maxIdle}, in one idempotent statement
     * that leaves {@code push_message} as it is; the number forgotten.
     */
    Mono<Long> forgetIdle(Duration maxIdle) {
        return db.sql("DELETE FROM device WHERE last_seen_at < now() - make_interval(secs => :idle)")
                .bind("idle", (double) maxIdle.toSeconds())
                .fetch()
                .rowsUpdated();
    }

    private DatabaseClient.GenericExecuteSpec forget(String devices, String reason) {
        return db.sql("WITH gone AS (DELETE FROM device WHERE " + devices + " RETURNING token), "
                + "waiting AS (UPDATE push_message SET state = 'dropped', last_error = '" + reason + "', "
                + "finished_at = now() WHERE device_token IN (SELECT token FROM gone) AND state = 'pending') "
                + "SELECT count(*) AS gone FROM gone");
    }
}

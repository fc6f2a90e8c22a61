package vn.hanoi.hcc.bff.notification;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.error.ResourceNotFoundException;
import vn.hanoi.hcc.bff.privacy.PersonalDataHasher;

/**
 * A citizen's phones. Registering is idempotent and refreshes the token's last use; a token
 * registered by another citizen moves to them (one phone, one signed-in person), and the pushes
 * still waiting for it on the former owner's behalf are dropped, so that the phone's new user never
 * sees someone else's dossier. A token that is unregistered gets none of its waiting pushes either.
 */
@Service
public class DeviceService {

    private final DatabaseClient db;
    private final PersonalDataHasher hasher;

    DeviceService(DatabaseClient db, PersonalDataHasher hasher) {
        this.db = db;
        this.hasher = hasher;
    }

    /** Whether the token is new (true) or was known already (false, now this citizen's). */
    public Mono<Boolean> register(String citizenId, String token, String platform, String locale) {
        return db.sql("""
                WITH registered AS (
                    INSERT INTO device (token, citizen_ref, platform, locale) VALUES (:token, :citizen, :platform, :locale)
                    ON CONFLICT (token) DO UPDATE SET citizen_ref = excluded.citizen_ref, platform = excluded.platform,
                        locale = excluded.locale, last_seen_at = now()
                    RETURNING (xmax = 0) AS created),
                others AS (
                    UPDATE push_message m SET state = 'dropped', last_error = 'the token moved to another citizen',
                        finished_at = now()
                    FROM notification n
                    WHERE m.notification_id = n.id AND m.device_token = :token AND m.state = 'pending'
                      AND n.citizen_ref <> :citizen)
                SELECT created FROM registered""")
                .bind("token", token)
                .bind("citizen", hasher.citizenRef(citizenId))
                .bind("platform", platform)
                .bind("locale", locale)
                .map(row -> Boolean.TRUE.equals(row.get("created", Boolean.class)))
                .one();
    }

    /** Forgets one of the citizen's tokens; someone else's or an unknown token is not found. */
    public Mono<Void> unregister(String citizenId, String token) {
        return db.sql("""
                WITH gone AS (DELETE FROM device WHERE token = :token AND citizen_ref = :citizen RETURNING token),
                waiting AS (
                    UPDATE push_message SET state = 'dropped', last_error = 'the device was unregistered', finished_at = now()
                    WHERE device_token IN (SELECT token FROM gone) AND state = 'pending')
                SELECT count(*) AS deleted FROM gone""")
                .bind("token", token)
                .bind("citizen", hasher.citizenRef(citizenId))
                .map(row -> row.get("deleted", Long.class)).one()
                .flatMap(deleted -> deleted == 0
                        ? Mono.error(new ResourceNotFoundException("device", "…" + tail(token)))
                        : Mono.empty());
    }

    /** The last characters of a token, enough to tell which one without repeating it. */
    static String tail(String token) {
        return token.length() <= 6 ? token : token.substring(token.length() - 6);
    }
}

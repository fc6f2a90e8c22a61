package vn.hanoi.hcc.bff.dossier;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** {@code dossier_reminder_opt_out}: the dossiers whose owner turned reminders off. */
@Repository
class ReminderSettingRepository {

    private final DatabaseClient db;

    ReminderSettingRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Turns the dossier's reminders on (forgets the opt-out) or off (records it); both idempotent. */
    Mono<Void> set(long dossierId, boolean enabled) {
        String sql = enabled
                ? "DELETE FROM dossier_reminder_opt_out WHERE dossier_id = :id"
                : "INSERT INTO dossier_reminder_opt_out (dossier_id) VALUES (:id) ON CONFLICT DO NOTHING";
        return db.sql(sql).bind("id", dossierId).fetch().rowsUpdated().then();
    }

    /** Whether the dossier with this code has its reminders off (false for an unknown code). */
    Mono<Boolean> optedOut(String code) {
        return db.sql("""
                SELECT EXISTS (SELECT 1 FROM dossier_reminder_opt_out o JOIN dossier d ON d.id = o.dossier_id
                               WHERE d.code = :code) AS off""")
                .bind("code", code)
                .map(row -> Boolean.TRUE.equals(row.get("off", Boolean.class)))
                .one();
    }

    /** Those of these dossiers whose reminders are off: one indexed look-up for a whole page. */
    Mono<Set<Long>> optedOutAmong(Collection<Long> dossierIds) {
        if (dossierIds.isEmpty()) {
            return Mono.just(Set.of());
        }
        return db.sql("SELECT dossier_id FROM dossier_reminder_opt_out WHERE dossier_id = ANY(:ids::bigint[])")
                .bind("ids", dossierIds.toArray(Long[]::new))
                .map(row -> row.get("dossier_id", Long.class))
                .all()
                .collect(HashSet::new, Set::add);
    }
}

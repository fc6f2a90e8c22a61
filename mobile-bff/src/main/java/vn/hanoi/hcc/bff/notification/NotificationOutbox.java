package vn.hanoi.hcc.bff.notification;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes a notification into the owner's inbox and one push message per device they have, in one
 * statement. Called inside the transaction of the status change: both commit, or neither.
 */
@Component
class NotificationOutbox {

    private final DatabaseClient db;

    NotificationOutbox(DatabaseClient db) {
        this.db = db;
    }

    /** The number of push messages queued (0 when the citizen has no device). */
    Mono<Long> write(NewNotification notification) {
        return db.sql("""
                WITH inbox AS (
                    INSERT INTO notification (citizen_ref, dossier_code, event, status, dossier_version, due_at)
                    VALUES (:citizen, :code, :event, :status, :version, :dueAt)
                    RETURNING id, citizen_ref)
                INSERT INTO push_message (notification_id, device_token, platform, locale)
                SELECT inbox.id, device.token, device.platform, device.locale
                FROM inbox JOIN device ON device.citizen_ref = inbox.citizen_ref""")
                .bind("citizen", notification.citizenRef())
                .bind("code", notification.dossierCode())
                .bind("event", notification.event().name())
                .bind("status", (short) notification.status())
                .bind("version", notification.version())
                .bind("dueAt", notification.dueAt())
                .fetch().rowsUpdated();
    }
}

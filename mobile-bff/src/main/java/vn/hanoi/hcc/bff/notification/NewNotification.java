package vn.hanoi.hcc.bff.notification;

import java.time.Instant;

/**
 * A notification to write along with the status change that triggers it.
 *
 * @param citizenRef the owner's citizen reference (HMAC of the citizen ID)
 * @param status     the dossier's national status code after the change
 * @param version    the dossier's version after the change
 */
record NewNotification(
        String citizenRef, String dossierCode, NotificationEvent event, int status, long version, Instant dueAt) {}

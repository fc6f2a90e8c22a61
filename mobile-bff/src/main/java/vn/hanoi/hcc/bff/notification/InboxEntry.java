package vn.hanoi.hcc.bff.notification;

import java.time.Instant;

/** One notification in a citizen's inbox. */
public record InboxEntry(
        long id,
        String dossierCode,
        NotificationEvent event,
        int status,
        long dossierVersion,
        Instant dueAt,
        Instant createdAt,
        Instant readAt) {}

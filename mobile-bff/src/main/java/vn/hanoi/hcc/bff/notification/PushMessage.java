package vn.hanoi.hcc.bff.notification;

import java.time.Instant;
import vn.hanoi.hcc.bff.i18n.Language;
import vn.hanoi.hcc.bff.outbox.OutboxMessage;

/** A claimed push message with what it tells: one device, one notification. */
public record PushMessage(
        long id,
        String token,
        String platform,
        String locale,
        int attempt,
        String dossierCode,
        NotificationEvent event,
        int status,
        long dossierVersion,
        Instant dueAt,
        String traceParent)
        implements OutboxMessage {

    public boolean english() {
        return Language.ofTag(locale).isEnglish();
    }
}

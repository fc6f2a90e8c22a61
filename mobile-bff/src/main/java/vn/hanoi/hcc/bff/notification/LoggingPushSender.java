package vn.hanoi.hcc.bff.notification;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Stands in for FCM when no service account is configured (the local run): logs what would be
 * sent (the dossier code, the event, the platform and the token's last characters, nothing
 * personal) and counts it as sent.
 */
public class LoggingPushSender implements PushSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingPushSender.class);

    @Override
    public Mono<List<PushOutcome>> send(List<PushMessage> messages) {
        return Mono.fromSupplier(() -> messages.stream()
                .map(message -> {
                    log.atInfo()
                            .addKeyValue("push.dossier", message.dossierCode())
                            .addKeyValue("push.event", message.event())
                            .log(
                                    "NOT SENT (logging push sender): {} {} to a {} device …{}",
                                    message.event(),
                                    message.dossierCode(),
                                    message.platform(),
                                    DeviceService.tail(message.token()));
                    return PushOutcome.sent("logged-" + message.id());
                })
                .toList());
    }
}

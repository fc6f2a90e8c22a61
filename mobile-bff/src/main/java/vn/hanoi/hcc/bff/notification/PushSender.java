package vn.hanoi.hcc.bff.notification;

import java.util.List;
import reactor.core.publisher.Mono;

/** Sends a batch of push messages; one outcome per message, in the same order. Never errors. */
public interface PushSender {

    Mono<List<PushOutcome>> send(List<PushMessage> messages);
}

package vn.hanoi.hcc.bff.notification;

import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.outbox.DeadLetters;

/** The delivery state of every push message, for the Center: dead letters first of all. */
@Service
public class PushDeliveryService {

    /** The states a message can be in. */
    public static final List<String> STATES = List.of("pending", "sent", "dropped", "dead");

    private static final DeadLetters.Outbox OUTBOX = new DeadLetters.Outbox("push_message", "push message", "");

    private final PushDeliveryRepository deliveries;
    private final DeadLetters deadLetters;

    PushDeliveryService(PushDeliveryRepository deliveries, DeadLetters deadLetters) {
        this.deliveries = deliveries;
        this.deadLetters = deadLetters;
    }

    /** The newest messages in this state (any state when null), optionally of one dossier. */
    public Mono<List<PushDelivery>> list(String state, String dossierCode, int limit) {
        return deliveries.findNewest(state, dossierCode, limit);
    }

    /** Puts a dead-lettered message back in the queue with fresh attempts (after FCM or credentials are fixed). */
    public Mono<Void> retry(long id) {
        return deadLetters.requeue(OUTBOX, id);
    }
}

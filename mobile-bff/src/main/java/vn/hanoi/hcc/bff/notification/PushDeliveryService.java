package vn.hanoi.hcc.bff.notification;

import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The delivery state of every push message, for the Center: dead letters first of all. */
@Service
public class PushDeliveryService {

    /** The states a message can be in. */
    public static final List<String> STATES = List.of("pending", "sent", "dropped", "dead");

    private final PushDeliveryRepository deliveries;
    private final PushMessageRepository outbox;

    PushDeliveryService(PushDeliveryRepository deliveries, PushMessageRepository outbox) {
        this.deliveries = deliveries;
        this.outbox = outbox;
    }

    /** The newest messages in this state (any state when null), optionally of one dossier. */
    public Mono<List<PushDelivery>> list(String state, String dossierCode, int limit) {
        return deliveries.findNewest(state, dossierCode, limit);
    }

    /** Puts a dead-lettered message back in the queue with fresh attempts (after FCM or credentials are fixed). */
    public Mono<Void> retry(long id) {
        return outbox.requeue(id, "push message");
    }
}

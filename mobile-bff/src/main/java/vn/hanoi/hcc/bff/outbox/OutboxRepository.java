package vn.hanoi.hcc.bff.outbox;

import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.error.ConflictException;
import vn.hanoi.hcc.bff.error.ResourceNotFoundException;

/** An outbox table: claiming due messages, settling their attempts, and requeueing dead letters. */
public interface OutboxRepository<M extends OutboxMessage> {

    /** The channel's name in metrics: {@code push}, {@code webhook}. */
    String channel();

    /** What waits in this outbox now. */
    Mono<Backlog> backlog();

    /**
     * Up to {@code limit} due messages, locked with {@code FOR UPDATE SKIP LOCKED} (so that replicas
     * share the work), their attempt counted and their next attempt pushed past {@code lease}: a
     * message whose dispatcher dies is due again when its lease runs out.
     */
    Flux<M> claim(int limit, Duration lease);

    /** Writes each settlement, only where the message is still pending at the attempt it was claimed at. */
    Mono<Void> settle(List<Settlement<M>> settlements);

    /** Puts a dead message back in the queue with fresh attempts; the number of rows changed (0 or 1). */
    Mono<Long> requeueDead(long id);

    /** The message's state, empty if there is no such message. */
    Mono<String> stateOf(long id);

    /**
     * Puts a dead-lettered message back in the queue for ops: 404 naming {@code noun} if there is no
     * such message, 409 if it is not dead (a pending or finished message is never touched).
     */
    default Mono<Void> requeue(long id, String noun) {
        return requeueDead(id)
                .flatMap(updated -> updated > 0
                        ? Mono.<Void>empty()
                        : stateOf(id)
                                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException(noun, Long.toString(id))))
                                .flatMap(state -> Mono.error(new ConflictException(
                                        "Only a dead-lettered message can be retried; this one is " + state))));
    }
}

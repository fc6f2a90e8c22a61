package vn.hanoi.hcc.bff.outbox;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.error.ConflictException;
import vn.hanoi.hcc.bff.error.ResourceNotFoundException;

/**
 * Requeues one dead-lettered message of an outbox table (both have {@code id}, {@code state},
 * {@code attempts}, {@code next_attempt_at} and {@code finished_at}). Only a {@code dead} message
 * moves: an unknown id is a not-found, a message in any other state a conflict naming that state.
 */
@Component
public class DeadLetters {

    /** An outbox: its table, the name ops know its messages by, and anything else its requeue resets. */
    public record Outbox(String table, String noun, String extraReset) {
    }

    private final DatabaseClient db;

    DeadLetters(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> requeue(Outbox outbox, long id) {
        return db.sql("UPDATE " + outbox.table() + " SET state = 'pending', attempts = 0, next_attempt_at = now(), "
                        + "finished_at = NULL" + outbox.extraReset() + " WHERE id = :id AND state = 'dead'")
                .bind("id", id)
                .fetch().rowsUpdated()
                .flatMap(updated -> updated > 0 ? Mono.<Void>empty() : whyNot(outbox, id));
    }

    private Mono<Void> whyNot(Outbox outbox, long id) {
        return db.sql("SELECT state FROM " + outbox.table() + " WHERE id = :id").bind("id", id)
                .map(row -> row.get("state", String.class)).one()
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException(outbox.noun(), Long.toString(id))))
                .flatMap(state -> Mono.error(new ConflictException(
                        "Only a dead-lettered message can be retried; this one is " + state)));
    }
}

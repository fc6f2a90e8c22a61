/**
 * The shape both outboxes (push messages, webhook messages) share: a table of messages written in the
 * transaction of the change they announce; a {@link vn.hanoi.hcc.bff.outbox.OutboxDispatcher} that
 * claims due messages with {@code FOR UPDATE SKIP LOCKED} and a lease, has its channel send them,
 * turns each {@link vn.hanoi.hcc.bff.outbox.Outcome} into a {@link vn.hanoi.hcc.bff.outbox.Settlement}
 * (sent, dropped, retried after a backoff, or dead-lettered) and has its
 * {@link vn.hanoi.hcc.bff.outbox.OutboxRepository} write them; and putting a dead letter back in its
 * queue for ops. Knows no feature.
 */
package vn.hanoi.hcc.bff.outbox;

/**
 * What the push and webhook outboxes share: putting a dead-lettered message back in its queue for
 * ops, with fresh attempts, without touching a message that is not dead.
 */
package vn.hanoi.hcc.bff.outbox;

package vn.hanoi.hcc.bff.outbox;

import java.time.Duration;

/** How one attempt to send a message ended, as its channel tells it. */
public sealed interface Outcome {

    /** The receiver took it; {@code receipt} is its id for the message, if it gives one. */
    record Delivered(String receipt) implements Outcome {}

    /** The target is gone for good (an unregistered device): the message is dropped, never retried. */
    record Dropped(String error) implements Outcome {}

    /** A passing failure: tried again after the backoff, and never before {@code retryAfter} if the receiver asked. */
    record Failed(String error, Duration retryAfter) implements Outcome {

        public Failed(String error) {
            this(error, null);
        }
    }

    /** Retrying cannot help (our credentials refused): dead-lettered at once. */
    record Refused(String error) implements Outcome {}
}

package vn.hanoi.hcc.bff.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.background.BackgroundLoop;

/**
 * Drains an outbox: claims a batch of due messages, has the channel send them, settles each attempt
 * and goes on while batches come back non-empty. Every channel gets the same rules: a batch never
 * outlives its lease (past it, its messages may be another dispatcher's); a passing failure waits the
 * jittered {@link Backoff} (never less than the receiver's Retry-After) unless the channel gives up on
 * the message, which is then dead-lettered, as is one whose attempt was refused outright; and every
 * dead letter is counted in {@code <metrics>.dead.lettered}; each batch is one span linked to the spans
 * that wrote its messages ({@link OutboxTracing}).
 */
public abstract class OutboxDispatcher<M extends OutboxMessage> extends BackgroundLoop {

    /**
     * How a channel's dispatcher runs: whether on this replica ({@code switchKey} turns it off), how
     * often it looks when nothing was due, the largest batch claimed at once, how long a claim holds,
     * and the retries' backoff.
     */
    public record Schedule(
            String name,
            boolean enabled,
            String switchKey,
            Duration pollInterval,
            int batchSize,
            Duration lease,
            Backoff backoff) {}

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    /** How long an outcome may wait for others to be settled with it. */
    private static final Duration SETTLE_WITHIN = Duration.ofMillis(100);

    private final OutboxRepository<M> outbox;
    private final Schedule schedule;
    private final Counter deadLettered;
    private final OutboxTracing tracing;

    protected OutboxDispatcher(
            OutboxRepository<M> outbox,
            Schedule schedule,
            OutboxTracing tracing,
            MeterRegistry meters,
            String metrics) {
        this.outbox = outbox;
        this.schedule = schedule;
        this.tracing = tracing;
        this.deadLettered = meters.counter(metrics + ".dead.lettered");
    }

    @Override
    protected Disposable begin() {
        if (!schedule.enabled()) {
            log.info("{} off on this replica ({}=false)", schedule.name(), schedule.switchKey());
            return null;
        }
        return every(Duration.ZERO, schedule.pollInterval(), schedule.name(), this::drain);
    }

    /** Sends the claimed messages: one attempt for each, in any order. */
    protected abstract Flux<Attempt<M>> send(List<M> claimed);

    /**
     * Whether to stop retrying this message rather than wait {@code wait} more, and if so the reason
     * its dead letter keeps.
     */
    protected abstract Optional<String> givesUp(M message, Outcome.Failed failure, Duration wait);

    /** Called for every attempt before it is settled: the channel's own metrics and warnings. */
    protected void observe(List<Attempt<M>> attempts) {}

    /**
     * How long this message waits before its next attempt, given the backoff's {@code wait} (already
     * at least the receiver's Retry-After): that wait, unless the channel has a reason to wait longer.
     */
    protected Duration retryDelay(M message, Duration wait) {
        return wait;
    }

    /** Delivers what is due, batch after batch, until a batch is empty; the number of messages handled. */
    public Mono<Long> drain() {
        return dispatchBatch()
                .expand(handled -> handled > 0 ? dispatchBatch() : Mono.empty())
                .reduce(0L, Long::sum);
    }

    /** Claims, sends and settles one batch; the number of messages claimed. */
    protected Mono<Long> dispatchBatch() {
        return outbox.claim(schedule.batchSize(), schedule.lease())
                .collectList()
                .flatMap(claimed -> claimed.isEmpty()
                        ? Mono.just(0L)
                        : tracing.dispatching(outbox.channel(), claimed, () -> sendAndSettle(claimed)))
                .timeout(schedule.lease());
    }

    private Mono<Long> sendAndSettle(List<M> claimed) {
        return send(claimed)
                // settled as they come: a slow receiver does not keep the others'
                // outcomes unwritten (a dispatcher that dies would send them again),
                // and a batch answered at once (FCM) is still settled in one go
                .bufferTimeout(schedule.batchSize(), SETTLE_WITHIN)
                .concatMap(attempts -> {
                    observe(attempts);
                    return outbox.settle(attempts.stream().map(this::settle).toList());
                })
                .then(Mono.just((long) claimed.size()));
    }

    private Settlement<M> settle(Attempt<M> attempt) {
        Settlement<M> settlement = settlementOf(attempt.message(), attempt.outcome());
        if (settlement.verdict() == Settlement.Verdict.DEAD) {
            deadLettered.increment();
        }
        return settlement;
    }

    private Settlement<M> settlementOf(M message, Outcome outcome) {
        if (outcome instanceof Outcome.Delivered delivered) {
            return Settlement.sent(message, delivered.receipt());
        }
        if (outcome instanceof Outcome.Dropped dropped) {
            return Settlement.dropped(message, dropped.error());
        }
        if (outcome instanceof Outcome.Refused refused) {
            return Settlement.dead(message, refused.error());
        }
        return retryOrGiveUp(message, (Outcome.Failed) outcome);
    }

    private Settlement<M> retryOrGiveUp(M message, Outcome.Failed failure) {
        Duration wait = schedule.backoff().after(message.attempt());
        if (failure.retryAfter() != null && failure.retryAfter().compareTo(wait) > 0) {
            wait = failure.retryAfter();
        }
        Duration delay = retryDelay(message, wait);
        return givesUp(message, failure, delay)
                .map(reason -> Settlement.dead(message, reason))
                .orElseGet(() -> Settlement.retry(message, failure.error(), delay));
    }
}

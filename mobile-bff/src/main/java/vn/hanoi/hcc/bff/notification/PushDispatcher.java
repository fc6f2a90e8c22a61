package vn.hanoi.hcc.bff.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.config.Backoff;
import vn.hanoi.hcc.bff.config.BackgroundLoop;

/**
 * Empties the push outbox: claims due messages (up to a batch), sends them, and records each
 * outcome. Sent: done. Token gone: the message is dropped and the token forgotten. A passing
 * failure: tried again after an exponential backoff with jitter (never sooner than FCM's
 * Retry-After), dead-lettered after the last attempt. Credentials refused: dead-lettered at once,
 * logged as an error and counted ({@code hcc.push.auth.failures}), since retrying cannot help.
 * Batches follow each other while the outbox is full; otherwise it is looked at every poll interval.
 */
@Component
public class PushDispatcher extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(PushDispatcher.class);

    private final PushMessageRepository outbox;
    private final PushSender sender;
    private final PushProperties properties;
    private final Backoff backoff;
    /** Registered once: counting is on the path of every message. */
    private final Map<PushOutcome.Kind, Counter> outcomes = new EnumMap<>(PushOutcome.Kind.class);
    private final Counter authFailures;
    private final Counter deadLettered;

    PushDispatcher(PushMessageRepository outbox, PushSender sender, PushProperties properties, MeterRegistry meters) {
        this.outbox = outbox;
        this.sender = sender;
        this.properties = properties;
        this.backoff = new Backoff(properties.firstBackoff(), properties.maxBackoff());
        for (PushOutcome.Kind kind : PushOutcome.Kind.values()) {
            outcomes.put(kind, meters.counter("hcc.push.messages", "outcome", kind.name().toLowerCase(Locale.ROOT)));
        }
        this.authFailures = meters.counter("hcc.push.auth.failures");
        this.deadLettered = meters.counter("hcc.push.dead.lettered");
    }

    @Override
    protected Disposable begin() {
        if (!properties.enabled()) {
            log.info("Push dispatcher off on this replica (hcc.bff.push.enabled=false)");
            return null;
        }
        return every(Duration.ZERO, properties.pollInterval(), "Push dispatch", this::drain);
    }

    /** Sends batch after batch while full ones are found; the number of messages handled. */
    Mono<Long> drain() {
        return dispatchBatch()
                .expand(handled -> handled == properties.batchSize() ? dispatchBatch() : Mono.empty())
                .reduce(0L, Long::sum);
    }

    /**
     * Claims, sends and records one batch; the number of messages claimed. A batch never outlives
     * its lease: past it, its messages may already be another dispatcher's.
     */
    Mono<Long> dispatchBatch() {
        return outbox.claim(properties.batchSize(), properties.lease()).collectList()
                .flatMap(claimed -> claimed.isEmpty() ? Mono.just(0L)
                        : sender.send(claimed).flatMap(outcomes -> record(claimed, outcomes))
                                .thenReturn((long) claimed.size()))
                .timeout(properties.lease());
    }

    private Mono<Void> record(List<PushMessage> claimed, List<PushOutcome> outcomes) {
        List<PushMessage> sent = new ArrayList<>();
        List<String> messageIds = new ArrayList<>();
        List<PushMessage> gone = new ArrayList<>();
        List<String> goneErrors = new ArrayList<>();
        List<PushMessage> dead = new ArrayList<>();
        List<String> deadErrors = new ArrayList<>();
        List<PushMessage> later = new ArrayList<>();
        List<Duration> delays = new ArrayList<>();
        List<String> laterErrors = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i++) {
            PushMessage message = claimed.get(i);
            PushOutcome outcome = outcomes.get(i);
            count(outcome.kind());
            switch (outcome.kind()) {
                case SENT -> {
                    sent.add(message);
                    messageIds.add(outcome.messageId());
                }
                case TOKEN_GONE -> {
                    gone.add(message);
                    goneErrors.add(outcome.error());
                }
                case AUTH -> {
                    dead.add(message);
                    deadErrors.add("credentials refused: " + outcome.error());
                }
                case RETRY -> {
                    if (message.attempt() >= properties.maxAttempts()) {
                        dead.add(message);
                        deadErrors.add("gave up after " + message.attempt() + " attempts: " + outcome.error());
                    } else {
                        later.add(message);
                        delays.add(backoff(message.attempt(), outcome.retryAfter()));
                        laterErrors.add(outcome.error());
                    }
                }
            }
        }
        if (outcomes.stream().anyMatch(outcome -> outcome.kind() == PushOutcome.Kind.AUTH)) {
            log.error("FCM refused our credentials: {} messages dead-lettered; check the Firebase service account",
                    deadErrors.size());
        }
        deadLettered.increment(dead.size());
        return Mono.when(outbox.sent(sent, messageIds),
                outbox.finish(gone, "dropped", goneErrors),
                outbox.forgetTokens(gone.stream().map(PushMessage::token).distinct().toList()),
                outbox.finish(dead, "dead", deadErrors),
                outbox.retryLater(later, delays, laterErrors));
    }

    /** The jittered backoff, never sooner than FCM's Retry-After. */
    private Duration backoff(int attempt, Duration retryAfter) {
        Duration wait = backoff.after(attempt);
        return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }

    private void count(PushOutcome.Kind kind) {
        outcomes.get(kind).increment();
        if (kind == PushOutcome.Kind.AUTH) {
            authFailures.increment();
        }
    }
}

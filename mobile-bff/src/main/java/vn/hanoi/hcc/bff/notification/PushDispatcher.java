package vn.hanoi.hcc.bff.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import vn.hanoi.hcc.bff.outbox.Attempt;
import vn.hanoi.hcc.bff.outbox.Backoff;
import vn.hanoi.hcc.bff.outbox.OutboxDispatcher;
import vn.hanoi.hcc.bff.outbox.OutboxTracing;
import vn.hanoi.hcc.bff.outbox.Outcome;

/**
 * Empties the push outbox (the shared rules: {@link OutboxDispatcher}): sends each batch through FCM
 * at once. Sent: done. Token gone: the message is dropped and the token forgotten. A passing
 * failure: tried again after an exponential backoff with jitter (never sooner than FCM's
 * Retry-After), dead-lettered after {@code hcc.bff.push.max-attempts}. Credentials refused:
 * dead-lettered at once, logged as an error and counted ({@code hcc.push.auth.failures}), since
 * retrying cannot help. Every answer is counted by kind ({@code hcc.push.messages}). A reminder is
 * never retried in the quiet hours: one whose next attempt would fall in them waits until they end.
 */
@Component
public class PushDispatcher extends OutboxDispatcher<PushMessage> {

    private static final Logger log = LoggerFactory.getLogger(PushDispatcher.class);

    private final PushSender sender;
    private final PushProperties properties;
    /** Registered once: counting is on the path of every message. */
    private final Map<PushOutcome.Kind, Counter> outcomes = new EnumMap<>(PushOutcome.Kind.class);

    private final Counter authFailures;
    private final ReminderSchedule reminders;
    private final Clock clock;

    PushDispatcher(
            PushMessageRepository outbox,
            PushSender sender,
            PushProperties properties,
            ReminderProperties reminders,
            Clock clock,
            OutboxTracing tracing,
            MeterRegistry meters) {
        super(
                outbox,
                new Schedule(
                        "Push dispatch",
                        properties.enabled(),
                        "hcc.bff.push.enabled",
                        properties.pollInterval(),
                        properties.batchSize(),
                        properties.lease(),
                        new Backoff(properties.firstBackoff(), properties.maxBackoff())),
                tracing,
                meters,
                "hcc.push");
        this.sender = sender;
        this.properties = properties;
        this.reminders = new ReminderSchedule(reminders);
        this.clock = clock;
        for (PushOutcome.Kind kind : PushOutcome.Kind.values()) {
            outcomes.put(
                    kind,
                    meters.counter("hcc.push.messages", "outcome", kind.name().toLowerCase(Locale.ROOT)));
        }
        this.authFailures = meters.counter("hcc.push.auth.failures");
    }

    /** The whole batch in one call to FCM; its answers come in the batch's order. */
    @Override
    protected Flux<Attempt<PushMessage>> send(List<PushMessage> claimed) {
        return sender.send(claimed)
                .flatMapMany(answers ->
                        Flux.fromStream(IntStream.range(0, claimed.size()).mapToObj(i -> {
                            count(answers.get(i).kind());
                            return new Attempt<>(claimed.get(i), outcomeOf(answers.get(i)));
                        })));
    }

    private static Outcome outcomeOf(PushOutcome answer) {
        return switch (answer.kind()) {
            case SENT -> new Outcome.Delivered(answer.messageId());
            case TOKEN_GONE -> new Outcome.Dropped(answer.error());
            case AUTH -> new Outcome.Refused("credentials refused: " + answer.error());
            case RETRY -> new Outcome.Failed(answer.error(), answer.retryAfter());
        };
    }

    @Override
    protected Optional<String> givesUp(PushMessage message, Outcome.Failed failure, Duration wait) {
        return message.attempt() >= properties.maxAttempts()
                ? Optional.of("gave up after " + message.attempt() + " attempts: " + failure.error())
                : Optional.empty();
    }

    @Override
    protected Duration retryDelay(PushMessage message, Duration wait) {
        return message.event().isReminder() ? reminders.retryOutsideQuietHours(clock.instant(), wait) : wait;
    }

    @Override
    protected void observe(List<Attempt<PushMessage>> attempts) {
        long refused = attempts.stream()
                .filter(attempt -> attempt.outcome() instanceof Outcome.Refused)
                .count();
        if (refused > 0) {
            log.error(
                    "FCM refused our credentials: {} messages dead-lettered; check the Firebase service account",
                    refused);
        }
    }

    private void count(PushOutcome.Kind kind) {
        outcomes.get(kind).increment();
        if (kind == PushOutcome.Kind.AUTH) {
            authFailures.increment();
        }
    }
}

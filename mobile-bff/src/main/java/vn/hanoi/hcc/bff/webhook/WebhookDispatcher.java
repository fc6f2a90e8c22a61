package vn.hanoi.hcc.bff.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
 * Delivers the webhook outbox (the shared rules: {@link OutboxDispatcher}), in order per dossier: a
 * message is claimed only when no older one of its dossier is still pending
 * ({@link WebhookMessageRepository#claim}), so the next status change waits for the previous one to be
 * delivered or dead-lettered. A batch's messages go out side by side ({@code concurrency} at a time),
 * so one slow receiver holds up no one else. A 2xx answer delivers; anything else, a timeout or a
 * refused connection is tried again after a doubling, jittered wait (by default 30 s up to 1 h) until
 * 24 h after the change (or after ops sent a dead letter again), then the message is dead-lettered. A
 * target whose host resolves to a forbidden address at delivery ({@link WebhookTargetPolicy}) is such a
 * failure: no connection is made, and ops see why in the message's {@code lastError}. Sending:
 * {@link WebhookClient}; timings: {@link WebhookProperties}.
 */
@Component
public class WebhookDispatcher extends OutboxDispatcher<WebhookMessage> {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookProperties properties;
    private final Clock clock;
    private final WebhookClient client;
    private final Counter refused;

    WebhookDispatcher(
            WebhookMessageRepository outbox,
            WebhookProperties properties,
            Clock clock,
            WebhookClient client,
            OutboxTracing tracing,
            MeterRegistry meters) {
        super(
                outbox,
                new Schedule(
                        "Webhook dispatch",
                        properties.dispatch(),
                        "hcc.bff.webhooks.dispatch",
                        properties.pollInterval(),
                        properties.batchSize(),
                        properties.lease(),
                        new Backoff(properties.firstBackoff(), properties.maxBackoff())),
                tracing,
                meters,
                "hcc.webhook");
        this.properties = properties;
        this.clock = clock;
        this.client = client;
        this.refused = meters.counter("hcc.webhook.target.refused");
    }

    @Override
    protected Flux<Attempt<WebhookMessage>> send(List<WebhookMessage> claimed) {
        // a batch holds at most one message per dossier: delivering them side by side keeps the order
        return Flux.fromIterable(claimed)
                .flatMap(
                        message -> client.post(message.url(), message.secret(), message.messageId(), message.payload())
                                .map(outcome -> new Attempt<>(message, outcome)),
                        properties.concurrency());
    }

    /** Retried until the message's window (24 h by default) would be over before the next attempt. */
    @Override
    protected Optional<String> givesUp(WebhookMessage message, Outcome.Failed failure, Duration wait) {
        if (!message.windowStartedAt()
                .plus(properties.giveUpAfter())
                .isBefore(clock.instant().plus(wait))) {
            return Optional.empty();
        }
        log.warn(
                "Webhook message {} dead-lettered after {} attempts: {}",
                message.messageId(),
                message.attempt(),
                failure.error());
        return Optional.of(failure.error());
    }

    @Override
    protected void observe(List<Attempt<WebhookMessage>> attempts) {
        for (Attempt<WebhookMessage> attempt : attempts) {
            if (attempt.outcome() instanceof Outcome.Failed failed
                    && WebhookTargetRefusedException.LAST_ERROR.equals(failed.error())) {
                // the agent's host answered a forbidden address at delivery: a probe of the cluster, or a
                // broken DNS; retried like any failure (an answer may change back), dead-lettered in the end
                log.warn(
                        "Webhook message {}: target refused, it resolved to a forbidden address",
                        attempt.message().messageId());
                refused.increment();
            }
        }
    }
}

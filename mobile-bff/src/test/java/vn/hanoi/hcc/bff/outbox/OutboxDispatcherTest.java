package vn.hanoi.hcc.bff.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The rules every outbox channel shares, on a table kept in memory (the channels' own tests run them
 * on PostgreSQL): what each outcome settles to, the backoff against the receiver's Retry-After, the
 * channel's give-up rule, the dead-letter count, and a drain that goes on until a batch comes back empty.
 */
class OutboxDispatcherTest {

    record Message(long id, int attempt) implements OutboxMessage {

        @Override
        public String traceParent() {
            return null;
        }
    }

    private final Deque<Message> due = new ArrayDeque<>();
    private final List<Settlement<Message>> settled = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private Map<Long, Outcome> answers = Map.of();

    private final OutboxRepository<Message> table = new OutboxRepository<>() {
        @Override
        public String channel() {
            return "test";
        }

        @Override
        public Mono<Backlog> backlog() {
            return Mono.just(new Backlog(due.size(), Duration.ZERO));
        }

        @Override
        public Flux<Message> claim(int limit, Duration lease) {
            List<Message> batch = new ArrayList<>();
            while (batch.size() < limit && !due.isEmpty()) {
                batch.add(due.poll());
            }
            return Flux.fromIterable(batch);
        }

        @Override
        public Mono<Void> settle(List<Settlement<Message>> settlements) {
            settled.addAll(settlements);
            return Mono.empty();
        }

        @Override
        public Mono<Long> requeueDead(long id) {
            return Mono.just(0L);
        }

        @Override
        public Mono<String> stateOf(long id) {
            return id == 1 ? Mono.just("pending") : Mono.empty();
        }
    };

    /** Batches of 2, backoff 10 s after the first attempt (jitter: 5 to 10 s), 3 attempts at most. */
    private final OutboxDispatcher<Message> dispatcher =
            new OutboxDispatcher<>(
                    table,
                    new OutboxDispatcher.Schedule(
                            "Test dispatch",
                            false,
                            "test.enabled",
                            Duration.ofSeconds(1),
                            2,
                            Duration.ofSeconds(5),
                            new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(10))),
                    new OutboxTracing(Tracer.NOOP, ObservationRegistry.NOOP),
                    meters,
                    "test") {
                @Override
                protected Flux<Attempt<Message>> send(List<Message> claimed) {
                    return Flux.fromIterable(claimed).map(message -> new Attempt<>(message, answers.get(message.id())));
                }

                @Override
                protected Optional<String> givesUp(Message message, Outcome.Failed failure, Duration wait) {
                    return message.attempt() >= 3 ? Optional.of("gave up: " + failure.error()) : Optional.empty();
                }
            };

    @Test
    void settlesEachOutcomeAndDrainsUntilABatchIsEmpty() {
        due.addAll(
                List.of(new Message(1, 1), new Message(2, 1), new Message(3, 1), new Message(4, 1), new Message(5, 3)));
        answers = Map.of(
                1L,
                new Outcome.Delivered("fcm-1"),
                2L,
                new Outcome.Dropped("UNREGISTERED"),
                3L,
                new Outcome.Refused("credentials refused"),
                4L,
                new Outcome.Failed("HTTP 503"),
                5L,
                new Outcome.Failed("HTTP 503"));

        StepVerifier.create(dispatcher.drain()).expectNext(5L).verifyComplete();

        assertThat(settled)
                .extracting(Settlement::verdict)
                .containsExactly(
                        Settlement.Verdict.SENT,
                        Settlement.Verdict.DROPPED,
                        Settlement.Verdict.DEAD,
                        Settlement.Verdict.RETRY,
                        Settlement.Verdict.DEAD);
        assertThat(settled)
                .extracting(Settlement::detail)
                .containsExactly("fcm-1", "UNREGISTERED", "credentials refused", "HTTP 503", "gave up: HTTP 503");
        assertThat(settled.get(3).delay()).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThat(meters.counter("test.dead.lettered").count()).isEqualTo(2);
    }

    @Test
    void neverRetriesSoonerThanTheReceiverAsked() {
        due.add(new Message(1, 1));
        answers = Map.of(1L, new Outcome.Failed("HTTP 429", Duration.ofMinutes(2)));

        StepVerifier.create(dispatcher.drain()).expectNext(1L).verifyComplete();

        assertThat(settled).singleElement().extracting(Settlement::delay).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void requeuesOnlyADeadLetterAndSaysWhyNot() {
        StepVerifier.create(table.requeue(1, "test message"))
                .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("this one is pending"))
                .verify();
        StepVerifier.create(table.requeue(2, "test message"))
                .expectErrorSatisfies(
                        error -> assertThat(error.getClass().getSimpleName()).isEqualTo("ResourceNotFoundException"))
                .verify();
    }
}

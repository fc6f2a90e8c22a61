package vn.hanoi.hcc.bff.observability;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Spans ended at once on event-loop threads (where BlockHound watches) and elsewhere: OpenTelemetry's
 * batch processor puts each in its queue under that queue's lock, held for one insertion. Contended,
 * BlockHound took that wait for a blocking call and threw inside R2DBC's connection, which closed
 * with a request in flight that then never answered (a CI run's 5 s and 60 s timeouts); the
 * library allow-list (test-support's {@code LibraryBlockHoundAllowList}) now names it.
 */
class SpanQueueContentionTest {

    private static final int SPANS = 20_000;

    @Test
    void endingSpansOnNonBlockingThreadsWhileOthersDoIsNotABlockingCall() {
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(BatchSpanProcessor.builder(InMemorySpanExporter.create())
                        .setMaxQueueSize(1_000)
                        .build())
                .build()) {
            Tracer tracer = provider.get("span-queue-contention");
            Mono<Void> elsewhere = Mono.fromRunnable(() -> endSpans(tracer))
                    .subscribeOn(Schedulers.boundedElastic())
                    .then();
            Mono<Void> onEventLoops = Flux.range(0, 2)
                    .flatMap(i -> Mono.fromRunnable(() -> endSpans(tracer)).subscribeOn(Schedulers.parallel()))
                    .then();

            assertThatCode(() -> Mono.when(elsewhere, onEventLoops).block(Duration.ofSeconds(60)))
                    .doesNotThrowAnyException();
        }
    }

    private static void endSpans(Tracer tracer) {
        for (int i = 0; i < SPANS; i++) {
            tracer.spanBuilder("query").startSpan().end();
        }
    }
}

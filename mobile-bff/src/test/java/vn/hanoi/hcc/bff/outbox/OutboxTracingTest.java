package vn.hanoi.hcc.bff.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The traceparent a message keeps, and the links a dispatch makes from what was kept, on
 * OpenTelemetry's SDK behind Micrometer's bridge, as the application runs them.
 */
class OutboxTracingTest {

    private static final String WRITER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String WRITER_SPAN = "00f067aa0ba902b7";

    record Message(long id, String traceParent) implements OutboxMessage {

        @Override
        public int attempt() {
            return 1;
        }
    }

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported))
            .build();
    private final Tracer tracer =
            new OtelTracer(provider.get("outbox-tracing-test"), new OtelCurrentTraceContext(), event -> {});
    private final ObservationRegistry observations = ObservationRegistry.create();
    private final OutboxTracing tracing = new OutboxTracing(tracer, observations);

    OutboxTracingTest() {
        observations.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
    }

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void aMessageWrittenInASpanKeepsItsTraceparentAndOneWrittenOutsideNone() {
        assertThat(tracing.currentTraceParent()).isNull();

        Span writer = tracer.nextSpan().name("request").start();
        String kept;
        try (Tracer.SpanInScope scope = tracer.withSpan(writer)) {
            kept = tracing.currentTraceParent();
        } finally {
            writer.end();
        }

        assertThat(kept)
                .isEqualTo("00-" + writer.context().traceId() + "-"
                        + writer.context().spanId() + "-01");
    }

    @Test
    void theDispatchLinksOnceToEachWriterItCanReadAndToNothingElse() {
        String valid = "00-" + WRITER_TRACE + "-" + WRITER_SPAN + "-01";
        List<Message> batch = List.of(
                new Message(1, valid),
                new Message(2, valid),
                new Message(3, null),
                new Message(4, "00-" + WRITER_TRACE + "-0000000000000000-01"),
                new Message(5, "00-00000000000000000000000000000000-" + WRITER_SPAN + "-01"),
                new Message(6, "ff-" + WRITER_TRACE + "-" + WRITER_SPAN + "-01"),
                new Message(7, "00-" + WRITER_TRACE.toUpperCase() + "-" + WRITER_SPAN + "-01"),
                new Message(8, "not a traceparent"));

        tracing.dispatching("push", batch, () -> Mono.just("sent")).block(Duration.ofSeconds(5));

        List<SpanData> spans = exported.getFinishedSpanItems();
        assertThat(spans).singleElement().satisfies(dispatch -> {
            assertThat(dispatch.getName()).isEqualTo("hcc.outbox.dispatch");
            assertThat(dispatch.getTraceId()).isNotEqualTo(WRITER_TRACE);
            assertThat(dispatch.getLinks())
                    .extracting(LinkData::getSpanContext)
                    .singleElement()
                    .satisfies(link -> {
                        assertThat(link.getTraceId()).isEqualTo(WRITER_TRACE);
                        assertThat(link.getSpanId()).isEqualTo(WRITER_SPAN);
                        assertThat(link.isSampled()).isTrue();
                        assertThat(link.isRemote()).isTrue();
                    });
        });
    }
}

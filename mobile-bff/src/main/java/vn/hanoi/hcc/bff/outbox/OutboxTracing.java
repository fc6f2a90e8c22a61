package vn.hanoi.hcc.bff.outbox;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.observability.ObservedMono;

/**
 * Carries a trace through an outbox. A message keeps the W3C {@code traceparent} of the span that
 * wrote it ({@link #currentTraceParent()}, in the message's {@code trace_parent} column); the batch
 * that dispatches it, later and on another trace, is one span ({@code hcc.outbox.dispatch}, tagged
 * with its channel) with a link to each message's writer. A link rather than a parent: the dispatch
 * serves many requests at once, runs long after each has answered, and may be retried for a day.
 * The header is written and read by OpenTelemetry's W3C propagator, the one that reads and writes it
 * on HTTP: what it would not accept from a caller (another version, a zero id) links nothing.
 */
@Component
public class OutboxTracing {

    private static final String TRACE_PARENT = "traceparent";
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    /** A stored traceparent, as the only header of a carrier. */
    private static final TextMapGetter<String> STORED = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String traceParent) {
            return List.of(TRACE_PARENT);
        }

        @Override
        public String get(String traceParent, String key) {
            return TRACE_PARENT.equals(key) ? traceParent : null;
        }
    };

    private final Tracer tracer;
    private final ObservationRegistry observations;

    OutboxTracing(Tracer tracer, ObservationRegistry observations) {
        this.tracer = tracer;
        this.observations = observations;
    }

    /** The {@code traceparent} of the span current here, for a message written now; null outside any trace. */
    public String currentTraceParent() {
        Span span = tracer.currentSpan();
        if (span == null || span.isNoop()) {
            return null;
        }
        Map<String, String> headers = new HashMap<>(2);
        W3C.inject(Context.root().with(OtelSpan.toOtel(span)), headers, Map::put);
        return headers.get(TRACE_PARENT);
    }

    /**
     * Runs one batch's dispatch in its span, linked to the span that wrote each of its messages; the
     * dispatch is made inside the span, so that whatever it starts at once (a send) is in it too.
     */
    <T> Mono<T> dispatching(String channel, List<? extends OutboxMessage> messages, Supplier<Mono<T>> dispatch) {
        return ObservedMono.of(
                () -> {
                    Observation observation = Observation.createNotStarted("hcc.outbox.dispatch", observations)
                            .lowCardinalityKeyValue("channel", channel)
                            .highCardinalityKeyValue("messages", Integer.toString(messages.size()))
                            .start();
                    link(observation, messages);
                    return observation;
                },
                dispatch);
    }

    private static void link(Observation observation, List<? extends OutboxMessage> messages) {
        TracingObservationHandler.TracingContext tracing =
                observation.getContext().get(TracingObservationHandler.TracingContext.class);
        if (tracing == null || tracing.getSpan() == null) {
            return;
        }
        io.opentelemetry.api.trace.Span span = OtelSpan.toOtel(tracing.getSpan());
        if (!span.isRecording()) {
            return;
        }
        messages.stream()
                .map(OutboxMessage::traceParent)
                .filter(traceParent -> traceParent != null)
                .distinct()
                .map(OutboxTracing::writer)
                .filter(SpanContext::isValid)
                .forEach(span::addLink);
    }

    /** The span a stored traceparent names; invalid where the propagator would refuse the header. */
    private static SpanContext writer(String traceParent) {
        return io.opentelemetry.api.trace.Span.fromContext(W3C.extract(Context.root(), traceParent, STORED))
                .getSpanContext();
    }
}

package vn.hanoi.hcc.bff.outbox;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Carries a trace through an outbox. A message keeps the W3C {@code traceparent} of the span that
 * wrote it ({@link #currentTraceParent()}, in the message's {@code trace_parent} column); the batch
 * that dispatches it, later and on another trace, is one span ({@code hcc.outbox.dispatch}, tagged
 * with its channel) with a link to each message's writer. A link rather than a parent: the dispatch
 * serves many requests at once, runs long after each has answered, and may be retried for a day.
 */
@Component
public class OutboxTracing {

    private static final Pattern TRACE_PARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

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
        TraceContext context = span.context();
        return "00-" + context.traceId() + "-" + context.spanId()
                + (Boolean.TRUE.equals(context.sampled()) ? "-01" : "-00");
    }

    /**
     * Runs one batch's dispatch in its span, linked to the span that wrote each of its messages; the
     * dispatch is made inside the span, so that whatever it starts at once (a send) is in it too.
     */
    <T> Mono<T> dispatching(String channel, List<? extends OutboxMessage> messages, Supplier<Mono<T>> dispatch) {
        return Mono.defer(() -> {
            Observation observation = Observation.createNotStarted("hcc.outbox.dispatch", observations)
                    .lowCardinalityKeyValue("channel", channel)
                    .highCardinalityKeyValue("messages", Integer.toString(messages.size()))
                    .start();
            link(observation, messages);
            return observation
                    .scoped(dispatch::get)
                    .doOnError(observation::error)
                    .doFinally(signal -> observation.stop())
                    .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, observation));
        });
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
                .filter(traceParent ->
                        traceParent != null && TRACE_PARENT.matcher(traceParent).matches())
                .distinct()
                .forEach(traceParent -> span.addLink(SpanContext.createFromRemoteParent(
                        traceParent.substring(3, 35),
                        traceParent.substring(36, 52),
                        TraceFlags.fromHex(traceParent, 53),
                        TraceState.getDefault())));
    }
}

package vn.hanoi.hcc.bff.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.exporter.FinishedSpan;
import io.micrometer.tracing.exporter.SpanExportingPredicate;
import io.opentelemetry.api.trace.SpanId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which spans leave the BFF: not a client span that is its own trace. Those are the statements and
 * Redis commands of the background loops outside any span of theirs (the outboxes' claim polls every
 * second, the point index and forecast checks): each would be a trace of one span, many a minute, that
 * only hides the traces of requests and dispatches. Their timings stay in the metrics.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    @Bean
    SpanExportingPredicate onlyClientSpansWithAParent() {
        return TracingConfiguration::isExportable;
    }

    static boolean isExportable(FinishedSpan span) {
        return span.getKind() != Span.Kind.CLIENT || (span.getParentId() != null && SpanId.isValid(span.getParentId()));
    }
}

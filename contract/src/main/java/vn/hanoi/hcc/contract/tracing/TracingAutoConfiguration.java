package vn.hanoi.hcc.contract.tracing;

import io.micrometer.tracing.otel.bridge.Slf4JEventListener;
import io.opentelemetry.context.Context;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * What both services' tracing needs beyond Boot's: the current span's ids in the logging MDC under the
 * ECS names ({@link TraceLog}) instead of Micrometer's {@code traceId} and {@code spanId} (this runs
 * before Boot's tracing auto-configuration, whose listener then backs off); and OpenTelemetry's context
 * storage loaded at startup, on the main thread: loading it reads {@code META-INF/services} from the
 * jars, file I/O that would otherwise happen on the event loop of the first traced request.
 */
@AutoConfiguration(
        beforeName =
                "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration")
@ConditionalOnClass(Slf4JEventListener.class)
public final class TracingAutoConfiguration {

    @Bean
    Slf4JEventListener otelSlf4JEventListener() {
        Context.current(); // loads the context storage now (see above)
        return new Slf4JEventListener(TraceLog.TRACE_ID, TraceLog.SPAN_ID);
    }
}

package vn.hanoi.hcc.contract.tracing;

import io.micrometer.tracing.otel.bridge.Slf4JEventListener;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Writes the current span's ids to the logging MDC under the ECS names ({@link TraceLog}) instead of
 * Micrometer's {@code traceId} and {@code spanId}: runs before Boot's tracing auto-configuration, whose
 * listener backs off when this one exists.
 */
@AutoConfiguration(
        beforeName =
                "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration")
@ConditionalOnClass(Slf4JEventListener.class)
public final class TraceLogAutoConfiguration {

    @Bean
    Slf4JEventListener otelSlf4JEventListener() {
        return new Slf4JEventListener(TraceLog.TRACE_ID, TraceLog.SPAN_ID);
    }
}

package vn.hanoi.hcc.gateway.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The request's span continues a trusted caller's trace only ({@link TrustedCallersPropagator}: Boot's
 * receiver handler backs off for this one), and the BFF is sent the gateway's span ({@link
 * TraceHeadersFilter}).
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    @Bean
    @Order(MicrometerTracingAutoConfiguration.RECEIVER_TRACING_OBSERVATION_HANDLER_ORDER)
    PropagatingReceiverTracingObservationHandler<?> propagatingReceiverTracingObservationHandler(
            ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator, TracingProperties properties) {
        return new PropagatingReceiverTracingObservationHandler<>(
                tracer.getIfAvailable(() -> Tracer.NOOP),
                new TrustedCallersPropagator(
                        propagator.getIfAvailable(() -> Propagator.NOOP), properties.trustedCallers()));
    }

    @Bean
    TraceHeadersFilter traceHeadersFilter(ObjectProvider<Propagator> propagator) {
        return new TraceHeadersFilter(propagator.getIfAvailable(() -> Propagator.NOOP));
    }
}

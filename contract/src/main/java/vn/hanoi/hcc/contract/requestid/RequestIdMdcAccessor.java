package vn.hanoi.hcc.contract.requestid;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Bridges the request id from the Reactor context to the logging MDC on whatever thread an
 * operator runs ({@code spring.reactor.context-propagation=auto} turns the bridge on everywhere,
 * {@code limited} in the operators that restore thread locals). Registered with Micrometer's
 * {@code ContextRegistry} through {@code META-INF/services}, as soon as the registry is first used.
 */
public final class RequestIdMdcAccessor implements ThreadLocalAccessor<String> {

    @Override
    public Object key() {
        return RequestId.KEY;
    }

    @Override
    public String getValue() {
        return MDC.get(RequestId.KEY);
    }

    @Override
    public void setValue(String value) {
        MDC.put(RequestId.KEY, value);
    }

    @Override
    public void setValue() {
        MDC.remove(RequestId.KEY);
    }
}

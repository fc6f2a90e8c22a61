package vn.hanoi.hcc.bff.observability;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Bridges the request id from the Reactor context to the logging MDC on whatever thread an
 * operator runs ({@code spring.reactor.context-propagation=auto} turns the bridge on).
 */
final class RequestIdMdcAccessor implements ThreadLocalAccessor<String> {

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

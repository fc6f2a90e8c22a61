package vn.hanoi.hcc.bff.observability;

import io.micrometer.context.ContextRegistry;
import org.springframework.context.annotation.Configuration;

/** Registers the request id with Micrometer's context propagation, once, at startup. */
@Configuration(proxyBeanMethods = false)
class LogContextConfiguration {

    LogContextConfiguration() {
        ContextRegistry.getInstance().registerThreadLocalAccessor(new RequestIdMdcAccessor());
    }
}

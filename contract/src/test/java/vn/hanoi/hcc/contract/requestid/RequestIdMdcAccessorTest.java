package vn.hanoi.hcc.contract.requestid;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.context.ContextRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/** The request id reaches the logging MDC from the Reactor context, with no registration by the application. */
class RequestIdMdcAccessorTest {

    @Test
    void isRegisteredWithTheContextRegistryByTheLibraryItself() {
        assertThat(ContextRegistry.getInstance().getThreadLocalAccessors())
                .anySatisfy(accessor -> assertThat(accessor).isInstanceOf(RequestIdMdcAccessor.class));
    }

    @Test
    void bridgesTheIdIntoTheMdcWhereAnOperatorRestoresThreadLocals() {
        String logged = Mono.just("line")
                .<String>handle((line, sink) -> sink.next(String.valueOf(MDC.get("requestId"))))
                .contextWrite(Context.of(RequestId.KEY, "thread-hop-7"))
                .block();

        assertThat(logged).isEqualTo("thread-hop-7");
        assertThat(MDC.get("requestId")).as("restored after the operator").isNull();
    }
}

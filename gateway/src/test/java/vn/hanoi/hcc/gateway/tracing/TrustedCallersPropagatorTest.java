package vn.hanoi.hcc.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.propagation.Propagator;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/** A caller's trace context is read only when its connection comes from a trusted address. */
class TrustedCallersPropagatorTest {

    /** Records which headers the delegate was allowed to read. */
    private final List<String> read = new ArrayList<>();

    private final Propagator recording = new Propagator() {
        @Override
        public List<String> fields() {
            return List.of("traceparent");
        }

        @Override
        public <C> void inject(TraceContext context, C carrier, Setter<C> setter) {}

        @Override
        public <C> Span.Builder extract(C carrier, Getter<C> getter) {
            String value = getter.get(carrier, "traceparent");
            if (value != null) {
                read.add(value);
            }
            return Span.Builder.NOOP;
        }
    };

    @Test
    void readsATrustedCallersTraceparent() {
        propagator("10.0.0.0/8").extract(request("10.1.2.3"), this::header);

        assertThat(read).containsExactly("00-trace");
    }

    @Test
    void ignoresAnyoneElses() {
        propagator("10.0.0.0/8", "192.168.1.7").extract(request("11.1.2.3"), this::header);
        propagator("10.0.0.0/8", "192.168.1.7").extract(request("192.168.1.8"), this::header);
        propagator().extract(request("127.0.0.1"), this::header);

        assertThat(read).isEmpty();
    }

    private TrustedCallersPropagator propagator(String... trusted) {
        return new TrustedCallersPropagator(recording, List.of(trusted));
    }

    private String header(ServerHttpRequest request, String name) {
        return request.getHeaders().getFirst(name);
    }

    private static ServerHttpRequest request(String address) {
        return MockServerHttpRequest.get("/api/v1/points")
                .remoteAddress(new InetSocketAddress(address, 40000))
                .header("traceparent", "00-trace")
                .build();
    }
}
